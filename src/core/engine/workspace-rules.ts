/**
 * Rule folders named in `.enisa-health.yaml`. They are data like the built-in rules (nothing in
 * them runs as code) and are read only in trusted workspaces.
 */
import { parseAllDocuments } from 'yaml';
import type { FileHost } from './api';
import { loadRules, type RuleLoadError } from '../rules/load-rules';
import type { Rule } from '../rules/rule';
import { decodeText } from '../text/decode';

function join(dir: string, name: string): string {
  if (name.startsWith('/')) return name;
  return `${dir.replace(/\/+$/, '')}/${name}`.replace(/\/\.\//g, '/');
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
      for (const doc of parseAllDocuments(text) as Array<{ errors: unknown[]; toJS(options?: { maxAliasCount?: number }): unknown }>) {
        if (doc.errors.length) {
          errors.push({ ruleId: '(file)', definedIn: path, message: 'not valid YAML' });
          continue;
        }
        const value = doc.toJS({ maxAliasCount: 100 });
        for (const def of Array.isArray(value) ? value : [value]) {
          if (def && typeof def === 'object') data.push({ ...(def as object), definedIn: path });
        }
      }
    }
  }
  const loaded = loadRules(data, { knownControls, fromWorkspace: true });
  return { rules: loaded.rules, errors: [...errors, ...loaded.errors] };
}
