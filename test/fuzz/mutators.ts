/**
 * Ways to damage a real file. Text mutators work on the decoded string (what parsers see); byte
 * mutators work on the encoded file (what the engine's host hands over), for encodings and
 * invalid UTF-8. Each returns the new content; the mutator name goes into the case id.
 */
import type { Family } from './corpus';
import type { Random } from './random';

export interface TextMutator {
  name: string;
  apply(text: string, random: Random, family: Family): string;
}

export interface ByteMutator {
  name: string;
  apply(bytes: Uint8Array, random: Random): Uint8Array;
}

/** The places a cut can fall, one class per way an unfinished file looks in an editor. */
export type BoundaryClass = 'token' | 'string' | 'heredoc' | 'block' | 'line';

export const BOUNDARY_CLASSES: readonly BoundaryClass[] = ['token', 'string', 'heredoc', 'block', 'line'];

const WORD = /[A-Za-z0-9_]/;

/**
 * Offsets where a cut falls inside the given kind of construct. Found by a light scan rather than
 * a parse, so the mutator does not depend on the parsers under test.
 */
export function boundaryOffsets(text: string, kind: BoundaryClass): number[] {
  const out: number[] = [];
  switch (kind) {
    case 'token':
      for (let i = 1; i < text.length; i++) if (WORD.test(text[i - 1]) && WORD.test(text[i])) out.push(i);
      break;
    case 'string': {
      let open = -1;
      for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch === '\n') open = -1;
        else if (ch === '"' || ch === "'") open = open < 0 ? i : -1;
        else if (open >= 0) out.push(i);
      }
      break;
    }
    case 'heredoc': {
      // HCL heredocs (`<<EOF`, `<<-EOF`) and YAML block scalars (`key: |`): cut inside the body.
      const opener = /(<<-?[A-Za-z_]+|:\s*[|>][-+0-9]*)[ \t]*\r?\n/g;
      for (let match = opener.exec(text); match; match = opener.exec(text)) {
        const bodyStart = match.index + match[0].length;
        const bodyEnd = Math.min(text.length, bodyStart + 400);
        for (let i = bodyStart + 1; i < bodyEnd; i++) out.push(i);
      }
      break;
    }
    case 'block':
      // Just inside an opened block, object, list or indented mapping.
      for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch === '{' || ch === '[' || ch === '(') out.push(i + 1);
        else if (ch === ':' && text[i + 1] === '\n') out.push(i + 2);
      }
      break;
    case 'line':
      for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i, i + 1);
      break;
  }
  return out.filter((offset) => offset > 0 && offset < text.length);
}

/** Cut at a random offset of a boundary class; falls back to any offset when the class is absent. */
export function truncateAt(kind: BoundaryClass): TextMutator {
  return {
    name: `truncate-${kind}`,
    apply(text, random) {
      const offsets = boundaryOffsets(text, kind);
      const at = offsets.length > 0 ? random.pick(offsets) : random.int(0, text.length);
      return text.slice(0, at);
    },
  };
}

function lineSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      spans.push([start, Math.min(text.length, i + 1)]);
      start = i + 1;
    }
  }
  return spans;
}

const NOISE = ['{', '}', '[', ']', '(', ')', '"', "'", '`', '${', '%{', '{{', '}}', '<<EOF\n', '<<-X\n', '|\n', '>-\n', '\n', '\r', '\t', '#', '//', '/*', '*/', '=', ':', ': ', '- ', ',', '.', '...', '?', '\\', '\\u', '=>', '&a ', '*a', '<<: ', '!!binary ', '---\n', '...\n', '%YAML 1.2\n', '\u0000', '\ufeff', '\u2028', '\ud83d', '\udc00', '\u00e9', '\uffff'];
const BRACKETS = ['{', '}', '[', ']', '(', ')', '"', "'", '${', '%{', '{{'];

