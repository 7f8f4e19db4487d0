/**
 * The HCL2 parsers: native syntax (`.tf`, `.tfvars`, `.hcl`) and JSON syntax (`.tf.json`,
 * `.tfvars.json`), both producing the tree in ./ast.
 */
import type { HclFile } from './ast';
import { parseNativeSyntax } from './native/parse-native';
import { parseJsonSyntax, type JsonBodyMode } from './json/parse-json';

export type * from './ast';
export type { JsonBodyMode } from './json/parse-json';
export { PositionTable } from './positions';

/** Parses HCL native syntax. Never throws; problems are in `errors`. */
export function parseHcl(text: string): HclFile {
  return parseNativeSyntax(text);
}

/**
 * Parses HCL JSON syntax. `configuration` (the default) reads Terraform's `.tf.json` layout, where
 * top-level keys are block types; `attributes` reads every property as an attribute, as in
 * `.tfvars.json`.
 */
export function parseHclJson(text: string, mode: JsonBodyMode = 'configuration'): HclFile {
  return parseJsonSyntax(text, mode);
}

/** Picks the syntax from the file name: `*.json` is JSON syntax, anything else native. */
export function parseHclFile(path: string, text: string): HclFile {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  if (name.endsWith('.json')) {
    return parseJsonSyntax(text, name.endsWith('.tfvars.json') ? 'attributes' : 'configuration');
  }
  return parseNativeSyntax(text);
}
