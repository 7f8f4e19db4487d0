/** A strict-enough well-formedness check for the XML and HTML we emit (no parser is installed). */
import * as assert from 'node:assert/strict';

const VOID_HTML = new Set(['meta', 'br', 'hr', 'img', 'link', 'input']);

export function assertWellFormed(markup: string, html = false): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+(?:="[^"<]*")?)*)\s*(\/?)>|<!DOCTYPE[^>]*>|<\?xml[^>]*\?>/g;
  let last = 0;
  for (let match = tag.exec(markup); match; match = tag.exec(markup)) {
    const text = markup.slice(last, match.index);
    assert.doesNotMatch(text, /[<>]/, `stray markup character in text near ${JSON.stringify(text.slice(0, 60))}`);
    assert.doesNotMatch(text, /&(?!(amp|lt|gt|quot|apos|#\d+);)/, 'unescaped & in text');
    last = tag.lastIndex;
    if (!match[2]) continue;
    const [, closing, name, attrs, selfClosing] = match;
    assert.doesNotMatch(attrs, /&(?!(amp|lt|gt|quot|apos|#\d+);)/, `unescaped & in attributes of <${name}>`);
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else if (!selfClosing && !(html && VOID_HTML.has(name.toLowerCase()))) stack.push(name);
  }
  const tail = markup.slice(last);
  assert.doesNotMatch(tail, /[<>]/, 'stray markup after the last tag');
  assert.deepEqual(stack, [], 'unclosed elements');
}
