/**
 * One literal secret, one finding. The cross-carrier secret rules (`tf-no-literal-secrets`,
 * `config-no-literal-secrets`) and the platform rules that know a resource better can point at the
 * same value; the platform rule's message is the more useful one, so it is kept.
 */
import type { Finding } from '../findings/types';
import type { Rule } from '../rules/rule';

const GENERIC = /^(tf|config)-/;

/** The ids of the secret rules, per rule list (the engine keeps one list while its rules stay the same). */
const secretRulesOf = new WeakMap<Rule[], Set<string>>();

function secretRuleIds(rules: Rule[]): Set<string> {
  let ids = secretRulesOf.get(rules);
  if (!ids) {
    ids = new Set(rules.filter((r) => r.meta.family === 'secrets').map((r) => r.meta.id));
    secretRulesOf.set(rules, ids);
  }
  return ids;
}

export function dedupeSecretFindings(findings: Finding[], rules: Rule[]): Finding[] {
  const secretRules = secretRuleIds(rules);
  const specificAt = new Set<string>();
  const key = (f: Finding) => `${f.file}|${f.range.start.offset}|${f.range.end.offset}|${f.status}`;
  for (const f of findings) {
    if (secretRules.has(f.ruleId) && !GENERIC.test(f.ruleId)) specificAt.add(key(f));
  }
  if (specificAt.size === 0) return findings;
  return findings.filter((f) => !(secretRules.has(f.ruleId) && GENERIC.test(f.ruleId) && specificAt.has(key(f))));
}
