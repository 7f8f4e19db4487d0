/**
 * Finding the end of a template without parsing it, for regions past the nesting limit: a
 * small explicit stack replaces recursion, so `"${"${"${...` of any depth costs linear time
 * and constant call-stack depth.
 */

const enum Mode {
  StringText,
  Sequence,
  Braces,
}

/** Offset after the quoted template opening at `start`, or the end of its line if unclosed. */
export function skipQuotedTemplateRaw(text: string, start: number): number {
  const stack: Mode[] = [Mode.StringText];
  let i = start + 1;
  while (i < text.length && stack.length > 0) {
    const code = text.charCodeAt(i);
    if (stack[stack.length - 1] === Mode.StringText) {
      if (code === 34) {
        stack.pop();
        i++;
      } else if (code === 92) {
        i += 2;
      } else if (code === 10 || code === 13) {
        // An unclosed string ends at its line; the enclosing sequence (if any) goes on.
        stack.pop();
        if (stack.length === 0) break;
      } else if ((code === 36 || code === 37) && text.charCodeAt(i + 1) === code && text.charCodeAt(i + 2) === 123) {
        i += 3;
      } else if ((code === 36 || code === 37) && text.charCodeAt(i + 1) === 123) {
        stack.push(Mode.Sequence);
        i += 2;
      } else {
        i++;
      }
      continue;
    }
    if (code === 34) stack.push(Mode.StringText);
    else if (code === 123) stack.push(Mode.Braces);
    else if (code === 125) stack.pop();
    i++;
  }
  return i;
}

/** Offset after the closing marker of a heredoc whose content starts at `contentStart`. */
export function skipHeredocRaw(text: string, contentStart: number, marker: string): number {
  let lineStart = contentStart;
  while (lineStart < text.length) {
    let i = lineStart;
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
    if (text.startsWith(marker, i)) {
      const end = i + marker.length;
      const after = text.charCodeAt(end);
      if (end >= text.length || after === 10 || after === 13) return end;
    }
    let next = text.indexOf('\n', lineStart);
    const carriage = text.indexOf('\r', lineStart);
    if (carriage >= 0 && (next < 0 || carriage < next)) next = text.charCodeAt(carriage + 1) === 10 ? carriage + 1 : carriage;
    if (next < 0) break;
    lineStart = next + 1;
  }
  return text.length;
}
