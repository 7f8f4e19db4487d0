/**
 * Inputs built to hurt: extreme nesting, huge lines and strings, alias bombs, duplicate keys.
 * Each generator takes a size `n` (a depth, a length or a count) so the same shape can be built
 * at the size the brief names (10,000 levels, 5 MB) and at small sizes for scaling checks.
 */
import type { Family } from './corpus';

export interface HostileInput {
  name: string;
  family: Family;
  /** The size the suite uses for the full-size case. */
  fullSize: number;
  /** The size `npm test` uses when the full size costs more than its few-second budget allows. */
  boundedSize?: number;
  /** The engine must report a parse error for it (the input is malformed at any size). */
  broken?: boolean;
  /** Also check that the whole engine's time grows linearly with this input's size. */
  engineScaling?: boolean;
  build(n: number): string;
}

const DEEP = 10_000;
const HUGE = 5_000_000;

function nested(open: string, close: string, n: number, inner = ''): string {
  return open.repeat(n) + inner + close.repeat(n);
}

function indentedMaps(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`${' '.repeat(Math.min(i, 2000))}k${i}:`);
  return `${lines.join('\n')} leaf\n`;
}

/** Each level refers to the previous one `fan` times: expanded, it holds fan^levels leaves. */
function aliasBomb(levels: number, fan: number, leaf: string): string {
  let text = `l0: &l0 ${leaf}\n`;
  for (let i = 1; i < levels; i++) text += `l${i}: &l${i} [${Array.from({ length: fan }, () => `*l${i - 1}`).join(', ')}]\n`;
  return text;
}

function mergeBomb(levels: number, fan: number): string {
  let text = 'm0: &m0 {a: 1}\n';
  for (let i = 1; i < levels; i++) text += `m${i}: &m${i} {<<: [${Array.from({ length: fan }, () => `*m${i - 1}`).join(', ')}], k${i}: ${i}}\n`;
  return text;
}

