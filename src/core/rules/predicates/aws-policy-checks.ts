/**
 * Checks over AWS policy documents (IAM identity policies, resource policies of S3 buckets and
 * KMS keys, AWS IoT Core policies), whatever way the document is written in Terraform.
 */
import type { Scope } from '../../subjects/types';
import { TerraformScope } from '../../subjects/terraform-scope';
import { TerraformSubject } from '../../subjects/terraform-subjects';
import { getAttribute, instancesOf } from '../../terraform';
import { Unknown } from '../../terraform/types';
import { combineAll, type EvalContext, type Evidence } from '../evaluate';
import { effectOf, readPolicyAttribute, readPolicyDocumentSource, type PolicyRead, type PolicyStatement, type UnknownPart } from './aws-policy-documents';
import { stringsOf, type Located } from './aws-policy-located';
import { registerPredicate } from './registry';

const PASS: Evidence = { outcome: 'pass', origins: [] };

function undetermined(part: UnknownPart): Evidence {
  return { outcome: 'undetermined', range: part.range, reason: part.reason, origins: part.origins, scope: part.scope };
}

function failAt(at: Located, scope: TerraformScope, valueText: string): Evidence {
  return { outcome: 'fail', range: at.range, origins: at.origins, scope, valueText };
}

/**
 * For checks that look for a bad statement: every bad statement fails; when none is found, a part
 * that could not be read leaves the outcome open.
 */
function judgeStatements(read: PolicyRead, check: (statement: PolicyStatement) => Evidence): Evidence {
  const results = read.statements.map(check);
  const combined = combineAll(results);
  if (combined.outcome !== 'pass') return combined;
  return read.unknowns.length > 0 ? undetermined(read.unknowns[0]) : combined;
}

function terraformScope(scope: Scope): TerraformScope | undefined {
  return scope instanceof TerraformScope ? scope : undefined;
}

/** The policies a subject carries: its `policy` argument, inline policies, or its own statements. */
function policiesOf(scope: TerraformScope, subjectType: string, attribute: string): PolicyRead {
  if (subjectType === 'data.aws_iam_policy_document') return readPolicyDocumentSource(scope);
  const read: PolicyRead = { present: false, statements: [], unknowns: [] };
  const add = (part: PolicyRead) => {
    read.present = read.present || part.present;
    read.statements.push(...part.statements);
    read.unknowns.push(...part.unknowns);
  };
  add(readPolicyAttribute(scope, attribute));
  // aws_iam_role writes inline policies as nested blocks.
  for (const inline of scope.items(['inline_policy'])) add(readPolicyAttribute(inline as TerraformScope, 'policy'));
  return read;
}

// ---------------------------------------------------------------------------------------------
// Identity policies: no full administrator grant.

/** `Action: "*"` (or `"*:*"`) together with `Resource: "*"` in an Allow statement. */
function fullAdminGrant(statement: PolicyStatement): Evidence {
  // A statement with a principal belongs to a resource policy (trust, bucket or key policy).
  if (statement.principal || statement.notPrincipal) return PASS;
  const effect = effectOf(statement);
  if (effect === 'Deny') return PASS;
  const actions = stringsOf(statement.action);
  const resources = stringsOf(statement.resource);
  const anyAction = actions.known.find((a) => a.text.trim() === '*' || a.text.trim() === '*:*');
  const anyResource = resources.known.find((r) => r.text.trim() === '*');
  const actionOpen = statement.action?.value instanceof Unknown;
  const resourceOpen = statement.resource?.value instanceof Unknown;
  if (anyAction && anyResource) {
    if (effect === undefined) {
      const at = statement.effect ?? anyAction.at;
      return { outcome: 'undetermined', range: at.range, reason: 'the Effect of the statement is not known before apply', origins: at.origins, scope: statement.scope };
    }
    return failAt(anyAction.at, statement.scope, `"Action": "${anyAction.text}" on "Resource": "*"`);
  }
  if ((anyAction || actionOpen) && (anyResource || resourceOpen) && (actionOpen || resourceOpen)) {
    const at = actionOpen ? statement.action! : statement.resource!;
    const reason = at.value instanceof Unknown ? at.value.reason : 'a value is not known before apply';
    return { outcome: 'undetermined', range: at.range, reason, origins: at.origins, scope: statement.scope };
  }
  return PASS;
}

