/**
 * Reads `.enisa-health.yaml`. Every problem is reported with its line and column; a broken file
 * never throws and never half-applies: with errors, callers keep the defaults and show the errors.
 */
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { parseYamlWithinLimits } from '../yaml/limits';
import { LineIndex } from '../text/position';
import type { Severity } from '../findings/types';
import type { EngineConfig, RuleSetting } from './types';
import { defaultConfig } from './defaults';
import { EU_EEA_REGIONS } from './regions';

export interface ConfigError {
  message: string;
  /** 1-based. */
  line: number;
  column: number;
}

export interface LoadedConfig {
  config?: EngineConfig;
  errors: ConfigError[];
}

const TOP_LEVEL_KEYS = new Set([
  'rules',
  'regions',
  'requiredTags',
  'dataClassification',
  'ignorePaths',
  'waivers',
  'extraRuleFolders',
  'maxFileSizeKB',
  'policy',
]);

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export function loadConfigText(text: string, path: string): LoadedConfig {
  const index = new LineIndex(text);
  const errors: ConfigError[] = [];
  const at = (node: YamlNode | null | undefined, message: string) => {
    const offset = node?.range?.[0] ?? 0;
    const pos = index.position(offset);
    errors.push({ message: `${path}: ${message}`, line: pos.line + 1, column: pos.column + 1 });
  };
  let parsed;
  try {
    parsed = parseYamlWithinLimits(text, { uniqueKeys: false, prettyErrors: false });
  } catch (error) {
    return { errors: [{ message: `${path}: cannot read: ${String(error)}`, line: 1, column: 1 }] };
  }
  if ('problem' in parsed) {
    const pos = index.position(parsed.problem.offset);
    return { errors: [{ message: `${path}: ${parsed.problem.message}`, line: pos.line + 1, column: pos.column + 1 }] };
  }
  const doc = parsed.documents[0];
  for (const e of doc.errors) {
    const pos = index.position(e.pos[0]);
    errors.push({ message: `${path}: ${e.message.split('\n')[0]}`, line: pos.line + 1, column: pos.column + 1 });
  }
  if (errors.length) return { errors };
  const config = defaultConfig();
  const root = doc.contents;
  if (root === null || root === undefined) return { config, errors };
  if (!isMap(root)) {
    at(root, 'the configuration must be a mapping of settings');
    return { errors };
  }

  const strings = (node: YamlNode | null | undefined, what: string): string[] | undefined => {
    if (!isSeq(node) || node.items.some((i) => !isScalar(i) || typeof i.value !== 'string')) {
      at(node, `${what} must be a list of strings`);
      return undefined;
    }
    return node.items.map((i) => String((i as { value: unknown }).value));
  };
  const positiveInt = (node: YamlNode | null | undefined, what: string): number | undefined => {
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isInteger(node.value) || node.value < 0) {
      at(node, `${what} must be a whole number of 0 or more`);
      return undefined;
    }
    return node.value;
  };

  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as YamlNode | null;
    if (!TOP_LEVEL_KEYS.has(key)) {
      at(keyNode, `unknown setting "${key}" (expected one of: ${[...TOP_LEVEL_KEYS].join(', ')})`);
      continue;
    }
    switch (key) {
      case 'rules': {
        if (!isMap(value)) {
          at(value, '"rules" must map rule ids to off, error, warning, info or { enabled, severity }');
          break;
        }
        for (const rulePair of value.items) {
          const id = isScalar(rulePair.key) ? String(rulePair.key.value) : '';
          const setting = rulePair.value as YamlNode | null;
          const parsed = parseRuleSetting(setting);
          if (typeof parsed === 'string') at(setting ?? (rulePair.key as YamlNode), `rule "${id}": ${parsed}`);
          else config.rules[id] = parsed;
        }
        break;
      }
      case 'regions': {
        if (!isMap(value)) {
          at(value, '"regions" must be a mapping with "preset" and/or "allow"');
          break;
        }
        const preset = value.get('preset', true) as YamlNode | undefined;
        const allow = value.get('allow', true) as YamlNode | undefined;
        let regions: string[] = [];
        if (preset !== undefined) {
          const name = isScalar(preset) ? preset.value : undefined;
          if (name === 'eu-eea') regions = [...EU_EEA_REGIONS];
          else if (name === 'none') regions = [];
          else at(preset, '"regions.preset" must be "eu-eea" or "none"');
        } else regions = [...EU_EEA_REGIONS];
        if (allow !== undefined) regions.push(...(strings(allow, '"regions.allow"') ?? []));
        for (const k of value.items) {
          const name = isScalar(k.key) ? String(k.key.value) : '';
          if (name !== 'preset' && name !== 'allow') at(k.key as YamlNode, `unknown key "regions.${name}"`);
        }
        config.allowedRegions = regions;
        break;
      }
      case 'requiredTags':
        config.requiredTags = strings(value, '"requiredTags"') ?? config.requiredTags;
        break;
      case 'ignorePaths':
        config.ignorePaths = strings(value, '"ignorePaths"') ?? config.ignorePaths;
        break;
      case 'extraRuleFolders':
        config.extraRuleFolders = strings(value, '"extraRuleFolders"') ?? config.extraRuleFolders;
        break;
      case 'maxFileSizeKB': {
        const kb = positiveInt(value, '"maxFileSizeKB"');
        if (kb !== undefined) config.maxFileSizeBytes = kb * 1024;
        break;
      }
      case 'dataClassification': {
        if (!isMap(value)) {
          at(value, '"dataClassification" must be a mapping with "tagNames" and/or "healthValues"');
          break;
        }
        for (const k of value.items) {
          const name = isScalar(k.key) ? String(k.key.value) : '';
          if (name === 'tagNames') config.dataClassification.tagNames = strings(k.value as YamlNode, '"dataClassification.tagNames"') ?? [];
          else if (name === 'healthValues') config.dataClassification.healthValues = strings(k.value as YamlNode, '"dataClassification.healthValues"') ?? [];
          else at(k.key as YamlNode, `unknown key "dataClassification.${name}"`);
        }
        break;
      }
      case 'waivers': {
        if (!isMap(value)) {
          at(value, '"waivers" must be a mapping with "forbidden", "maxDays" and/or "requireExpiry"');
          break;
        }
        for (const k of value.items) {
          const name = isScalar(k.key) ? String(k.key.value) : '';
          const v = k.value as YamlNode | null;
          if (name === 'forbidden') config.waiverPolicy.forbiddenRules = strings(v, '"waivers.forbidden"') ?? [];
          else if (name === 'maxDays') config.waiverPolicy.maxDays = positiveInt(v, '"waivers.maxDays"');
          else if (name === 'requireExpiry') {
            if (isScalar(v) && typeof v.value === 'boolean') config.waiverPolicy.requireExpiry = v.value;
            else at(v, '"waivers.requireExpiry" must be true or false');
          } else at(k.key as YamlNode, `unknown key "waivers.${name}"`);
        }
        break;
      }
      case 'policy': {
        if (!isMap(value)) {
          at(value, '"policy" must be a mapping');
          break;
        }
        for (const k of value.items) {
          const name = isScalar(k.key) ? String(k.key.value) : '';
          const v = k.value as YamlNode | null;
          if (name === 'minLogRetentionDays' || name === 'minBackupRetentionDays') {
            const n = positiveInt(v, `"policy.${name}"`);
            if (n !== undefined) config[name] = n;
          } else if (name === 'minTlsVersion') {
            const tls = isScalar(v) ? String(v.value) : '';
            if (tls === '1.2' || tls === '1.3') config.minTlsVersion = tls;
            else at(v, '"policy.minTlsVersion" must be "1.2" or "1.3"');
          } else at(k.key as YamlNode, `unknown key "policy.${name}"`);
        }
        break;
      }
    }
  }
  return errors.length ? { errors } : { config, errors };
}

function parseRuleSetting(node: YamlNode | null): RuleSetting | string {
  if (isScalar(node)) {
    const v = node.value;
    if (v === 'off' || v === false) return { enabled: false };
    if (v === 'on' || v === true) return { enabled: true };
    if (typeof v === 'string' && (SEVERITIES as string[]).includes(v)) return { enabled: true, severity: v as Severity };
    return 'expected off, on, error, warning or info';
  }
  if (isMap(node)) {
    const setting: RuleSetting = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const v = isScalar(pair.value) ? pair.value.value : undefined;
      if (key === 'enabled' && typeof v === 'boolean') setting.enabled = v;
      else if (key === 'severity' && typeof v === 'string' && (SEVERITIES as string[]).includes(v)) setting.severity = v as Severity;
      else return `invalid "${key}" (enabled: true|false, severity: error|warning|info)`;
    }
    return setting;
  }
  return 'expected off, on, error, warning or info';
}
