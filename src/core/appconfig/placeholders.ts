/**
 * Values whose real content is only known at run time: `${DB_PASSWORD}` / `${x:default}` (Spring,
 * compose, shell), `{{ .Values.x }}` (Helm, Go and Jinja templates), `%ProgramData%` (Windows and
 * ASP.NET launch settings), and for env files the bare `$VAR` that compose interpolates too.
 */
const BRACED = /\$\{[^}]*\}/;
const MUSTACHE = /\{\{[\s\S]*?\}\}/;
const PERCENT = /%[A-Za-z_][A-Za-z0-9_.-]*%/;
const BARE_SHELL = /\$[A-Za-z_]/;

export interface PlaceholderOptions {
  /** Also count `$VAR` without braces (compose and shell interpolation). */
  bareShellVariables?: boolean;
}

export function hasPlaceholder(value: unknown, options: PlaceholderOptions = {}): boolean {
  if (typeof value !== 'string') return false;
  if (BRACED.test(value) || MUSTACHE.test(value) || PERCENT.test(value)) return true;
  return options.bareShellVariables === true && BARE_SHELL.test(value.replace(/\$\$/g, ''));
}