registerPredicate('aws-iam-no-full-admin', (scope, _args, ctx: EvalContext): Evidence => {
  const tf = terraformScope(scope);
  if (!tf) return PASS;
  return judgeStatements(policiesOf(tf, ctx.subject.type, 'policy'), fullAdminGrant);
});

// ---------------------------------------------------------------------------------------------
// Resource policies: no grant to everyone.

/**
 * Condition keys that tie a request to a known caller, network or source (the keys AWS itself
 * accepts as making a policy non-public), compared in lower case.
 */
const RESTRICTING_KEYS = new Set([
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:principalservicename',
  'aws:userid',
  'aws:username',
  'aws:vpcsourceip',
  'kms:calleraccount',
  'kms:viaservice',
  's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
]);

/** Whether the condition limits who can use the grant: a positive test on a restricting key. */
function restrictsCaller(condition: Located | undefined): boolean {
  if (!condition) return false;
  for (const operator of condition.keys()) {
    const op = operator.toLowerCase();
    // Negated tests, IfExists tests (which pass when the key is missing) and Null checks do not
    // confine the caller.
    if (op.includes('not') || op.endsWith('ifexists') || op === 'null') continue;
    const tests = condition.get(operator);
    if (!tests) continue;
    for (const key of tests.keys()) {
      if (!RESTRICTING_KEYS.has(key.toLowerCase())) continue;
      const values = stringsOf(tests.get(key));
      const wide = values.known.every((v) => v.text === '*' || v.text === '0.0.0.0/0' || v.text === '::/0');
      if (values.unknown.length > 0 || !wide) return true;
    }
  }
  return false;
}

/** The place that makes a statement's principal everyone, if it does. */
function publicPrincipal(statement: PolicyStatement): Located | Unknown | undefined {
  // Allow with NotPrincipal grants everyone except the listed principals.
  if (statement.notPrincipal) return statement.notPrincipal;
  const principal = statement.principal;
  if (!principal) return undefined;
  if (principal.value instanceof Unknown) return principal.value;
  if (typeof principal.value === 'string') return principal.value.trim() === '*' ? principal : undefined;
  for (const type of principal.keys()) {
    if (type !== '*' && type.toUpperCase() !== 'AWS') continue;
    const ids = stringsOf(principal.get(type));
    const everyone = ids.known.find((id) => id.text.trim() === '*');
    if (everyone) return everyone.at;
  }
  return undefined;
}

function publicGrant(statement: PolicyStatement): Evidence {
  const effect = effectOf(statement);
  if (effect === 'Deny') return PASS;
  const everyone = publicPrincipal(statement);
  if (!everyone) return PASS;
  if (everyone instanceof Unknown) {
    const at = statement.principal!;
    return { outcome: 'undetermined', range: at.range, reason: everyone.reason, origins: at.origins, scope: statement.scope };
  }
  if (restrictsCaller(statement.condition)) return PASS;
  if (effect === undefined) {
    return { outcome: 'undetermined', range: everyone.range, reason: 'the Effect of the statement is not known before apply', origins: everyone.origins, scope: statement.scope };
  }
  return failAt(everyone, statement.scope, statement.notPrincipal ? 'NotPrincipal' : 'Principal "*"');
}

registerPredicate('aws-policy-not-public', (scope, args, ctx: EvalContext): Evidence => {
  const tf = terraformScope(scope);
  if (!tf) return PASS;
  const attribute = typeof args.attribute === 'string' ? args.attribute : 'policy';
  return judgeStatements(policiesOf(tf, ctx.subject.type, attribute), publicGrant);
});

// ---------------------------------------------------------------------------------------------
// S3 buckets: a policy statement refuses requests without TLS.

function deniesInsecureTransport(statement: PolicyStatement): boolean {
  if (effectOf(statement) !== 'Deny') return false;
  const condition = statement.condition;
  if (!condition) return false;
  for (const operator of condition.keys()) {
    const op = operator.toLowerCase();
    if (op !== 'bool' && op !== 'boolifexists') continue;
    const tests = condition.get(operator);
    const key = tests?.keys().find((k) => k.toLowerCase() === 'aws:securetransport');
    if (!tests || !key) continue;
    const values = tests.get(key)?.list() ?? [];
    if (values.some((v) => v.value === false || (typeof v.value === 'string' && v.value.toLowerCase() === 'false'))) return true;
  }
  return false;
}