export const TEXT_MUTATORS: readonly TextMutator[] = [
  ...BOUNDARY_CLASSES.map(truncateAt),
  {
    name: 'edit-chars',
    apply(text, random) {
      let out = text;
      const edits = random.int(1, 8);
      for (let i = 0; i < edits; i++) {
        const at = random.int(0, out.length);
        const roll = random.int(0, 3);
        if (roll === 0) out = out.slice(0, at) + random.pick(NOISE) + out.slice(at);
        else if (roll === 1) out = out.slice(0, at) + out.slice(Math.min(out.length, at + random.int(1, 40)));
        else if (roll === 2) out = out.slice(0, at) + String.fromCharCode(random.int(0, 0xffff)) + out.slice(at + 1);
        else out = out.slice(0, at) + String.fromCharCode(random.int(0, 0x7f)) + out.slice(at + 1);
      }
      return out;
    },
  },
  {
    name: 'delete-lines',
    apply(text, random) {
      const spans = lineSpans(text);
      const drop = new Set<number>();
      const count = random.int(1, Math.max(1, Math.ceil(spans.length / 10)));
      for (let i = 0; i < count; i++) drop.add(random.int(0, spans.length - 1));
      return spans.filter((_, i) => !drop.has(i)).map(([s, e]) => text.slice(s, e)).join('');
    },
  },
  {
    name: 'duplicate-lines',
    apply(text, random) {
      const spans = lineSpans(text);
      const parts = spans.map(([s, e]) => text.slice(s, e));
      const count = random.int(1, 6);
      for (let i = 0; i < count; i++) {
        const at = random.int(0, parts.length - 1);
        const length = random.int(1, 8);
        parts.splice(at, 0, ...parts.slice(at, at + length).map((p) => (p.endsWith('\n') ? p : `${p}\n`)));
      }
      return parts.join('');
    },
  },
  {
    name: 'unbalance',
    apply(text, random) {
      let out = text;
      const edits = random.int(1, 4);
      for (let i = 0; i < edits; i++) {
        const at = random.int(0, out.length);
        out = out.slice(0, at) + random.pick(BRACKETS).repeat(random.int(1, 12)) + out.slice(at);
      }
      return out;
    },
  },
  {
    name: 'nul-bytes',
    apply(text, random) {
      let out = text;
      for (let i = random.int(1, 5); i > 0; i--) {
        const at = random.int(0, out.length);
        out = out.slice(0, at) + '\u0000'.repeat(random.int(1, 3)) + out.slice(at);
      }
      return out;
    },
  },
  { name: 'crlf', apply: (text) => text.replace(/\r?\n/g, '\r\n') },
  { name: 'lone-cr', apply: (text) => text.replace(/\r?\n/g, '\r') },
  {
    name: 'mixed-line-ends',
    apply: (text, random) => text.replace(/\r?\n/g, () => random.pick(['\n', '\r\n', '\r', '\u2028'])),
  },
  { name: 'bom', apply: (text) => `\ufeff${text}` },
  {
    name: 'tabs-for-indent',
    apply: (text, random) => text.replace(/^( {2})+/gm, (indent) => (random.chance(0.3) ? '\t'.repeat(indent.length / 2) : indent)),
  },
  {
    name: 'duplicate-keys',
    apply(text, random) {
      // Repeats key lines (`key = v`, `key: v`, `key=v`) right after themselves.
      const spans = lineSpans(text).filter(([s, e]) => /^\s*[\w.-]+\s*[:=]/.test(text.slice(s, e)));
      if (spans.length === 0) return text;
      let out = text;
      for (let i = random.int(1, 4); i > 0; i--) {
        const [s, e] = random.pick(spans);
        const line = text.slice(s, e);
        const copy = line.endsWith('\n') ? line : `\n${line}`;
        const at = out.indexOf(line);
        if (at >= 0) out = out.slice(0, at + line.length) + copy + out.slice(at + line.length);
      }
      return out;
    },
  },
  {
    name: 'splice-files',
    // Half of the file followed by its own first half again: valid-looking but broken structure.
    apply: (text, random) => {
      const at = random.int(0, text.length);
      return text.slice(0, at) + text.slice(0, random.int(0, at));
    },
  },
];

/** Appended text that no parser of the family accepts, so the engine must report `parse-error`. */
export function breakerFor(family: Family): string | undefined {
  switch (family) {
    case 'hcl':
      return '\nresource "broken" "x" {\n  a = [\n';
    case 'hcl-json':
    case 'json':
      return '\n{"unterminated": [';
    case 'yaml':
      return '\nbroken: [unterminated, flow\n';
    case 'dotenv':
      return '\nBROKEN="unterminated\n';
    case 'properties':
      return '\nbroken=\\u12G4\n';
    default:
      return undefined;
  }
}

function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function encodeUtf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = bigEndian ? 0xfe : 0xff;
  out[1] = bigEndian ? 0xff : 0xfe;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? code >> 8 : code & 0xff;
    out[3 + i * 2] = bigEndian ? code & 0xff : code >> 8;
  }
  return out;
}

const INVALID_UTF8: readonly number[][] = [[0xff], [0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0x80, 0x80]];

export const BYTE_MUTATORS: readonly ByteMutator[] = [
  {
    name: 'invalid-utf8',
    apply(bytes, random) {
      const parts: number[] = Array.from(bytes);
      for (let i = random.int(1, 6); i > 0; i--) parts.splice(random.int(0, parts.length), 0, ...random.pick(INVALID_UTF8));
      return Uint8Array.from(parts);
    },
  },
  {
    name: 'random-bytes',
    apply(bytes, random) {
      const out = Uint8Array.from(bytes);
      for (let i = random.int(1, 10); i > 0 && out.length > 0; i--) out[random.int(0, out.length - 1)] = random.int(0, 255);
      return out;
    },
  },
  { name: 'utf8-bom', apply: (bytes) => Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]) },
  { name: 'utf16le', apply: (bytes) => encodeUtf16(new TextDecoder().decode(bytes), false) },
  { name: 'utf16be', apply: (bytes) => encodeUtf16(new TextDecoder().decode(bytes), true) },
  {
    name: 'utf16-no-bom',
    // UTF-16 without a mark reads as UTF-8 full of NULs: it must be skipped as binary, not crash.
    apply: (bytes) => encodeUtf16(new TextDecoder().decode(bytes), false).subarray(2),
  },
  { name: 'binary-head', apply: (bytes) => Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, ...bytes]) },
];

export { encodeUtf8 };
