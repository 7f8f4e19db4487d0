/**
 * Where a FHIR or DICOM store copies patient data automatically: BigQuery streaming
 * (`stream_configs.bigquery_destination`) and, for FHIR stores, Pub/Sub notifications that carry
 * the full resource (`notification_configs.send_full_resource`). The destination must stay in the
 * allowed regions. A BigQuery dataset without `location` is created in the US multi-region; a
 * Pub/Sub topic without `message_storage_policy` may store messages in any region.
 */
import type { Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { getAttribute } from '../../terraform';
import { combineAll, type EvalContext, type Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { PASS, blockInstances, knownString, single } from './gcp-scopes';
import {
  BIGQUERY_DEFAULT_LOCATION,
  destinationNamed,
  failAtSetting,
  locationVerdict,
  notDefinedHere,
  referencedDestination,
  topicVerdict,
  type Destination,
} from './gcp-destinations';

/**
 * The destination resource an export setting points at: the resource its expression refers to,
 * else the one whose name matches the evaluated text.
 */
function findDestination(owner: TerraformScope, setting: TerraformScope, name: string, type: string, nameArgument: string, nameIn: (text: string) => string | undefined): Destination | Evidence | undefined {
  const attribute = getAttribute(setting.body, name);
  if (!attribute) return undefined;
  const byReference = referencedDestination(owner.module, attribute.expr, [type]);
  if (byReference) return byReference;
  const lookup = single(setting, name);
  if (lookup.state === 'unknown') return { outcome: 'undetermined', range: lookup.range, reason: lookup.reason, origins: lookup.origins, scope: owner };
  const text = knownString(lookup);
  const wanted = text === undefined ? undefined : nameIn(text);
  return wanted === undefined ? undefined : destinationNamed(owner.module, type, nameArgument, wanted);
}

/** `bq://project.dataset` or `bq://project.dataset.table` → dataset. */
export function bigQueryDatasetOf(uri: string): string | undefined {
  return /^bq:\/\/[^.]+\.([^.]+)(?:\.[^.]+)?$/.exec(uri.trim())?.[1];
}

/** `projects/p/topics/t` → t. */
export function topicNameOf(path: string): string | undefined {
  return /^projects\/[^/]+\/topics\/([^/]+)$/.exec(path.trim())?.[1];
}

function checkBigQuery(owner: TerraformScope, destination: TerraformScope, name: string, ctx: EvalContext): Evidence {
  const attribute = getAttribute(destination.body, name);
  if (!attribute) return PASS;
  const dataset = findDestination(owner, destination, name, 'google_bigquery_dataset', 'dataset_id', bigQueryDatasetOf);
  if (dataset && 'outcome' in dataset) return dataset;
  if (!dataset) return notDefinedHere(attribute.expr.range, owner, 'the BigQuery dataset it streams to');
  const verdict = locationVerdict(dataset, 'location', ctx.config.allowedRegions, BIGQUERY_DEFAULT_LOCATION);
  if ('unknown' in verdict) return { outcome: 'undetermined', range: attribute.expr.range, reason: verdict.unknown, origins: verdict.origins, scope: owner };
  return verdict.ok ? PASS : failAtSetting(attribute.expr.range, owner, verdict.origins, `BigQuery dataset ${verdict.text}`);
}

function checkTopic(owner: TerraformScope, notification: TerraformScope, ctx: EvalContext): Evidence {
  const full = ['send_full_resource', 'send_previous_resource_on_delete'].map((n) => single(notification, n));
  if (!full.some((l) => l.state === 'known' && l.value === true)) return PASS;
  const attribute = getAttribute(notification.body, 'pubsub_topic');
  if (!attribute) return PASS;
  const topic = findDestination(owner, notification, 'pubsub_topic', 'google_pubsub_topic', 'name', topicNameOf);
  if (topic && 'outcome' in topic) return topic;
  if (!topic) return notDefinedHere(attribute.expr.range, owner, 'the Pub/Sub topic that receives full resources');
  const verdict = topicVerdict(topic, ctx.config.allowedRegions);
  if ('unknown' in verdict) return { outcome: 'undetermined', range: attribute.expr.range, reason: verdict.unknown, origins: verdict.origins, scope: owner };
  return verdict.ok ? PASS : failAtSetting(attribute.expr.range, owner, verdict.origins, verdict.text);
}

registerPredicate('gcp-healthcare-exports-in-allowed-regions', (scope: Scope, _args, ctx: EvalContext): Evidence => {
  if (!(scope instanceof TerraformScope)) return PASS;
  const results: Evidence[] = [];
  for (const stream of blockInstances(scope, 'stream_configs')) {
    for (const destination of blockInstances(stream, 'bigquery_destination')) {
      results.push(checkBigQuery(scope, destination, 'dataset_uri', ctx), checkBigQuery(scope, destination, 'table_uri', ctx));
    }
  }
  for (const notification of blockInstances(scope, 'notification_configs')) results.push(checkTopic(scope, notification, ctx));
  return combineAll(results);
});

