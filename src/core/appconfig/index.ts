/**
 * Application configuration in one flat key model (see `../documents/flat.ts`): parsers for the
 * flat carriers, flattening for YAML/JSON, canonical keys and profiles.
 */
import type { FlatConfig } from '../documents/flat';
import type { TreeFile } from '../documents/tree';
import { parseJsonTree } from '../yaml/parse-json';
import { parseYamlTree } from '../yaml/parse-yaml';
import { parseDotenv } from './env';
import { flattenTree } from './flatten';
import { parseMosquittoConf } from './mosquitto';
import { applyPropertiesProfiles, profileFromFileName } from './profiles';
import { parseProperties } from './properties';

export { canonicalKey } from './canonical-key';
export { hasPlaceholder, type PlaceholderOptions } from './placeholders';
export { parseProperties } from './properties';
export { parseDotenv, parseDotenvDetailed, type EnvEntryDetail } from './env';
export { parseMosquittoConf, MOSQUITTO_SECTION_HEADERS } from './mosquitto';
export { flattenTree, type FlattenOptions } from './flatten';
export { profileFromFileName, documentProfile, combineProfiles, applyPropertiesProfiles } from './profiles';

export interface AppConfigFile {
  config: FlatConfig;
  /** The nested tree for YAML and JSON carriers (fixes edit in that syntax). */
  tree?: TreeFile;
}

/**
 * Reads an application configuration file of a classified kind (`spring-config`, `dotenv`,
 * `mosquitto`, ...). The carrier is chosen by the file name: `.properties`, `.env`, `.conf`, JSON
 * (`.json`, `.jsonc`) or else YAML.
 */
export function parseAppConfig(path: string, text: string, kind: string): AppConfigFile {
  const name = (path.split(/[\\/]/).pop() ?? path).toLowerCase();
  if (kind === 'dotenv') return { config: parseDotenv(text) };
  if (kind === 'mosquitto') return { config: parseMosquittoConf(text) };
  if (name.endsWith('.properties')) {
    const config = parseProperties(text);
    applyPropertiesProfiles(config, profileFromFileName(path, kind === 'properties' ? 'properties' : kind));
    return { config };
  }
  const tree = /\.jsonc?$/.test(name) ? parseJsonTree(text) : parseYamlTree(text);
  const config = flattenTree(tree, kind, { path });
  config.errors.unshift(...tree.errors);
  return { config, tree };
}
