/**
 * Where a FHIR or DICOM store copies patient data automatically: BigQuery streaming
 * (`stream_configs.bigquery_destination`) and, for FHIR stores, Pub/Sub notifications that carry
 * the full resource (`notification_configs.send_full_resource`). The destination must stay in the
 * allowed regions. A BigQuery dataset without `location` is created in the US multi-region; a
 * Pub/Sub topic without `message_storage_policy` may store messages in any region.
 */
import type { Range } from '../../text/position';
import type { Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import {
  evaluate,
  getAttribute,
  instancesOf,
  modulesInTree,
  referencedResources,
  rootOf,
  Unknown,
  type ResourceDecl,
  type TerraformModule,
  type ValueOrigin,
} from '../../terraform';
import { combineAll, type EvalContext, type Evidence } from '../evaluate';
import { regionAllowed } from '../operators';
import { registerPredicate } from './registry';
import { PASS, blockInstances, knownString, single } from './gcp-scopes';

/** BigQuery's location when a dataset does not name one. */
const BIGQUERY_DEFAULT_LOCATION = 'US';

interface Destination {
  module: TerraformModule;
  resource: ResourceDecl;
}

function allResources(module: TerraformModule, type: string): Destination[] {
  return modulesInTree(rootOf(module)).flatMap((m) => m.resources.filter((r) => r.type === type).map((resource) => ({ module: m, resource })));
}

/** The value of one argument of a destination resource, the same for all its instances or unknown. */
function argumentOf(dest: Destination, name: string): { value: unknown; origins: ValueOrigin[]; written: boolean } {
  const attribute = getAttribute(dest.resource.block.body, name);
  if (!attribute) return { value: undefined, origins: [], written: false };
  const origin: ValueOrigin = { file: dest.resource.file, range: attribute.expr.range, description: `${name} of ${dest.resource.address}` };
  const values = instancesOf(dest.module, dest.resource).map((scope) => evaluate(dest.module, attribute.expr, scope));
  if (values.length === 0) return { value: undefined, origins: [origin], written: true };
  const first = values[0];
  const agree = values.every((v) => JSON.stringify(v.value) === JSON.stringify(first.value));
  return { value: agree ? first.value : new Unknown(`instances of ${dest.resource.address} differ`), origins: [origin, ...first.origins], written: true };
}

/**
 * The destination resource an export setting points at: the resource its expression refers to,
 * else the one whose name matches the evaluated text. Undefined text means the value is unknown.
 */
function findDestination(owner: TerraformScope, setting: TerraformScope, name: string, type: string, nameArgument: string, nameIn: (text: string) => string | undefined): Destination | Evidence | undefined {
  const attribute = getAttribute(setting.body, name);
  if (!attribute) return undefined;
  const byReference = referencedResources(owner.module, attribute.expr).find((r) => r.type === type);
  if (byReference) return allResources(owner.module, type).find((d) => d.resource === byReference);
  const lookup = single(setting, name);
  if (lookup.state === 'unknown') return { outcome: 'undetermined', range: lookup.range, reason: lookup.reason, origins: lookup.origins, scope: owner };
  const text = knownString(lookup);
  const wanted = text === undefined ? undefined : nameIn(text);
  return wanted === undefined ? undefined : allResources(owner.module, type).find((d) => argumentOf(d, nameArgument).value === wanted);
}

/** `bq://project.dataset` or `bq://project.dataset.table` → dataset. */
function bigQueryDatasetOf(uri: string): string | undefined {
  return /^bq:\/\/[^.]+\.([^.]+)(?:\.[^.]+)?$/.exec(uri.trim())?.[1];
}

/** `projects/p/topics/t` → t. */
function topicNameOf(path: string): string | undefined {
  return /^projects\/[^/]+\/topics\/([^/]+)$/.exec(path.trim())?.[1];
}

function fail(range: Range, scope: Scope, origins: ValueOrigin[], valueText: string): Evidence {
  return { outcome: 'fail', range, scope, origins, valueText };
}

function unknownDestination(range: Range, scope: Scope, what: string): Evidence {
  return { outcome: 'undetermined', range, scope, origins: [], reason: `${what} is not defined in this configuration, so its location cannot be checked` };
}

function checkBigQuery(owner: TerraformScope, destination: TerraformScope, name: string, ctx: EvalContext): Evidence {
  const attribute = getAttribute(destination.body, name);
  if (!attribute) return PASS;
  const dataset = findDestination(owner, destination, name, 'google_bigquery_dataset', 'dataset_id', bigQueryDatasetOf);
  if (dataset && 'outcome' in dataset) return dataset;
  if (!dataset) return unknownDestination(attribute.expr.range, owner, 'the BigQuery dataset it streams to');
  const location = argumentOf(dataset, 'location');
  const value = location.written ? location.value : BIGQUERY_DEFAULT_LOCATION;
  if (value instanceof Unknown) return { outcome: 'undetermined', range: attribute.expr.range, reason: value.reason, origins: location.origins, scope: owner };
  if (typeof value === 'string' && regionAllowed(value, ctx.config.allowedRegions)) return PASS;
  const where = location.written ? `"${String(value)}"` : `the ${BIGQUERY_DEFAULT_LOCATION} multi-region (no location set)`;
  return fail(attribute.expr.range, owner, location.origins, `BigQuery dataset ${dataset.resource.address} in ${where}`);
}

function checkTopic(owner: TerraformScope, notification: TerraformScope, ctx: EvalContext): Evidence {
  const full = ['send_full_resource', 'send_previous_resource_on_delete'].map((n) => single(notification, n));
  if (!full.some((l) => l.state === 'known' && l.value === true)) return PASS;
  const attribute = getAttribute(notification.body, 'pubsub_topic');
  if (!attribute) return PASS;
  const topic = findDestination(owner, notification, 'pubsub_topic', 'google_pubsub_topic', 'name', topicNameOf);
  if (topic && 'outcome' in topic) return topic;
  if (!topic) return unknownDestination(attribute.expr.range, owner, 'the Pub/Sub topic that receives full resources');
  const policies = blockInstances(new TerraformScope(topic.module, topic.resource.file, topic.resource.block, topic.resource.block.body, instancesOf(topic.module, topic.resource)[0] ?? {}), 'message_storage_policy');
  const regions = policies.map((p) => single(p, 'allowed_persistence_regions'))[0];
  if (!regions || regions.state === 'absent') return fail(attribute.expr.range, owner, [], `Pub/Sub topic ${topic.resource.address} without a message storage policy`);
  if (regions.state === 'unknown') return { outcome: 'undetermined', range: attribute.expr.range, reason: regions.reason, origins: regions.origins, scope: owner };
  const list = Array.isArray(regions.value) ? regions.value : [regions.value];
  const outside = list.filter((r) => typeof r !== 'string' || !regionAllowed(r, ctx.config.allowedRegions));
  if (outside.length === 0 && list.length > 0) return PASS;
  const origins: ValueOrigin[] = [{ file: topic.resource.file, range: regions.range, description: `allowed_persistence_regions of ${topic.resource.address}` }, ...regions.origins];
  return fail(attribute.expr.range, owner, origins, `Pub/Sub topic ${topic.resource.address} storing messages in ${outside.map((r) => JSON.stringify(r)).join(', ') || 'no listed region'}`);
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

export { bigQueryDatasetOf, topicNameOf };
