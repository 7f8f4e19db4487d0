/** Escaping for the markup formats. */

// XML 1.0 cannot carry most C0 controls even as character references, so they are dropped.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Text inside a Markdown table cell or list item: markup characters are backslash-escaped so a
 * message cannot open a link, emphasis or HTML tag, and `|` and line breaks cannot break the table.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]|~>]/g, (ch) => `\\${ch}`)
    .replace(/</g, '&lt;')
    .replace(/\r\n|\r|\n/g, ' ');
}
