/**
 * Every node of every corpus file that parses cleanly must point at its own source text: names at
 * names, brackets at brackets, literals at their digits, children inside their parents. This
 * checks expression ranges far beyond what the tree-sitter comparison (blocks and attributes)
 * covers.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseHcl } from '../../../src/core/hcl';
import type { Body, Expression, HclFile, TemplatePart } from '../../../src/core/hcl';
import type { Range } from '../../../src/core/text/position';
import { corpusDir, isNativeHclFile, listFiles } from './support/helpers';

class RangeChecker {
  checked = 0;

  constructor(
    private readonly file: HclFile,
    private readonly name: string,
  ) {}

  private text(range: Range): string {
    return this.file.text.slice(range.start.offset, range.end.offset);
  }

  private inside(child: Range, parent: Range, what: string): void {
    assert.ok(
      parent.start.offset <= child.start.offset && child.end.offset <= parent.end.offset,
      `${this.name}: ${what} ${JSON.stringify(this.text(child))} lies outside its parent ${JSON.stringify(this.text(parent))}`,
    );
  }

  body(body: Body): void {
    for (const item of body.items) {
      this.inside(item.range, body.range, item.type);
      if (item.type === 'Attribute') {
        assert.equal(this.text(item.nameRange), item.name, this.name);
        this.inside(item.expr.range, item.range, 'value');
        this.expression(item.expr);
      } else {
        assert.equal(this.text(item.typeRange), item.blockType, this.name);
        for (const label of item.labels) {
          const text = this.text(label.range);
          if (!label.quoted) assert.equal(text, label.value, this.name);
          else if (!text.includes('\\')) assert.equal(text, `"${label.value}"`, this.name);
        }
        assert.equal(this.text(item.openBrace!), '{', this.name);
        assert.equal(this.text(item.closeBrace!), '}', this.name);
        this.body(item.body);
      }
    }
  }

  private expression(expr: Expression): void {
    this.checked++;
    const text = this.text(expr.range);
    const at = `${this.name}: ${expr.type} ${JSON.stringify(text.slice(0, 60))}`;
    const child = (node: Expression): void => {
      this.inside(node.range, expr.range, `child of ${expr.type}`);
      this.expression(node);
    };
    switch (expr.type) {
      case 'Literal':
        if (typeof expr.value === 'number') assert.equal(Number(text), expr.value, at);
        else assert.equal(text, String(expr.value), at);
        break;
      case 'Variable':
        if (expr.name === '*') assert.ok(text === '[*]' || text === '.*', at);
        else assert.equal(text, expr.name, at);
        break;
      case 'GetAttr':
        assert.equal(this.text(expr.nameRange), expr.name, at);
        assert.equal(expr.range.end.offset, expr.nameRange.end.offset, at);
        child(expr.target);
        break;
      case 'Index':
        assert.ok(expr.legacy ? /\.\s*\d+$/.test(text) : text.endsWith(']'), at);
        child(expr.target);
        child(expr.key);
        break;
      case 'Splat':
        this.inside(expr.source.range, expr.range, 'splat source');
        this.expression(expr.source);
        this.inside(expr.each.range, expr.range, 'splat step');
        this.expression(expr.each);
        break;
      case 'FunctionCall':
        assert.equal(this.text(expr.nameRange), expr.name, at);
        assert.ok(text.endsWith(')'), at);
        expr.args.forEach(child);
        break;
      case 'Tuple':
        assert.ok(text.startsWith('[') && text.endsWith(']'), at);
        expr.elements.forEach(child);
        break;
      case 'Object':
        assert.ok(text.startsWith('{') && text.endsWith('}'), at);
        for (const item of expr.items) {
          this.inside(item.range, expr.range, 'object item');
          assert.equal(item.range.start.offset, item.key.range.start.offset, at);
          assert.equal(item.range.end.offset, item.value.range.end.offset, at);
          child(item.key);
          child(item.value);
        }
        break;
      case 'Paren':
        assert.ok(text.startsWith('(') && text.endsWith(')'), at);
        child(expr.expr);
        break;
      case 'For':
        assert.ok(/^[[{]\s*for\b/.test(text), at);
        for (const node of [expr.collection, expr.keyExpr, expr.valueExpr, expr.condition]) if (node) child(node);
        break;
      case 'Conditional':
        assert.equal(expr.range.start.offset, expr.condition.range.start.offset, at);
        assert.equal(expr.range.end.offset, expr.falseExpr.range.end.offset, at);
        [expr.condition, expr.trueExpr, expr.falseExpr].forEach(child);
        break;
      case 'Binary':
        assert.equal(expr.range.start.offset, expr.left.range.start.offset, at);
        assert.equal(expr.range.end.offset, expr.right.range.end.offset, at);
        assert.ok(this.file.text.slice(expr.left.range.end.offset, expr.right.range.start.offset).includes(expr.op), at);
        child(expr.left);
        child(expr.right);
        break;
      case 'Unary':
        assert.ok(text.startsWith(expr.op), at);
        child(expr.operand);
        break;
      case 'Template':
        if (expr.kind === 'quoted') assert.ok(text.startsWith('"') && text.endsWith('"'), at);
        else assert.ok(text.startsWith('<<') && text.trimEnd().endsWith(expr.heredoc!.marker), at);
        this.inside(expr.contentRange, expr.range, 'template content');
        this.parts(expr.parts, expr.contentRange);
        break;
      default:
        assert.fail(`${at}: unexpected node in a file without errors`);
    }
  }

  private parts(parts: TemplatePart[], parent: Range): void {
    for (const part of parts) {
      this.inside(part.range, parent, part.type);
      const text = this.text(part.range);
      if (part.type === 'TemplateString') {
        // Without escapes the value is the source text, or a part of it where `~` or `<<-` stripped spaces.
        if (!/[\\$%]/.test(text) && !part.value.includes('\n')) assert.ok(text.includes(part.value), `${this.name}: ${JSON.stringify(part.value)} vs ${JSON.stringify(text)}`);
      } else if (part.type === 'TemplateInterpolation') {
        assert.ok(text.startsWith('${') && text.endsWith('}'), `${this.name}: ${text}`);
        this.inside(part.expr.range, part.range, 'interpolated expression');
        this.expression(part.expr);
      } else if (part.type === 'TemplateIf') {
        assert.ok(/^%\{~?\s*if\b/.test(text) && /endif\s*~?\}$/.test(text), `${this.name}: ${text}`);
        this.expression(part.condition);
        this.parts(part.then, part.range);
        if (part.else) this.parts(part.else, part.range);
      } else {
        assert.ok(/^%\{~?\s*for\b/.test(text) && /endfor\s*~?\}$/.test(text), `${this.name}: ${text}`);
        this.expression(part.collection);
        this.parts(part.body, part.range);
      }
    }
  }
}

describe('hcl native syntax: ranges across the corpus', function () {
  this.timeout(60_000);

  it('points every node of every clean corpus file at its own source text', function () {
    const corpus = corpusDir();
    if (!corpus) this.skip();
    let files = 0;
    let expressions = 0;
    for (const file of listFiles(corpus!, isNativeHclFile)) {
      const parsed = parseHcl(fs.readFileSync(file, 'utf8'));
      if (parsed.errors.length > 0) continue;
      const checker = new RangeChecker(parsed, path.relative(corpus!, file));
      checker.body(parsed.body);
      files++;
      expressions += checker.checked;
    }
    assert.ok(files > 1000, `checked only ${files} files`);
    assert.ok(expressions > 100_000, `checked only ${expressions} expressions`);
  });
});
