/**
 * Turns file bytes into text the way editors do: a byte-order mark decides the encoding (and is
 * dropped, so offsets match what the editor shows), everything else is read as UTF-8. Runs in
 * browsers and Node alike: only `TextDecoder` is used.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** NUL bytes near the start of a non-UTF-16 file: almost certainly not a text file. */
  binary: boolean;
  /** Some bytes were not valid UTF-8 and were replaced by U+FFFD. */
  invalidUtf8: boolean;
}

/** Binary sniffing looks at this many leading bytes, like git and most editors. */
const BINARY_SNIFF_BYTES = 8192;

export function decodeText(input: Uint8Array | string): DecodedText {
  if (typeof input === 'string') return fromString(input);
  if (startsWith(input, [0xef, 0xbb, 0xbf])) return fromUtf8(input.subarray(3), 'utf-8-bom');
  if (startsWith(input, [0xff, 0xfe])) return fromUtf16(input.subarray(2), 'utf-16le');
  if (startsWith(input, [0xfe, 0xff])) return fromUtf16(input.subarray(2), 'utf-16be');
  return fromUtf8(input, 'utf-8');
}

function fromString(input: string): DecodedText {
  const hasBom = input.charCodeAt(0) === 0xfeff;
  const text = hasBom ? input.slice(1) : input;
  const binary = text.slice(0, BINARY_SNIFF_BYTES).indexOf('\u0000') >= 0;
  return { text, encoding: hasBom ? 'utf-8-bom' : 'utf-8', binary, invalidUtf8: false };
}

function fromUtf8(bytes: Uint8Array, encoding: 'utf-8' | 'utf-8-bom'): DecodedText {
  const binary = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) >= 0;
  // `ignoreBOM: true` keeps a second BOM as text: only the first one is a mark.
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding, binary, invalidUtf8: false };
  } catch {
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
    return { text, encoding, binary, invalidUtf8: true };
  }
}

function fromUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  // Big-endian is swapped to little-endian by hand: not every runtime ships a UTF-16BE decoder.
  const littleEndian = encoding === 'utf-16le' ? bytes : swapBytePairs(bytes);
  const text = new TextDecoder('utf-16le', { fatal: false, ignoreBOM: true }).decode(littleEndian);
  return { text, encoding, binary: false, invalidUtf8: false };
}

function swapBytePairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1];
    out[i + 1] = bytes[i];
  }
  // A dangling odd byte stays last; the decoder turns it into U+FFFD.
  if (bytes.length % 2 === 1) out[bytes.length - 1] = bytes[bytes.length - 1];
  return out;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}
