/**
 * Where Cloud Logging sinks send log entries. Logs of a health system carry personal data
 * (patient resource paths in Healthcare API audit logs, user e-mail addresses, client IPs), so a
 * sink's destination must keep them in the allowed regions like any other copy of the data.
 *
 * Destinations: `storage.googleapis.com/BUCKET`, `bigquery.googleapis.com/projects/P/datasets/D`,
 * `pubsub.googleapis.com/projects/P/topics/T` and
 * `logging.googleapis.com/projects/P/locations/L/buckets/B` (whose location is in the name; the
 * `global` location lets Google keep logs in any region).
 */
import type { Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { getAttribute, type ValueOrigin } from '../../terraform';
import type { EvalContext, Evidence } from '../evaluate';
import { regionAllowed } from '../operators';
import { registerPredicate } from './registry';
import { PASS, knownString, single, undetermined } from './gcp-scopes';
import { BIGQUERY_DEFAULT_LOCATION, destinationNamed, failAtSetting, locationVerdict, notDefinedHere, referencedDestination, topicVerdict, type Destination } from './gcp-destinations';

type Verdict = ReturnType<typeof locationVerdict>;

const LOG_BUCKET_TYPES = ['google_logging_project_bucket_config', 'google_logging_folder_bucket_config', 'google_logging_organization_bucket_config', 'google_logging_billing_account_bucket_config'];

export type SinkTarget =
  | { kind: 'bucket'; name: string }
  | { kind: 'dataset'; name: string }
  | { kind: 'topic'; name: string }
  | { kind: 'log-bucket'; location: string };

export function parseSinkDestination(destination: string): SinkTarget | undefined {
  const text = destination.trim();
  let m = /^storage\.googleapis\.com\/([^/]+)$/.exec(text);
  if (m) return { kind: 'bucket', name: m[1] };
  m = /^bigquery\.googleapis\.com\/projects\/[^/]+\/datasets\/([^/]+)$/.exec(text);
  if (m) return { kind: 'dataset', name: m[1] };
  m = /^pubsub\.googleapis\.com\/projects\/[^/]+\/topics\/([^/]+)$/.exec(text);
  if (m) return { kind: 'topic', name: m[1] };
  m = /^logging\.googleapis\.com\/(?:projects|folders|organizations|billingAccounts)\/[^/]+\/locations\/([^/]+)\/buckets\/[^/]+$/.exec(text);
  if (m) return { kind: 'log-bucket', location: m[1] };
  return undefined;
}

function verdictFor(dest: Destination, allowed: string[]): Verdict {
  switch (dest.resource.type) {
    case 'google_storage_bucket':
      return locationVerdict(dest, 'location', allowed);
    case 'google_bigquery_dataset':
      return locationVerdict(dest, 'location', allowed, BIGQUERY_DEFAULT_LOCATION);
    case 'google_pubsub_topic':
      return topicVerdict(dest, allowed);
    default:
      return locationVerdict(dest, 'location', allowed, 'global');
  }
}

registerPredicate('gcp-log-sink-destination-in-allowed-regions', (scope: Scope, _args, ctx: EvalContext): Evidence => {
  if (!(scope instanceof TerraformScope)) return PASS;
  const attribute = getAttribute(scope.body, 'destination');
  if (!attribute) return PASS;
  const allowed = ctx.config.allowedRegions;
  const range = attribute.expr.range;
  const settle = (verdict: Verdict): Evidence => {
    if ('unknown' in verdict) return { outcome: 'undetermined', range, reason: verdict.unknown, origins: verdict.origins, scope };
    return verdict.ok ? PASS : failAtSetting(range, scope, verdict.origins, verdict.text);
  };
  const referenced = referencedDestination(scope.module, attribute.expr, ['google_storage_bucket', 'google_bigquery_dataset', 'google_pubsub_topic', ...LOG_BUCKET_TYPES]);
  if (referenced) return settle(verdictFor(referenced, allowed));
  const lookup = single(scope, 'destination');
  if (lookup.state === 'unknown') return undetermined(lookup, scope);
  const text = knownString(lookup);
  const target = text === undefined ? undefined : parseSinkDestination(text);
  if (!target) return notDefinedHere(range, scope, 'the sink destination');
  if (target.kind === 'log-bucket') {
    if (regionAllowed(target.location, allowed)) return PASS;
    const origins: ValueOrigin[] = lookup.state === 'known' ? lookup.origins : [];
    return failAtSetting(range, scope, origins, `a log bucket in "${target.location}"`);
  }
  const [type, nameArgument] =
    target.kind === 'bucket' ? ['google_storage_bucket', 'name'] : target.kind === 'dataset' ? ['google_bigquery_dataset', 'dataset_id'] : ['google_pubsub_topic', 'name'];
  const dest = destinationNamed(scope.module, type, nameArgument, target.name);
  return dest ? settle(verdictFor(dest, allowed)) : notDefinedHere(range, scope, `the ${type.replace(/^google_/, '').replace(/_/g, ' ')} "${target.name}"`);
});