registerPredicate('aws-s3-denies-insecure-transport', (scope, _args, ctx: EvalContext): Evidence => {
  const bucket = terraformScope(scope);
  if (!bucket || !(ctx.subject instanceof TerraformSubject)) return PASS;
  const sources: Array<{ scope: TerraformScope; read: PolicyRead }> = [];
  const legacy = readPolicyAttribute(bucket, 'policy');
  if (legacy.present) sources.push({ scope: bucket, read: legacy });
  for (const related of ctx.related(ctx.subject, ['aws_s3_bucket_policy'], 'bucket')) {
    if (!(related instanceof TerraformSubject)) continue;
    // A policy behind `count = 0` (a module switch left off) is never attached.
    for (const instance of instancesOf(related.module, related.resource)) {
      const scope = new TerraformSubject(related.module, related.resource, instance, undefined);
      sources.push({ scope, read: readPolicyAttribute(scope, 'policy') });
    }
  }
  const present = sources.filter((s) => s.read.present);
  if (present.length === 0) return { outcome: 'fail', range: bucket.headerRange, origins: [], scope: bucket };
  if (present.some((s) => s.read.statements.some(deniesInsecureTransport))) return PASS;
  const open = present.flatMap((s) => s.read.unknowns);
  if (open.length > 0) return undetermined(open[0]);
  const first = present[0];
  const written = getAttribute(first.scope.body, 'policy');
  return { outcome: 'fail', range: written?.nameRange ?? first.scope.headerRange, origins: [], scope: first.scope, valueText: 'policy' };
});

// ---------------------------------------------------------------------------------------------
// AWS IoT Core policies: each device reaches only its own client id and topics.

/** Data-plane actions a device certificate uses (lower case). */
const DEVICE_ACTIONS = [
  'iot:connect',
  'iot:publish',
  'iot:subscribe',
  'iot:receive',
  'iot:retainpublish',
  'iot:getthingshadow',
  'iot:updatethingshadow',
  'iot:deletethingshadow',
  'iot:listnamedshadowsforthing',
  'iot:getretainedmessage',
  'iot:listretainedmessages',
];

/** An action pattern (IAM wildcards `*` and `?`) that covers at least one device action. */
function coversDeviceAction(pattern: string): boolean {
  const p = pattern.trim().toLowerCase();
  if (p === '*') return true;
  let regex = '^';
  for (const ch of p) regex += ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  const matcher = new RegExp(`${regex}$`);
  return DEVICE_ACTIONS.some((a) => matcher.test(a));
}

/** `*`, or an IoT ARN for every client, topic or thing (`...:client/*`), without a policy variable. */
function unscopedIotResource(resource: string): boolean {
  const r = resource.trim();
  if (r.includes('${iot:')) return false;
  if (r === '*') return true;
  return /^arn:[^:]+:iot:[^:]*:[^:]*:(\*|(client|topic|topicfilter|thing)\/\*)$/i.test(r);
}

function unscopedDeviceGrant(statement: PolicyStatement): Evidence {
  if (effectOf(statement) === 'Deny') return PASS;
  const actions = stringsOf(statement.action).known.filter((a) => coversDeviceAction(a.text));
  if (actions.length === 0) return PASS;
  const wide = stringsOf(statement.resource).known.find((r) => unscopedIotResource(r.text));
  if (!wide) return PASS;
  if (effectOf(statement) === undefined) {
    return { outcome: 'undetermined', range: wide.at.range, reason: 'the Effect of the statement is not known before apply', origins: wide.at.origins, scope: statement.scope };
  }
  return failAt(wide.at, statement.scope, `${actions.map((a) => a.text).join(', ')} on "${wide.text}"`);
}

registerPredicate('aws-iot-policy-per-device', (scope, _args, ctx: EvalContext): Evidence => {
  const tf = terraformScope(scope);
  if (!tf) return PASS;
  return judgeStatements(policiesOf(tf, ctx.subject.type, 'policy'), unscopedDeviceGrant);
});
