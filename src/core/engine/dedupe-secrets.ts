/**
 * One literal secret, one finding. The cross-carrier secret rules (`tf-no-literal-secrets`,
 * `config-no-literal-secrets`) and the platform rules that know a resource better can point at the
 * same value; the platform rule's message is the more useful one, so it is kept.
 */
import type { Finding } from '../findings/types';
import type { Rule } from '../rules/rule';

const GENERIC = /^(tf|config)-/;

export function dedupeSecretFindings(findings: Finding[], rules: Rule[]): Finding[] {
  const secretRules = new Set(rules.filter((r) => r.meta.family === 'secrets').map((r) => r.meta.id));
  const specificAt = new Set<string>();
  const key = (f: Finding) => `${f.file}|${f.range.start.offset}|${f.range.end.offset}|${f.status}`;
  for (const f of findings) {
    if (secretRules.has(f.ruleId) && !GENERIC.test(f.ruleId)) specificAt.add(key(f));
  }
  return findings.filter((f) => !(secretRules.has(f.ruleId) && GENERIC.test(f.ruleId) && specificAt.has(key(f))));
}
