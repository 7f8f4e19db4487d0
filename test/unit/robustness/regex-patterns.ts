/**
 * Random regular expressions of the supported syntax, for the differential test of the linear
 * matcher against JavaScript's own `RegExp`.
 */
import type { Random } from '../../fuzz/random';

const ATOMS = ['a', 'b', 'c', '.', '\\d', '\\w', '\\s', '\\D', '\\W', '\\S', '[ab]', '[^a]', '[a-c]', '[\\d_]', '[-a]', '[a-]', '\\.', '\\-', '1', ' ', '_', 'A', '[^]', '[]', '\\x41', '\\u0062', '\\t'];
const QUANTIFIERS = ['', '', '', '*', '+', '?', '{2}', '{1,3}', '{0,}', '{2,}', '*?', '+?', '??', '{1,2}?'];
const ASSERTIONS = ['^', '$', '\\b', '\\B'];

export function randomPattern(random: Random, depth = 0): string {
  const parts: string[] = [];
  const length = random.int(1, 4);
  for (let i = 0; i < length; i++) {
    const roll = random.int(0, 9);
    if (roll === 0) parts.push(random.pick(ASSERTIONS));
    else if (roll === 1 && depth < 3) parts.push(`(${random.pick(['', '?:', '?<g>'])}${randomAlternation(random, depth + 1)})${random.pick(QUANTIFIERS)}`);
    else parts.push(random.pick(ATOMS) + random.pick(QUANTIFIERS));
  }
  return parts.join('');
}

function randomAlternation(random: Random, depth: number): string {
  const options = random.int(1, 3);
  return Array.from({ length: options }, () => randomPattern(random, depth)).join('|');
}

export function randomSubject(random: Random): string {
  const alphabet = ['a', 'b', 'c', 'A', 'B', '1', '2', '_', ' ', '.', '-', '\n', '\t', 'é'];
  return Array.from({ length: random.int(0, 12) }, () => random.pick(alphabet)).join('');
}