function lines(n: number, line: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(line(i));
  return out.join('\n');
}

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  // Nesting, 10,000 levels, through every syntax that nests.
  { name: 'hcl-deep-tuple', family: 'hcl', fullSize: DEEP, build: (n) => `a = ${nested('[', ']', n, '1')}\n` },
  { name: 'hcl-deep-object', family: 'hcl', fullSize: DEEP, build: (n) => `a = ${nested('{x = ', '}', n, '1')}\n` },
  { name: 'hcl-deep-blocks', family: 'hcl', fullSize: DEEP, build: (n) => `${'b {\n'.repeat(n)}${'}\n'.repeat(n)}` },
  { name: 'hcl-deep-parens', family: 'hcl', fullSize: DEEP, build: (n) => `a = ${nested('(', ')', n, 'x')}\n` },
  { name: 'hcl-deep-unclosed', family: 'hcl', fullSize: DEEP, broken: true, build: (n) => `resource "a" "b" {\n  a = ${'[{('.repeat(n)}\n` },
  { name: 'hcl-deep-interpolation', family: 'hcl', fullSize: DEEP, broken: true, build: (n) => `a = "${'${"'.repeat(n)}\n` },
  { name: 'hcl-deep-directives', family: 'hcl', fullSize: DEEP, boundedSize: 5_000, build: (n) => `a = "${'%{ if x }'.repeat(n)}${'%{ endif }'.repeat(n)}"\n` },
  { name: 'hcl-deep-heredocs', family: 'hcl', fullSize: 2_000, broken: true, build: (n) => `a = <<EOF\n${'${<<EOF\n'.repeat(n)}` },
  { name: 'hcl-long-operator-chain', family: 'hcl', fullSize: DEEP * 10, boundedSize: 20_000, build: (n) => `a = ${'x + '.repeat(n)}x\n` },
  { name: 'hcl-deep-conditional', family: 'hcl', fullSize: DEEP, build: (n) => `a = ${'c ? x : '.repeat(n)}y\n` },
  { name: 'hcl-deep-unary', family: 'hcl', fullSize: DEEP, build: (n) => `a = ${'!-'.repeat(n)}x\n` },
  { name: 'hcl-json-deep', family: 'hcl-json', fullSize: DEEP, build: (n) => `{"locals": {"a": ${nested('[', ']', n)}}}` },
  { name: 'json-deep-array', family: 'json', fullSize: DEEP, build: (n) => nested('[', ']', n) },
  { name: 'json-deep-object', family: 'json', fullSize: DEEP, build: (n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}` },
  { name: 'json-deep-unclosed', family: 'json', fullSize: DEEP, broken: true, build: (n) => '{"a":['.repeat(n) },
  { name: 'yaml-deep-flow', family: 'yaml', fullSize: DEEP, build: (n) => `a: ${nested('[', ']', n)}\n` },
  { name: 'yaml-deep-flow-maps', family: 'yaml', fullSize: DEEP, boundedSize: 3_000, build: (n) => `a: ${nested('{a: ', '}', n, '1')}\n` },
  { name: 'yaml-deep-block-seq', family: 'yaml', fullSize: DEEP, build: (n) => `${'- '.repeat(n)}x\n` },
  { name: 'yaml-deep-indent', family: 'yaml', fullSize: 1_500, build: indentedMaps },
  { name: 'yaml-deep-unclosed', family: 'yaml', fullSize: DEEP, broken: true, build: (n) => `a: ${'[{'.repeat(n)}\n` },

  // 5 MB in one line or one string.
  { name: 'hcl-huge-string', family: 'hcl', fullSize: HUGE, build: (n) => `a = "${'x'.repeat(n)}"\n` },
  { name: 'hcl-huge-unterminated-string', family: 'hcl', fullSize: HUGE, boundedSize: 1_000_000, broken: true, build: (n) => `a = "${'x'.repeat(n)}` },
  { name: 'hcl-huge-heredoc', family: 'hcl', fullSize: HUGE, boundedSize: 1_000_000, build: (n) => `a = <<EOT\n${'line of text\n'.repeat(Math.ceil(n / 13))}EOT\n` },
  { name: 'hcl-huge-comment', family: 'hcl', fullSize: HUGE, boundedSize: 1_000_000, build: (n) => `/* ${'*'.repeat(n)}` },
  { name: 'hcl-huge-identifier', family: 'hcl', fullSize: HUGE, boundedSize: 1_000_000, broken: true, build: (n) => 'x'.repeat(n) },
  { name: 'hcl-huge-line-of-attributes', family: 'hcl', fullSize: HUGE / 10, boundedSize: 50_000, broken: true, build: (n) => 'a = 1 '.repeat(n) },
  { name: 'hcl-json-huge-string', family: 'hcl-json', fullSize: HUGE, build: (n) => `{"locals": {"a": "${'x'.repeat(n)}"}}` },
  { name: 'json-huge-string', family: 'json', fullSize: HUGE, boundedSize: 500_000, build: (n) => `{"a": "${'\\u0041x'.repeat(n / 7)}"}` },
  { name: 'json-huge-line', family: 'json', fullSize: HUGE / 8, boundedSize: 2_000, build: (n) => `[${'{"k":1},'.repeat(n)}1]` },
  { name: 'yaml-huge-plain', family: 'yaml', fullSize: HUGE, boundedSize: 1_000_000, build: (n) => `a: ${'x'.repeat(n)}\n` },
  { name: 'yaml-huge-quoted', family: 'yaml', fullSize: HUGE, boundedSize: 250_000, build: (n) => `a: "${'x'.repeat(n)}"\n` },
  { name: 'yaml-huge-unterminated', family: 'yaml', fullSize: HUGE, boundedSize: 250_000, broken: true, build: (n) => `a: "${'x'.repeat(n)}` },
  { name: 'yaml-huge-key', family: 'yaml', fullSize: HUGE, boundedSize: 250_000, build: (n) => `${'k'.repeat(n)}: v\n` },
  { name: 'yaml-huge-flow-line', family: 'yaml', fullSize: HUGE / 6, boundedSize: 1_000, build: (n) => `a: [${'x, y, '.repeat(n)}z]\n` },
  { name: 'properties-huge-value', family: 'properties', fullSize: HUGE, boundedSize: 1_000_000, build: (n) => `a=${'x'.repeat(n)}\n` },
  { name: 'properties-huge-key', family: 'properties', fullSize: HUGE, boundedSize: 250_000, build: (n) => 'k'.repeat(n) },
  { name: 'properties-huge-continued', family: 'properties', fullSize: HUGE / 4, boundedSize: 50_000, build: (n) => `a=${'x\\\n'.repeat(n)}` },
  { name: 'properties-brackets-key', family: 'properties', fullSize: HUGE, boundedSize: 250_000, build: (n) => `${'['.repeat(n)}=1\n` },
  { name: 'dotenv-huge-value', family: 'dotenv', fullSize: HUGE, boundedSize: 1_000_000, build: (n) => `A=${'x'.repeat(n)}\n` },
  { name: 'dotenv-huge-unterminated', family: 'dotenv', fullSize: HUGE, boundedSize: 500_000, broken: true, build: (n) => `A="${'x'.repeat(n)}` },
  { name: 'dotenv-huge-escapes', family: 'dotenv', fullSize: HUGE, boundedSize: 500_000, build: (n) => `A="${'\\n'.repeat(n / 2)}"\n` },
  { name: 'mosquitto-huge-line', family: 'mosquitto', fullSize: HUGE, boundedSize: 1_000_000, build: (n) => `listener 1883 ${'x'.repeat(n)}\n` },

  // Many lines, many keys.
  { name: 'hcl-many-blocks', family: 'hcl', fullSize: 50_000, boundedSize: 500, engineScaling: true, build: (n) => lines(n, (i) => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "b${i}"\n}`) },
  { name: 'yaml-many-documents', family: 'yaml', fullSize: 50_000, boundedSize: 100, engineScaling: true, build: (n) => lines(n, (i) => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec: {containers: [{name: c, image: i, securityContext: {privileged: true}}]}`) },
  { name: 'properties-many-lines', family: 'properties', fullSize: 200_000, boundedSize: 5_000, engineScaling: true, build: (n) => lines(n, (i) => `key.number${i}=value${i}`) },
  { name: 'mosquitto-many-listeners', family: 'mosquitto', fullSize: 200_000, boundedSize: 1_000, engineScaling: true, build: (n) => lines(n, (i) => `listener ${1000 + (i % 60000)}\nallow_anonymous true`) },

  // Duplicate keys.
  { name: 'yaml-duplicate-keys', family: 'yaml', fullSize: 100_000, boundedSize: 2_000, engineScaling: true, build: (n) => 'a: 1\n'.repeat(n) },
  { name: 'json-duplicate-keys', family: 'json', fullSize: 100_000, boundedSize: 2_000, engineScaling: true, build: (n) => `{${'"a": 1,'.repeat(n)}"a": 2}` },
  { name: 'hcl-duplicate-attributes', family: 'hcl', fullSize: 100_000, boundedSize: 5_000, engineScaling: true, build: (n) => 'a = 1\n'.repeat(n) },
  { name: 'properties-duplicate-keys', family: 'properties', fullSize: 100_000, boundedSize: 5_000, build: (n) => 'a=1\n'.repeat(n) },
  { name: 'dotenv-duplicate-keys', family: 'dotenv', fullSize: 100_000, boundedSize: 5_000, build: (n) => 'A=1\n'.repeat(n) },

  // Alias and anchor bombs ("billion laughs"): small files that explode when expanded.
  { name: 'yaml-alias-bomb', family: 'yaml', fullSize: 9, build: (n) => aliasBomb(n, 9, '[lol]') },
  { name: 'yaml-alias-bomb-empty', family: 'yaml', fullSize: 9, build: (n) => aliasBomb(n, 9, '[]') },
  { name: 'yaml-alias-bomb-maps', family: 'yaml', fullSize: 9, build: (n) => aliasBomb(n, 9, '{a: b}') },
  { name: 'yaml-merge-bomb', family: 'yaml', fullSize: 40, build: (n) => mergeBomb(n, 2) },
  { name: 'yaml-wide-merge-bomb', family: 'yaml', fullSize: 12, build: (n) => mergeBomb(n, 9) },
  { name: 'yaml-many-anchors', family: 'yaml', fullSize: 100_000, boundedSize: 1_000, build: (n) => lines(n, (i) => `a${i}: &x${i} [*x${Math.max(0, i - 1)}]`) },
  { name: 'yaml-self-alias', family: 'yaml', fullSize: 1, build: () => 'a: &a [*a]\nb: &b {c: *b}\n' },
];

/**
 * What a hostile input is wrapped in for the engine, so it is classified as a kind the engine
 * parses (a bare YAML map is "some YAML file" and left alone): YAML becomes a Kubernetes object.
 */
export function engineText(input: HostileInput, text: string): string {
  if (input.family !== 'yaml' || /^(---|- |apiVersion)/.test(text)) return text;
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fuzz\n${text}`;
}

/** The hostile inputs of one family. */
export function hostileFor(family: Family): HostileInput[] {
  return HOSTILE_INPUTS.filter((input) => input.family === family);
}
