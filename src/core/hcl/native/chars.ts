/**
 * Character classes of the HCL native syntax, tested on UTF-16 char codes so the scanner never
 * builds a string or runs a regular expression for ASCII input.
 */

// Only consulted for non-ASCII characters, which are rare in configuration files.
const UNICODE_ID_START = /^[\p{ID_Start}]$/u;
const UNICODE_ID_CONTINUE = /^[\p{ID_Continue}]$/u;

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isHexDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/**
 * Identifier start: Unicode ID_Start plus `_`, which HashiCorp's scanner also accepts even
 * though Unicode files it under ID_Continue only.
 */
export function isIdentStart(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code < 128) return isAsciiLetter(code) || code === 95;
  return UNICODE_ID_START.test(codePointText(text, offset));
}

/** Identifier continuation: ID_Continue plus `-`. */
export function isIdentPart(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code < 128) return isAsciiLetter(code) || isDigit(code) || code === 95 || code === 45;
  return UNICODE_ID_CONTINUE.test(codePointText(text, offset));
}

/** Width in UTF-16 units of the character at offset (2 for a surrogate pair). */
export function charWidth(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  if (code >= 0xd800 && code <= 0xdbff) {
    const low = text.charCodeAt(offset + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return 2;
  }
  return 1;
}

function codePointText(text: string, offset: number): string {
  return text.slice(offset, offset + charWidth(text, offset));
}

/** Space and tab: the only characters the native syntax treats as horizontal whitespace. */
export function isHorizontalSpace(code: number): boolean {
  return code === 32 || code === 9;
}

export function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/**
 * Unicode White_Space other than line breaks; the heredoc `<<-` indentation and `~` strip
 * markers are defined in terms of Unicode spaces, not just ASCII ones.
 */
export function isUnicodeSpace(code: number): boolean {
  if (code === 32 || code === 9) return true;
  if (code < 128) return code === 11 || code === 12;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Unicode spaces including line breaks: what a `~` strip marker removes. */
export function isStrippableSpace(code: number): boolean {
  return code === 10 || code === 13 || isUnicodeSpace(code);
}

/** Whether `text` holds only spaces and tabs between `start` and `end`. */
export function onlyBlanksBetween(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isHorizontalSpace(text.charCodeAt(i))) return false;
  return true;
}
