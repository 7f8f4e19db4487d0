/** The rules that ship with the engine, loaded once per process. */
import { builtinRuleData } from '../../generated/builtin';
import { loadRules, type RuleLoadError } from '../rules/load-rules';
import type { Rule } from '../rules/rule';
import { builtinCatalog } from '../catalog';
import '../rules/predicates';

let cached: { rules: Rule[]; errors: RuleLoadError[] } | undefined;

export function builtinRules(): { rules: Rule[]; errors: RuleLoadError[] } {
  if (!cached) {
    const catalog = builtinCatalog();
    cached = loadRules(builtinRuleData, { knownControls: (id) => catalog.get(id) !== undefined });
  }
  return cached;
}
