/**
 * The HCL2 syntax tree. Both the native syntax parser and the JSON syntax reader produce it, so
 * the Terraform model and the rules never care which syntax a file used. Every node has an exact
 * source range so findings can point at a value and fixes can edit text in place.
 */
import type { Range } from '../text/position';

export type HclSyntax = 'native' | 'json';

export interface HclFile {
  syntax: HclSyntax;
  text: string;
  body: Body;
  comments: Comment[];
  errors: HclSyntaxError[];
}

export interface HclSyntaxError {
  message: string;
  range: Range;
}

export interface Comment {
  /** `#` and `//` comments run to the end of the line; `/*` may span lines. */
  style: '#' | '//' | '/*';
  /** The comment text without its delimiters. */
  text: string;
  range: Range;
}

export interface Body {
  type: 'Body';
  /** Attributes and blocks in source order. */
  items: BodyItem[];
  range: Range;
}

export type BodyItem = Attribute | Block;

export interface Attribute {
  type: 'Attribute';
  name: string;
  nameRange: Range;
  expr: Expression;
  /** From the first character of the name to the end of the expression. */
  range: Range;
}

export interface BlockLabel {
  value: string;
  /** Whether it was written as a quoted string (`"x"`) or a bare identifier. */
  quoted: boolean;
  range: Range;
}

export interface Block {
  type: 'Block';
  blockType: string;
  typeRange: Range;
  labels: BlockLabel[];
  body: Body;
  /** Range of `{`; absent when the source was broken before it. */
  openBrace?: Range;
  /** Range of `}`; absent when the block was never closed. */
  closeBrace?: Range;
  /** From the block type to the closing brace (or the end of what was parsed). */
  range: Range;
}

export type Expression =
  | LiteralExpr
  | TemplateExpr
  | TupleExpr
  | ObjectExpr
  | FunctionCallExpr
  | VariableExpr
  | GetAttrExpr
  | IndexExpr
  | SplatExpr
  | ForExpr
  | ConditionalExpr
  | BinaryExpr
  | UnaryExpr
  | ParenExpr
  | InvalidExpr;

interface ExprBase {
  range: Range;
}

export interface LiteralExpr extends ExprBase {
  type: 'Literal';
  /** Numbers are JavaScript numbers; `null`, `true`, `false` map to their JS values. */
  value: string | number | boolean | null;
}

export type TemplatePart = TemplateString | TemplateInterpolation | TemplateIf | TemplateFor;

export interface TemplateString {
  type: 'TemplateString';
  /** The decoded text: escapes resolved, `$${`/`%%{` unescaped, heredoc indentation stripped. */
  value: string;
  range: Range;
}

export interface TemplateInterpolation {
  type: 'TemplateInterpolation';
  expr: Expression;
  stripLeft: boolean;
  stripRight: boolean;
  range: Range;
}

export interface TemplateIf {
  type: 'TemplateIf';
  condition: Expression;
  then: TemplatePart[];
  else?: TemplatePart[];
  range: Range;
}

export interface TemplateFor {
  type: 'TemplateFor';
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  body: TemplatePart[];
  range: Range;
}

export interface TemplateExpr extends ExprBase {
  type: 'Template';
  kind: 'quoted' | 'heredoc';
  /** For heredocs: the marker and whether `<<-` stripping applied. */
  heredoc?: { marker: string; indented: boolean };
  parts: TemplatePart[];
  /** Range of the content between the quotes (or heredoc lines), for in-place edits. */
  contentRange: Range;
}

export interface TupleExpr extends ExprBase {
  type: 'Tuple';
  elements: Expression[];
}

export interface ObjectItem {
  /** A bare identifier key is a Variable expression whose name is the key. */
  key: Expression;
  value: Expression;
  /** `=` or `:` */
  separator: '=' | ':';
  range: Range;
}

export interface ObjectExpr extends ExprBase {
  type: 'Object';
  items: ObjectItem[];
}

export interface FunctionCallExpr extends ExprBase {
  type: 'FunctionCall';
  /** Includes a provider namespace when present, e.g. `provider::aws::arn_parse`. */
  name: string;
  nameRange: Range;
  args: Expression[];
  /** `f(a, b...)`: the last argument is expanded. */
  expandFinal: boolean;
}

export interface VariableExpr extends ExprBase {
  type: 'Variable';
  name: string;
}

export interface GetAttrExpr extends ExprBase {
  type: 'GetAttr';
  target: Expression;
  name: string;
  nameRange: Range;
}

export interface IndexExpr extends ExprBase {
  type: 'Index';
  target: Expression;
  key: Expression;
  /** `a.0` legacy index form. */
  legacy: boolean;
}

export interface SplatExpr extends ExprBase {
  type: 'Splat';
  /** `[*]` is full; `.*` is the attribute-only splat. */
  kind: 'full' | 'attr';
  source: Expression;
  /**
   * What is applied to each element, with the element itself as a `Variable` named `*`
   * (`a[*].b.c` → each = GetAttr(GetAttr(Variable('*'), b), c)).
   */
  each: Expression;
}

export interface ForExpr extends ExprBase {
  type: 'For';
  kind: 'tuple' | 'object';
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  /** Only for object-for: the key expression. */
  keyExpr?: Expression;
  valueExpr: Expression;
  condition?: Expression;
  /** `...` after the value in an object-for. */
  grouping: boolean;
}

export interface ConditionalExpr extends ExprBase {
  type: 'Conditional';
  condition: Expression;
  trueExpr: Expression;
  falseExpr: Expression;
}

export type BinaryOperator =
  | '||'
  | '&&'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%';

export interface BinaryExpr extends ExprBase {
  type: 'Binary';
  op: BinaryOperator;
  left: Expression;
  right: Expression;
}

export interface UnaryExpr extends ExprBase {
  type: 'Unary';
  op: '!' | '-';
  operand: Expression;
}

export interface ParenExpr extends ExprBase {
  type: 'Paren';
  expr: Expression;
}

/** Stands in for a broken region so the rest of the tree survives. */
export interface InvalidExpr extends ExprBase {
  type: 'Invalid';
}
