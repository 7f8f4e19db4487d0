/**
 * What the fuzz suite runs each input through: every parser of a family, and the whole engine.
 * A target returns the parse (so its ranges can be checked) and the problems it reported.
 */
import { parseHcl, parseHclJson } from '../../src/core/hcl';
import { parseJsonTree, parseYamlTree } from '../../src/core/yaml';
import { parseAppConfig, parseDotenv, parseMosquittoConf, parseProperties } from '../../src/core/appconfig';
import { kubernetesObjects } from '../../src/core/kubernetes/objects';
import { classifyFile } from '../../src/core/documents/classify';
import { createEngine } from '../../src/core/engine/engine';
import type { EngineLintResult } from '../../src/core/engine/api';
import type { EngineConfig } from '../../src/core/config/types';
import { loadConfigText } from '../../src/core/config/load';
import { parseWaiverFile } from '../../src/core/engine/waiver-file';
import { MemoryHost } from '../unit/helpers/hosts';
import type { Family } from './corpus';

export interface ParseView {
  /** The text every range refers to. */
  text: string;
  /** The object graph to search for ranges. */
  tree: unknown;
  errors: Array<{ message: string; range: unknown }>;
}

export interface ParserTarget {
  name: string;
  family: Family;
  run(text: string): ParseView;
}

function view(text: string, result: { errors: Array<{ message: string; range: unknown }> }, extra?: unknown): ParseView {
  return { text, tree: extra === undefined ? result : [result, extra], errors: result.errors };
}

export const PARSER_TARGETS: readonly ParserTarget[] = [
  { name: 'hcl-native', family: 'hcl', run: (text) => view(text, parseHcl(text)) },
  { name: 'hcl-json-configuration', family: 'hcl-json', run: (text) => view(text, parseHclJson(text, 'configuration')) },
  { name: 'hcl-json-attributes', family: 'hcl-json', run: (text) => view(text, parseHclJson(text, 'attributes')) },
  {
    name: 'yaml-kubernetes',
    family: 'yaml',
    run: (text) => {
      const tree = parseYamlTree(text);
      return view(text, tree, kubernetesObjects(tree));
    },
  },
  { name: 'yaml-helm', family: 'yaml', run: (text) => view(text, parseYamlTree(text, { templates: 'helm' })) },
  { name: 'yaml-spring', family: 'yaml', run: (text) => view(text, parseAppConfig('/w/application.yml', text, 'spring-config').config) },
  { name: 'yaml-classify', family: 'yaml', run: (text) => ({ text, tree: classifyFile('/w/deploy.yaml', text), errors: [] }) },
  {
    name: 'yaml-settings-file',
    family: 'yaml',
    run: (text) => ({ text, tree: [], errors: loadConfigText(text, '.enisa-health.yaml').errors.map((e) => ({ message: e.message, range: undefined })) }),
  },
  { name: 'yaml-waiver-file', family: 'yaml', run: (text) => ({ text, tree: parseWaiverFile('/w/.enisa-health-waivers.yaml', text, '/w'), errors: [] }) },
  { name: 'json-tree', family: 'json', run: (text) => view(text, parseJsonTree(text)) },
  { name: 'json-aspnet', family: 'json', run: (text) => view(text, parseAppConfig('/w/appsettings.json', text, 'aspnet-config').config) },
  { name: 'json-classify', family: 'json', run: (text) => ({ text, tree: classifyFile('/w/settings.json', text), errors: [] }) },
  { name: 'properties', family: 'properties', run: (text) => view(text, parseProperties(text)) },
  { name: 'properties-spring', family: 'properties', run: (text) => view(text, parseAppConfig('/w/application-prod.properties', text, 'spring-config').config) },
  { name: 'dotenv', family: 'dotenv', run: (text) => view(text, parseDotenv(text)) },
  { name: 'mosquitto', family: 'mosquitto', run: (text) => view(text, parseMosquittoConf(text)) },
];

export function parserTargetsFor(family: Family): ParserTarget[] {
  return PARSER_TARGETS.filter((target) => target.family === family);
}

/** Where a file of a family goes in the fake workspace, so the engine classifies and lints it. */
export function workspaceName(family: Family, baseName: string): string {
  switch (family) {
    case 'hcl':
      return /\.(tf|tfvars)$/i.test(baseName) ? baseName : 'main.tf';
    case 'hcl-json':
      return /\.(tf|tfvars)\.json$/i.test(baseName) ? baseName : 'main.tf.json';
    case 'properties':
      return 'application.properties';
    case 'dotenv':
      return '.env';
    case 'mosquitto':
      return 'mosquitto.conf';
    default:
      return baseName;
  }
}

/** A workspace in memory whose files are bytes or text, as a real host returns them. */
export class BytesHost extends MemoryHost<Uint8Array | string> {}

export const FUZZ_WORKSPACE = '/fuzz-ws';

/** Lints one file placed alone in a folder of the fake workspace. */
export async function lintOne(path: string, content: Uint8Array | string, config?: EngineConfig): Promise<EngineLintResult> {
  const engine = createEngine({ host: new BytesHost(new Map([[path, content]])), config, today: '2026-01-01' });
  return engine.lint([path]);
}
