import assert from 'node:assert/strict';
import { parseHcl } from '../../../src/core/hcl';
import type { TemplateExpr, TemplateIf, TemplateFor, TemplateInterpolation } from '../../../src/core/hcl';
import { assertNoErrors, at, attribute, exprOf, shape } from './support/helpers';

function template(source: string): TemplateExpr {
  const file = parseHcl(`x = ${source}\n`);
  assertNoErrors(file);
  const expr = exprOf(file);
  assert.equal(expr.type, 'Template');
  return expr as TemplateExpr;
}

/** Literal values joined, with interpolations shown as ${}: what the template would render. */
function literalText(t: TemplateExpr): string {
  return t.parts.map((part) => (part.type === 'TemplateString' ? part.value : '${}')).join('');
}

describe('hcl native syntax: templates', () => {
  it('decodes every quoted-string escape, including \\u and \\U', () => {
    const t = template('"a\\nb\\rc\\td\\"e\\\\f\\u00e9\\U0001F600"');
    assert.equal(literalText(t), 'a\nb\rc\td"e\\fé😀');
    assert.equal(t.kind, 'quoted');
    assert.equal(at(t.range), '0:4-0:38');
    assert.equal(at(t.contentRange), '0:5-0:37');
  });

  it('reports an unknown escape and an incomplete \\u escape', () => {
    const file = parseHcl('a = "\\q"\nb = "\\u12"\n');
    assert.deepEqual(
      file.errors.map((error) => at(error.range)),
      ['0:5-0:7', '1:5-1:9'],
    );
    assert.match(file.errors[0].message, /'\\q' is not a valid escape sequence/);
    assert.match(file.errors[1].message, /exactly 4 hexadecimal digits/);
  });

  it('splits literals and interpolations with exact ranges', () => {
    const t = template('"arn:${var.partition}:s3:::${local.name}/*"');
    assert.deepEqual(
      t.parts.map((part) => [part.type, at(part.range)]),
      [
        ['TemplateString', '0:5-0:9'],
        ['TemplateInterpolation', '0:9-0:25'],
        ['TemplateString', '0:25-0:31'],
        ['TemplateInterpolation', '0:31-0:44'],
        ['TemplateString', '0:44-0:46'],
      ],
    );
    const first = t.parts[1] as TemplateInterpolation;
    assert.deepEqual(shape(first.expr), { type: 'GetAttr', name: 'partition', target: { type: 'Variable', name: 'var' } });
    assert.equal(at(first.expr.range), '0:11-0:24');
  });

  it('unescapes $${ and %%{ into literal text', () => {
    const t = template('"$${not} %%{ nor } $5 100%"');
    assert.deepEqual(shape(t.parts), [{ type: 'TemplateString', value: '${not} %{ nor } $5 100%' }]);
  });

  it('parses nested templates inside interpolations', () => {
    const t = template('"${format("%s-${var.env}", "x")}"');
    const call = (t.parts[0] as TemplateInterpolation).expr;
    assert.equal(call.type, 'FunctionCall');
    if (call.type === 'FunctionCall') {
      const inner = call.args[0] as TemplateExpr;
      assert.equal(literalText(inner), '%s-${}');
    }
  });

  it('parses if/else/endif and for/endfor directives', () => {
    const t = template('"%{ if var.on }on%{ else }off%{ endif }|%{ for k, v in var.m }${k}=${v},%{ endfor }"');
    const ifPart = t.parts[0] as TemplateIf;
    assert.equal(ifPart.type, 'TemplateIf');
    assert.deepEqual(shape(ifPart.then), [{ type: 'TemplateString', value: 'on' }]);
    assert.deepEqual(shape(ifPart.else), [{ type: 'TemplateString', value: 'off' }]);
    assert.equal(at(ifPart.range), '0:5-0:43');
    const forPart = t.parts[2] as TemplateFor;
    assert.equal(forPart.type, 'TemplateFor');
    assert.equal(forPart.keyVar, 'k');
    assert.equal(forPart.valueVar, 'v');
    assert.deepEqual(
      forPart.body.map((part) => part.type),
      ['TemplateInterpolation', 'TemplateString', 'TemplateInterpolation', 'TemplateString'],
    );
  });

  it('applies ~ strip markers to the adjacent literals only, and records them', () => {
    const t = template('"a  ${~ "x" ~}  b ${"y" ~} c"');
    assert.deepEqual(
      t.parts.map((part) => (part.type === 'TemplateString' ? part.value : `${part.type}(${(part as TemplateInterpolation).stripLeft},${(part as TemplateInterpolation).stripRight})`)),
      ['a', 'TemplateInterpolation(true,true)', 'b ', 'TemplateInterpolation(false,true)', 'c'],
    );
    const directive = template('"%{ if true ~}\n  hello  %{~ endif }"'.replace('\n', '\\n'));
    assert.deepEqual(shape((directive.parts[0] as TemplateIf).then), [{ type: 'TemplateString', value: 'hello' }]);
  });

  it('keeps heredoc text verbatim with its marker and ranges', () => {
    const text = 'policy = <<EOT\n{\n  "a": "${var.x}" \\n\n}\nEOT\nnext = 1\n';
    const file = parseHcl(text);
    assertNoErrors(file);
    const t = attribute(file.body, 'policy').expr as TemplateExpr;
    assert.equal(t.kind, 'heredoc');
    assert.deepEqual(t.heredoc, { marker: 'EOT', indented: false });
    assert.equal(literalText(t), '{\n  "a": "${}" \\n\n}\n');
    assert.equal(at(t.range), '0:9-4:3');
    assert.equal(at(t.contentRange), '1:0-4:0');
    assert.equal(at(attribute(file.body, 'next').range), '5:0-5:8');
  });

  it('removes the common indentation of <<- heredocs, as in the HCL spec suite', () => {
    const cases: Array<[string, string]> = [
      ['    Foo\n    Bar\n    Baz\n  EOT', 'Foo\nBar\nBaz\n'],
      ['    Foo\n      Bar\n    Baz\n  EOT', 'Foo\n  Bar\nBaz\n'],
      ['    Foo\n  Bar\n    Baz\n  EOT', '  Foo\nBar\n  Baz\n'],
      ['\tFoo\n  Bar\n  Baz\n  EOT', 'Foo\n Bar\n Baz\n'],
      ['   \u2003\u2003Foo\n    Bar\n  EOT', '\u2003Foo\nBar\n'],
      ['    Foo\n\n    Bar\n  EOT', 'Foo\n\nBar\n'],
      ['    Foo\n    ${bar}\n    Baz\n  EOT', 'Foo\n${}\nBaz\n'],
      ['    Foo\n  ${bar}\n    Baz\n  EOT', '  Foo\n${}\n  Baz\n'],
    ];
    for (const [body, expected] of cases) {
      const t = template(`<<-EOT\n${body}\n`);
      assert.equal(literalText(t), expected, JSON.stringify(body));
      assert.equal(t.heredoc?.indented, true);
    }
  });

  it('does not strip indentation from << heredocs and needs the marker alone on its line', () => {
    const t = template('<<EOT\n    NOT EOT\n  EOT\n');
    assert.equal(literalText(t), '    NOT EOT\n');
  });

  it('parses directives inside heredocs and lets interpolations span lines', () => {
    const t = template('<<EOT\n%{ for s in var.list ~}\n${s}\n%{ endfor ~}\n${join(",",\n  var.x)}\nEOT\n');
    assert.equal(t.parts[0].type, 'TemplateFor');
    assert.deepEqual(
      (t.parts[0] as TemplateFor).body.map((part) => (part.type === 'TemplateString' ? JSON.stringify(part.value) : part.type)),
      ['TemplateInterpolation', '"\\n"'],
    );
    assert.equal(t.parts[t.parts.length - 2].type, 'TemplateInterpolation');
  });

  it('reports unclosed strings, heredocs and directives with their ranges', () => {
    const file = parseHcl('a = "abc\nb = <<EOT\nnever closed\n');
    assert.deepEqual(
      file.errors.map((error) => [error.message, at(error.range)]),
      [
        ['Unclosed string: expected \'"\' before the end of the line', '0:4-0:8'],
        ["Unclosed heredoc: expected a line containing only 'EOT'", '1:4-1:9'],
      ],
    );
    const directive = parseHcl('a = "%{ if x }yes"\n');
    assert.deepEqual(directive.errors.map((error) => [error.message, at(error.range)]), [['Missing %{ endif } for the %{ if } opened here', '0:5-0:14']]);
  });
});
