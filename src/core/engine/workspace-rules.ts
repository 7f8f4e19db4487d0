/**
 * Rule folders named in `.enisa-health.yaml`. They are data like the built-in rules (nothing in
 * them runs as code) and are read only in trusted workspaces.
 */
import type { FileHost } from './api';
import { loadRules, type RuleLoadError } from '../rules/load-rules';
import type { Rule } from '../rules/rule';
import { decodeText } from '../text/decode';
import { parseYamlWithinLimits } from '../yaml/limits';

function join(dir: string, name: string): string {
  if (name.startsWith('/')) return name;
  return `${dir.replace(/\/+$/, '')}/${name}`.replace(/\/\.\//g, '/');
}

/** Rule files are small documents; a handful of aliases (shared condition snippets) is plenty. */
const MAX_RULE_FILE_ALIASES = 200;

/** An upper bound on the aliases (`*name`) in YAML text: every `*` after a blank or a flow indicator. */
function countAliases(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 42) continue;
    const before = i === 0 ? ' ' : text[i - 1];
    if (/[\s,[{:-]/.test(before)) count++;
  }
  return count;
}

export async function loadWorkspaceRules(host: FileHost, configDir: string, folders: string[], knownControls: (id: string) => boolean): Promise<{ rules: Rule[]; errors: RuleLoadError[] }> {
  const data: unknown[] = [];
  const errors: RuleLoadError[] = [];
  for (const folder of folders) {
    const dir = join(configDir, folder);
    const entries = await host.readDirectory(dir);
    if (!entries) {
      errors.push({ ruleId: '(folder)', definedIn: dir, message: 'rule folder cannot be read' });
      continue;
    }
    for (const entry of entries.filter((e) => e.type === 'file' && /\.ya?ml$/.test(e.name)).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = `${dir}/${entry.name}`;
      const raw = await host.readFile(path);
      if (raw === undefined) continue;
      const text = decodeText(raw).text;
      if (text.length > 512 * 1024) {
        errors.push({ ruleId: '(file)', definedIn: path, message: 'rule file larger than 512 KB is ignored' });
        continue;
      }
      // The library resolves each alias by searching the document, and checks duplicate keys pair by
      // pair: both quadratic, so a rule file full of aliases or keys could stall every lint.
      const aliases = countAliases(text);
      if (aliases > MAX_RULE_FILE_ALIASES) {
        errors.push({ ruleId: '(file)', definedIn: path, message: `rule file uses ${aliases} aliases, more than the ${MAX_RULE_FILE_ALIASES} allowed` });
        continue;
      }
      const parsed = parseYamlWithinLimits(text, { uniqueKeys: false });
      if ('problem' in parsed) {
        errors.push({ ruleId: '(file)', definedIn: path, message: `rule file ${parsed.problem.message}` });
        continue;
      }
      for (const doc of parsed.documents) {
        if (doc.errors.length) {
          errors.push({ ruleId: '(file)', definedIn: path, message: 'not valid YAML' });
          continue;
        }
        let value: unknown;
        try {
          value = doc.toJS({ maxAliasCount: 100 });
        } catch (error) {
          // The library refuses alias bombs by throwing; one bad file must not stop every lint.
          errors.push({ ruleId: '(file)', definedIn: path, message: `rule file could not be read: ${error instanceof Error ? error.message : String(error)}` });
          continue;
        }
        for (const def of Array.isArray(value) ? value : [value]) {
          if (def && typeof def === 'object') data.push({ ...(def as object), definedIn: path });
        }
      }
    }
  }
  const loaded = loadRules(data, { knownControls, fromWorkspace: true });
  return { rules: loaded.rules, errors: [...errors, ...loaded.errors] };
}
