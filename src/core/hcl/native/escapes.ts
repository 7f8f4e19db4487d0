/** Backslash escapes of quoted templates (heredocs and JSON-embedded templates have none). */
import { isHexDigit } from './chars';

export interface DecodedEscape {
  value: string;
  /** Characters consumed from the source, backslash included. */
  length: number;
  /** Set when the escape is malformed; the value then keeps the source text. */
  error?: string;
}

export function decodeEscape(text: string, offset: number): DecodedEscape {
  const selector = text.charCodeAt(offset + 1);
  switch (selector) {
    case 110: // n
      return { value: '\n', length: 2 };
    case 114: // r
      return { value: '\r', length: 2 };
    case 116: // t
      return { value: '\t', length: 2 };
    case 34: // "
      return { value: '"', length: 2 };
    case 92: // backslash
      return { value: '\\', length: 2 };
    case 117: // u
      return decodeHex(text, offset, 4);
    case 85: // U
      return decodeHex(text, offset, 8);
    default: {
      if (Number.isNaN(selector) || selector === 10 || selector === 13) {
        return { value: '\\', length: 1, error: 'A backslash must be followed by an escape character' };
      }
      const shown = String.fromCharCode(selector);
      return {
        value: `\\${shown}`,
        length: 2,
        error: `'\\${shown}' is not a valid escape sequence; use \\n, \\r, \\t, \\", \\\\, \\uNNNN or \\UNNNNNNNN`,
      };
    }
  }
}

function decodeHex(text: string, offset: number, digits: number): DecodedEscape {
  const first = offset + 2;
  for (let i = first; i < first + digits; i++) {
    if (!isHexDigit(text.charCodeAt(i))) {
      const letter = digits === 4 ? 'u' : 'U';
      return {
        value: text.slice(offset, i),
        length: i - offset,
        error: `'\\${letter}' must be followed by exactly ${digits} hexadecimal digits`,
      };
    }
  }
  const codePoint = parseInt(text.slice(first, first + digits), 16);
  // Like HashiCorp's decoder, a number past the last code point (or a lone surrogate from \U)
  // becomes the replacement character rather than an error.
  const valid = codePoint <= 0x10ffff && (digits === 4 || codePoint < 0xd800 || codePoint > 0xdfff);
  return { value: valid ? String.fromCodePoint(codePoint) : '\ufffd', length: digits + 2 };
}
