/**
 * The HCL2 parsers: native syntax (`.tf`, `.tfvars`, `.hcl`) and JSON syntax (`.tf.json`,
 * `.tfvars.json`), both producing the tree in ./ast.
 */
import type { HclFile, HclSyntax } from './ast';
import { parseNativeSyntax } from './native/parse-native';
import { parseJsonSyntax, type JsonBodyMode } from './json/parse-json';
import { PositionTable } from './positions';

export type * from './ast';
export type { JsonBodyMode } from './json/parse-json';
export { PositionTable } from './positions';

/** Prefix of the one error reported if a parser bug ever escapes as an exception. */
export const INTERNAL_ERROR_PREFIX = 'Internal parser error';

/** Parses HCL native syntax. Never throws; problems are in `errors`. */
export function parseHcl(text: string): HclFile {
  return guarded('native', text, () => parseNativeSyntax(text));
}

/**
 * Parses HCL JSON syntax. `configuration` (the default) reads Terraform's `.tf.json` layout, where
 * top-level keys are block types; `attributes` reads every property as an attribute, as in
 * `.tfvars.json`.
 */
export function parseHclJson(text: string, mode: JsonBodyMode = 'configuration'): HclFile {
  return guarded('json', text, () => parseJsonSyntax(text, mode));
}

/** Picks the syntax from the file name: `*.json` is JSON syntax, anything else native. */
export function parseHclFile(path: string, text: string): HclFile {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  if (name.endsWith('.json')) return parseHclJson(text, name.endsWith('.tfvars.json') ? 'attributes' : 'configuration');
  return parseHcl(text);
}

/**
 * The parsers are written not to throw (the fuzz tests check it); this is the last line of
 * defence so that a bug costs one file's tree, not the whole lint run or the editor session.
 */
function guarded(syntax: HclSyntax, text: string, parse: () => HclFile): HclFile {
  try {
    return parse();
  } catch (error) {
    const range = new PositionTable(text).range(0, 0);
    const detail = error instanceof Error ? error.message : String(error);
    return {
      syntax,
      text,
      body: { type: 'Body', items: [], range },
      comments: [],
      errors: [{ message: `${INTERNAL_ERROR_PREFIX}: ${detail}`, range }],
    };
  }
}
