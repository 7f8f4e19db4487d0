/**
 * Token kinds of the native syntax's expression/structure mode (templates are scanned raw).
 * A plain enum, not a const enum: files transpiled one at a time cannot inline a const enum
 * from another file, and reading it through the module's export getter on every comparison
 * cost a quarter of the parse time. Consumers keep a module-local alias instead.
 */
export enum Tok {
  EOF,
  Newline,
  Ident,
  Number,
  /** `"` opening a quoted template; its content is scanned by the template parser. */
  Quote,
  /** `<<MARKER` or `<<-MARKER`; the lexer records the marker. */
  Heredoc,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Comma,
  Dot,
  Ellipsis,
  Star,
  Slash,
  Percent,
  Plus,
  Minus,
  Bang,
  AndAnd,
  OrOr,
  EqEq,
  NotEq,
  Lt,
  Le,
  Gt,
  Ge,
  Assign,
  FatArrow,
  Colon,
  DoubleColon,
  Question,
  Tilde,
  /** A character the native syntax has no use for (including a lone `$`, `&` or `|`). */
  Invalid,
}

const DESCRIPTIONS: Record<number, string> = {
  [Tok.EOF]: 'the end of the file',
  [Tok.Newline]: 'a newline',
  [Tok.Quote]: 'a string',
  [Tok.Heredoc]: 'a heredoc',
};

/** How a token is named in error messages: its text in quotes, or a phrase for the odd ones. */
export function describeToken(kind: Tok, text: string): string {
  const described = DESCRIPTIONS[kind];
  if (described !== undefined) return described;
  const shown = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return `'${shown}'`;
}
