/**
 * Whether a compute resource belongs to a data tier: it is tagged as holding patient data (the
 * data-classification tags of the configuration) or its tier/role tag names a database or storage
 * layer. Rules about public addresses use it in `select.when`, because a public IP on a web
 * server is normal while one on a database host is not.
 */
import type { Scope } from '../../subjects/types';
import type { EvalContext, Evidence } from '../evaluate';
import { registerPredicate } from './registry';

const TIER_TAGS = /^(tier|role|layer|component|app-tier|app_tier)$/i;
const DATA_TIERS = /^(db|database|databases|data|datastore|data-store|storage|persistence|backend-db|dicom|pacs|fhir|ehr)$/i;

registerPredicate('aws-data-tier', (scope: Scope, _args, ctx: EvalContext): Evidence => {
  const names = new Set(ctx.config.dataClassification.tagNames.map((n) => n.toLowerCase()));
  const values = new Set(ctx.config.dataClassification.healthValues.map((v) => v.toLowerCase()));
  for (const [key, value] of Object.entries(ctx.subject.tags)) {
    if (names.has(key.toLowerCase()) && values.has(value.toLowerCase())) return { outcome: 'pass', origins: [] };
    if (TIER_TAGS.test(key) && DATA_TIERS.test(value.trim())) return { outcome: 'pass', origins: [] };
  }
  return { outcome: 'fail', range: scope.headerRange, origins: [], scope };
});
