/**
 * Whether a resource belongs to a data tier: it carries a data-classification label whose value
 * marks patient data (the `dataClassification` policy setting), or a tier label (`tier`, `role`,
 * `layer`) naming a data tier. Rules use it in `select.when` so that checks meant for the systems
 * that hold patient data leave web front ends and bastions alone.
 */
import type { Scope } from '../../subjects/types';
import type { EvalContext, Evidence } from '../evaluate';
import { registerPredicate } from './registry';

const TIER_LABELS = new Set(['tier', 'role', 'layer']);
const DATA_TIERS = new Set(['data', 'db', 'database', 'storage', 'datastore']);

export function isDataTier(tags: Record<string, string>, classification: { tagNames: string[]; healthValues: string[] }): boolean {
  const names = new Set(classification.tagNames.map((n) => n.toLowerCase()));
  const values = new Set(classification.healthValues.map((v) => v.toLowerCase()));
  return Object.entries(tags).some(([key, value]) => {
    const k = key.toLowerCase();
    const v = value.toLowerCase();
    return (names.has(k) && values.has(v)) || (TIER_LABELS.has(k) && DATA_TIERS.has(v));
  });
}

registerPredicate('gcp-data-tier', (scope: Scope, _args, ctx: EvalContext): Evidence =>
  isDataTier(ctx.subject.tags, ctx.config.dataClassification) ? { outcome: 'pass', origins: [] } : { outcome: 'fail', range: scope.headerRange, origins: [], scope },
);
