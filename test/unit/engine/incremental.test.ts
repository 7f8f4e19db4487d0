import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createEngine, LintEngine } from '../../../src/core/engine/engine';
import type { EngineLintResult } from '../../../src/core/engine/api';
import { MemoryHost } from '../helpers/hosts';
import { createRandom } from '../../fuzz/random';

/** The suites' seeded PRNG, so a failing sequence can be replayed. */
const random = (seed: number): (() => number) => createRandom(seed).next;

/** Everything a front end can see of a result, fixes included (JSON reads the lazy `fix` getters). */
function visible(result: EngineLintResult): unknown {
  return JSON.parse(JSON.stringify({ findings: result.findings, suppressed: result.suppressed, passes: result.passes, internalErrors: result.internalErrors, files: result.files }));
}

type Edit = (text: string, rnd: () => number) => string;

function at(text: string, rnd: () => number, pattern: RegExp): RegExpExecArray | undefined {
  const matches = [...text.matchAll(new RegExp(pattern.source, 'g'))];
  return matches.length ? (matches[Math.floor(rnd() * matches.length)] as RegExpExecArray) : undefined;
}

function replaceMatch(text: string, match: RegExpExecArray | undefined, replacement: string): string {
  return match ? text.slice(0, match.index) + replacement + text.slice(match.index + match[0].length) : text;
}

/** Edits a user makes while typing: flip a value, retype a string, add or drop lines, break the syntax. */
const EDITS: Edit[] = [
  (t, r) => replaceMatch(t, at(t, r, /\b(true|false)\b/), r() < 0.5 ? 'true' : 'false'),
  (t, r) => replaceMatch(t, at(t, r, /"[^"\n]{0,40}"/), `"${['phi', 'x', '0.0.0.0/0', 'aws:kms', 'ehr-records', 'AES256', 'TLSv1'][Math.floor(r() * 7)]}"`),
  (t, r) => replaceMatch(t, at(t, r, /\b\d+\b/), String(Math.floor(r() * 400))),
  (t, r) => replaceMatch(t, at(t, r, /(enabled|publicly_accessible|storage_encrypted) *= *\S+/), `${['enabled', 'publicly_accessible', 'storage_encrypted'][Math.floor(r() * 3)]} = ${r() < 0.5}`),
  (t, r) => replaceMatch(t, at(t, r, /\n/), `\n  tags = { data-classification = "phi" }\n`),
  (t, r) => replaceMatch(t, at(t, r, /\n[^\n]*\n/), '\n'),
  (t, r) => replaceMatch(t, at(t, r, /\n/), '\nresource "aws_s3_bucket_versioning" "added" {\n  bucket = aws_s3_bucket.records.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n'),
  (t, r) => replaceMatch(t, at(t, r, /\n/), '\nlocals {\n  key = aws_kms_key.records.arn\n}\n'),
  (t, r) => {
    const i = Math.floor(r() * t.length);
    return t.slice(0, i) + ['{', '}', '"', '=', 'x', '\r\n', '#'][Math.floor(r() * 7)] + t.slice(i);
  },
  (t, r) => {
    const i = Math.floor(r() * t.length);
    return t.slice(0, i) + t.slice(i + 1);
  },
];

const GENERATED = `variable "encrypted" {
  default = true
}

locals {
  retention = 7
  password  = "correct-horse-battery"
  key       = aws_kms_key.records.arn
}

resource "aws_kms_key" "records" {
  enable_key_rotation = false
}

resource "aws_s3_bucket" "records" {
  bucket = "ehr-records"
  tags   = { data-classification = "phi" }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "records" {
  bucket = aws_s3_bucket.records.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = local.key
    }
  }
}

resource "aws_s3_bucket_policy" "records" {
  bucket = aws_s3_bucket.records.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = "*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_s3_bucket_public_access_block" "records" {
  bucket                  = "ehr-records"
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_db_instance" "ehr" {
  engine                  = "postgres"
  storage_encrypted       = var.encrypted
  kms_key_id              = aws_kms_key.records.arn
  publicly_accessible     = false
  backup_retention_period = local.retention
  deletion_protection     = true
}

resource "aws_db_instance" "reporting" {
  count               = 2
  engine              = "mysql"
  storage_encrypted   = false
  publicly_accessible = true
  password            = "hunter22"
}

resource "aws_security_group" "db" {
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_db_instance" "replica" {
  engine              = "postgres"
  publicly_accessible = aws_db_instance.ehr.publicly_accessible
  storage_encrypted   = aws_db_instance.ehr.storage_encrypted
  password            = local.password
}

resource "azurerm_mssql_server" "ehr" {
  name    = "ehr-sql"
  version = "12.0"
}

resource "azurerm_mssql_server_extended_auditing_policy" "ehr" {
  server_id         = azurerm_mssql_server.ehr.id
  enabled           = true
  retention_in_days = 3
}

module "network" {
  source = "./modules/network"
  cidr   = "0.0.0.0/0"
  kms    = aws_kms_key.records.enable_key_rotation
}

resource "aws_security_group" "from_module" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [module.network.cidr]
  }
}

resource "aws_db_instance" "via_module" {
  engine              = "postgres"
  publicly_accessible = module.network.public
}

resource "aws_cloudtrail" "audit" {
  name                       = "audit"
  s3_bucket_name             = aws_s3_bucket.records.id
  enable_log_file_validation = false
}
`;

/** A local child module, so reuse is checked across module calls too. */
const CHILD_MODULE = {
  '/w/modules/network/main.tf':
    'variable "cidr" {}\nvariable "kms" {}\noutput "cidr" {\n  value = var.kms ? var.cidr : "10.0.0.0/8"\n}\noutput "public" {\n  value = var.kms\n}\nresource "aws_flow_log" "all" {\n  traffic_type = "ALL"\n}\n',
};

/**
 * Lints `start` and then each edited version with one engine kept warm (as the editor does) and
 * with a fresh engine, and demands identical results. Returns how many outcomes were reused.
 */
async function compareSequence(dir: string, name: string, start: string, edits: number, seed: number, extraFiles: Record<string, string> = {}): Promise<{ reused: number; total: number }> {
  const path = `${dir}/${name}`;
  const files = new Map<string, string>([[path, start], ...Object.entries(extraFiles)]);
  const warm = createEngine({ host: new MemoryHost(files), today: '2026-06-01' }) as LintEngine;
  await warm.lint([path]);
  const rnd = random(seed);
  let text = start;
  const totals = { reused: 0, total: 0 };
  for (let step = 0; step < edits; step++) {
    const edit = EDITS[Math.floor(rnd() * EDITS.length)];
    text = edit(text, rnd);
    const overlays = new Map([[path, text]]);
    const incremental = await warm.lint([path], { overlays });
    totals.reused += warm.lastReuse.reused;
    totals.total += warm.lastReuse.total;
    const fresh = await createEngine({ host: new MemoryHost(files), today: '2026-06-01' }).lint([path], { overlays });
    assert.deepEqual(visible(incremental), visible(fresh), `${name}, seed ${seed}, step ${step}: incremental results differ from a fresh lint of:\n${text}`);
  }
  return totals;
}

describe('incremental re-evaluation (Terraform)', () => {
  it('gives exactly what a fresh engine gives over random edit sequences of a generated module', async function () {
    this.timeout(60000);
    let reused = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      reused += (await compareSequence('/w', 'main.tf', GENERATED, 25, seed, { '/w/variables.tf': 'variable "region" {\n  default = "eu-west-1"\n}\n', ...CHILD_MODULE })).reused;
    }
    assert.ok(reused > 0, 'some outcomes were reused (else this test checks nothing)');
  });

  it('reuses outcomes of untouched resources after a value edit, and moves their findings with the text', async () => {
    const path = '/w/main.tf';
    const engine = createEngine({ host: new MemoryHost(new Map([[path, GENERATED], ...Object.entries(CHILD_MODULE)])), today: '2026-06-01' }) as LintEngine;
    const before = await engine.lint([path]);
    const edited = GENERATED.replace('enable_key_rotation = false', 'enable_key_rotation = false\n  description = "records"');
    const after = await engine.lint([path], { overlays: new Map([[path, edited]]) });
    assert.ok(engine.lastReuse.reused > 0, JSON.stringify(engine.lastReuse));
    assert.ok(engine.lastReuse.reused < engine.lastReuse.total);
    const cloudtrail = (r: EngineLintResult) => r.findings.find((f) => f.resource === 'aws_cloudtrail.audit' && f.ruleId.includes('validation'));
    const old = cloudtrail(before);
    const moved = cloudtrail(after);
    assert.ok(old && moved);
    assert.equal(moved.range.start.line, old.range.start.line + 1);
    assert.equal(moved.range.start.offset, old.range.start.offset + '\n  description = "records"'.length);
    assert.equal(edited.slice(moved.range.start.offset, moved.range.end.offset), GENERATED.slice(old.range.start.offset, old.range.end.offset));
  });

  it('re-evaluates resources that refer to an edited one, and related resources of an edited type', async () => {
    const path = '/w/main.tf';
    const engine = createEngine({ host: new MemoryHost(new Map([[path, GENERATED], ...Object.entries(CHILD_MODULE)])), today: '2026-06-01' }) as LintEngine;
    await engine.lint([path]);
    let text = GENERATED;
    for (const [from, to] of [
      // A companion read through a predicate, then through a `related` condition (server auditing).
      ['block_public_policy     = false', 'block_public_policy     = true'],
      // Reaches a security group through a module call argument and the module's output.
      ['enable_key_rotation = false', 'enable_key_rotation = true'],
      ['retention_in_days = 3', 'retention_in_days = 365'],
      ['enabled           = true', 'enabled           = false'],
      // The replica copies these values from the primary by reference.
      ['publicly_accessible     = false', 'publicly_accessible     = true'],
      ['storage_encrypted       = var.encrypted', 'storage_encrypted       = false'],
    ]) {
      assert.ok(text.includes(from), from);
      text = text.replace(from, to);
      const after = await engine.lint([path], { overlays: new Map([[path, text]]) });
      const fresh = await createEngine({ host: new MemoryHost(new Map([[path, text], ...Object.entries(CHILD_MODULE)])), today: '2026-06-01' }).lint([path]);
      assert.deepEqual(visible(after), visible(fresh), `after ${to}`);
      assert.ok(engine.lastReuse.reused > 0, `${to}: the other resources were reused`);
    }
  });

  it('re-evaluates only what refers to an edited variable, local or module call, and everything when the set of blocks changes', async () => {
    const path = '/w/main.tf';
    for (const [edited, expectation] of [
      [GENERATED.replace('default = true', 'default = false'), 'partial'],
      [GENERATED.replace('retention = 7', 'retention = 1'), 'partial'],
      // A module call's argument: the security group reading the module's output is evaluated again.
      [GENERATED.replace('cidr   = "0.0.0.0/0"', 'cidr   = "10.0.0.0/8"'), 'partial'],
      [`${GENERATED}\nresource "aws_s3_bucket" "more" {\n}\n`, 'none'],
    ] as const) {
      const engine = createEngine({ host: new MemoryHost(new Map([[path, GENERATED], ...Object.entries(CHILD_MODULE)])), today: '2026-06-01' }) as LintEngine;
      await engine.lint([path]);
      const after = await engine.lint([path], { overlays: new Map([[path, edited]]) });
      const fresh = await createEngine({ host: new MemoryHost(new Map([[path, edited], ...Object.entries(CHILD_MODULE)])), today: '2026-06-01' }).lint([path]);
      assert.deepEqual(visible(after), visible(fresh));
      const { reused, total } = engine.lastReuse;
      if (expectation === 'none') assert.equal(reused, 0, 'a changed block list stops reuse');
      else assert.ok(reused > 0 && reused < total, `${reused} of ${total} outcomes reused: the blocks reading the edited value are evaluated again`);
    }
  });

  it('gives exactly what a fresh engine gives on edited corpus modules', async function () {
    this.timeout(120000);
    const corpus = resolve(__dirname, '../../../../../shared/corpus/terraform');
    if (!existsSync(corpus)) this.skip();
    const candidates: Array<{ path: string; resources: number }> = [];
    const walk = (dir: string, depth: number) => {
      for (const name of readdirSync(dir).sort()) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) {
          if (depth < 4) walk(full, depth + 1);
        } else if (name.endsWith('.tf') && statSync(full).size < 40000) {
          const resources = (readFileSync(full, 'utf8').match(/^resource "/gm) ?? []).length;
          if (resources >= 6) candidates.push({ path: full, resources });
        }
      }
    };
    walk(corpus, 0);
    // A fixed, varied sample: the files with most resources, spread over the corpus.
    candidates.sort((a, b) => b.resources - a.resources || a.path.localeCompare(b.path));
    const sample = candidates.filter((_, i) => i % Math.max(1, Math.floor(candidates.length / 8)) === 0).slice(0, 8);
    assert.ok(sample.length > 0);
    let reused = 0;
    for (const [i, file] of sample.entries()) {
      reused += (await compareSequence('/c', 'main.tf', readFileSync(file.path, 'utf8'), 10, 100 + i)).reused;
    }
    assert.ok(reused > 0, 'some outcomes were reused on corpus files');
  });
});

const MANIFESTS = `apiVersion: v1
kind: Namespace
metadata:
  name: ehr
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: ehr
  labels: { data-classification: phi }
spec:
  replicas: 1
  template:
    spec:
      hostNetwork: false
      containers:
        - name: api
          image: registry.example.eu/api:latest
          securityContext:
            privileged: true
            allowPrivilegeEscalation: false
            runAsNonRoot: true
          env:
            - name: DB_PASSWORD
              value: hunter22
          resources:
            requests: { cpu: 100m, memory: 128Mi }
        - name: sidecar
          image: registry.example.eu/proxy@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: ehr
spec:
  type: LoadBalancer
  ports:
    - port: 22
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: api
  namespace: ehr
  annotations:
    nginx.ingress.kubernetes.io/ssl-redirect: "false"
spec:
  rules:
    - host: ehr.example.eu
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
  namespace: ehr
rules:
  - apiGroups: [""]
    resources: ["secrets", "pods/exec"]
    verbs: ["get", "*"]
`;

const LIMIT_RANGE_DOC = '---\napiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: ehr\nspec:\n  limits:\n    - type: Container\n      default: { cpu: 500m, memory: 256Mi }\n';

/** A workload with every kind of companion its rules look up: autoscaler, budget, account, limits, policy. */
const COMPANIONS = `apiVersion: v1
kind: Namespace
metadata:
  name: ehr
  labels: { data-classification: phi }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: ehr
spec:
  replicas: 2
  selector: { matchLabels: { app: api } }
  template:
    metadata:
      labels: { app: api }
    spec:
      serviceAccountName: api-sa
      containers:
        - name: api
          image: registry.example.eu/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: api
  namespace: ehr
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }
  minReplicas: 1
  maxReplicas: 4
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: api
  namespace: ehr
spec:
  minAvailable: 2
  selector: { matchLabels: { app: api } }
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: api-sa
  namespace: ehr
automountServiceAccountToken: true
---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: ehr
spec:
  limits:
    - type: Container
      defaultRequest: { cpu: 100m, memory: 128Mi }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny
  namespace: ehr
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

/** Edits to manifests: flip a setting, retype a value, add or drop lines, split a document, break the syntax. */
const YAML_EDITS: Edit[] = [
  (t, r) => replaceMatch(t, at(t, r, /\b(true|false)\b/), r() < 0.5 ? 'true' : 'false'),
  (t, r) => replaceMatch(t, at(t, r, /\b\d+\b/), String(Math.floor(r() * 9000))),
  (t, r) => replaceMatch(t, at(t, r, /: [a-z][\w./:-]*$/m), `: ${['latest', 'phi', '0.0.0.0/0', 'NodePort', 'Always', 'secret'][Math.floor(r() * 6)]}`),
  (t, r) => replaceMatch(t, at(t, r, /\n(?=\s+- name: )/), '\n        - name: extra\n          image: busybox\n'),
  (t, r) => replaceMatch(t, at(t, r, /\n[^\n]*\n/), '\n'),
  (t, r) => replaceMatch(t, at(t, r, /\n---\n/), r() < 0.5 ? '\n' : '\n---\n---\n'),
  (t, r) => {
    const i = Math.floor(r() * t.length);
    return t.slice(0, i) + [' ', '\n', ':', '-', '"', '#', '{'][Math.floor(r() * 7)] + t.slice(i);
  },
];

describe('incremental re-evaluation (Kubernetes)', () => {
  async function sequence(name: string, start: string, steps: number, seed: number, siblings: Record<string, string> = {}): Promise<number> {
    const path = `/k/${name}`;
    const files = new Map<string, string>([[path, start], ...Object.entries(siblings)]);
    const warm = createEngine({ host: new MemoryHost(files), today: '2026-06-01' }) as LintEngine;
    await warm.lint([path]);
    const rnd = random(seed);
    let text = start;
    let reused = 0;
    for (let step = 0; step < steps; step++) {
      text = YAML_EDITS[Math.floor(rnd() * YAML_EDITS.length)](text, rnd);
      const overlays = new Map([[path, text]]);
      const incremental = await warm.lint([path], { overlays });
      reused += warm.lastReuse.reused;
      const fresh = await createEngine({ host: new MemoryHost(files), today: '2026-06-01' }).lint([path], { overlays });
      assert.deepEqual(visible(incremental), visible(fresh), `${name}, seed ${seed}, step ${step}: incremental results differ from a fresh lint of:\n${text}`);
    }
    return reused;
  }

  it('gives exactly what a fresh engine gives over random edit sequences of a manifest file', async function () {
    this.timeout(60000);
    let reused = 0;
    const sibling = { '/k/policy.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: ehr\nspec:\n  podSelector: {}\n' };
    for (const seed of [11, 12, 13, 14, 15, 16]) reused += await sequence('deploy.yaml', MANIFESTS, 25, seed, sibling);
    assert.ok(reused > 0, 'some outcomes were reused (else this test checks nothing)');
  });

  it('reuses the outcomes of untouched documents and moves their findings', async () => {
    const path = '/k/deploy.yaml';
    const engine = createEngine({ host: new MemoryHost(new Map([[path, MANIFESTS]])), today: '2026-06-01' }) as LintEngine;
    const before = await engine.lint([path]);
    const edited = MANIFESTS.replace('replicas: 1', 'replicas: 1\n  minReadySeconds: 5');
    const after = await engine.lint([path], { overlays: new Map([[path, edited]]) });
    assert.ok(engine.lastReuse.reused > 0 && engine.lastReuse.reused < engine.lastReuse.total, JSON.stringify(engine.lastReuse));
    const fresh = await createEngine({ host: new MemoryHost(new Map([[path, edited]])), today: '2026-06-01' }).lint([path]);
    assert.deepEqual(visible(after), visible(fresh));
    const ssl = (r: EngineLintResult) => r.findings.find((f) => f.ruleId === 'k8s-ingress-ssl-redirect-not-disabled');
    assert.equal(ssl(after)?.range.start.line, (ssl(before)?.range.start.line ?? -2) + 1);
  });

  it('re-evaluates rules reading companions when an object of their kind is edited, here or in the manifest set', async function () {
    this.timeout(60000);
    const path = '/k/app.yaml';
    const sibling = '/k/extra.yaml';
    const files = new Map<string, string>([
      [path, COMPANIONS],
      [sibling, 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: other\n  namespace: ehr\n'],
    ]);
    const warm = createEngine({ host: new MemoryHost(files), today: '2026-06-01' }) as LintEngine;
    await warm.lint([path]);
    const rnd = random(31);
    let text = COMPANIONS;
    let siblingText = files.get(sibling)!;
    let reused = 0;
    for (let step = 0; step < 40; step++) {
      const choice = rnd();
      if (choice < 0.2) {
        // The set changes under an unchanged file: a ServiceAccount or LimitRange appears or goes.
        siblingText = siblingText.includes('LimitRange') ? siblingText.replace(LIMIT_RANGE_DOC, '') : siblingText + LIMIT_RANGE_DOC;
      } else if (choice < 0.7) {
        const toggles: Array<[string, string]> = [
          ['minReplicas: 1', 'minReplicas: 3'],
          ['automountServiceAccountToken: true', 'automountServiceAccountToken: false'],
          ['minAvailable: 2', 'minAvailable: 0'],
          ['type: Container', 'type: Pod'],
          ['podSelector: {}', 'podSelector: { matchLabels: { a: b } }'],
          ['kind: LimitRange', 'kind: LimitRangeX'],
          ['name: api-sa', 'name: api-sb'],
        ];
        const [a, b] = toggles[Math.floor(rnd() * toggles.length)];
        text = text.includes(a) ? text.replace(a, b) : text.replace(b, a);
      } else text = YAML_EDITS[Math.floor(rnd() * YAML_EDITS.length)](text, rnd);
      const overlays = new Map([
        [path, text],
        [sibling, siblingText],
      ]);
      const incremental = await warm.lint([path], { overlays });
      reused += warm.lastReuse.reused;
      const fresh = await createEngine({ host: new MemoryHost(files), today: '2026-06-01' }).lint([path], { overlays });
      assert.deepEqual(visible(incremental), visible(fresh), `step ${step}: incremental results differ from a fresh lint of:\n${text}\n(sibling:\n${siblingText})`);
    }
    assert.ok(reused > 0, 'some outcomes were reused');
  });

  it('gives exactly what a fresh engine gives on edited corpus manifests', async function () {
    this.timeout(120000);
    const corpus = resolve(__dirname, '../../../../../shared/corpus/kubernetes');
    if (!existsSync(corpus)) this.skip();
    const found: string[] = [];
    const walk = (dir: string, depth: number) => {
      for (const name of readdirSync(dir).sort()) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) {
          if (depth < 5) walk(full, depth + 1);
        } else if (/\.ya?ml$/.test(name) && statSync(full).size < 20000) {
          const text = readFileSync(full, 'utf8');
          if (/^kind: /m.test(text) && (text.match(/^---/gm) ?? []).length >= 2 && !text.includes('{{')) found.push(full);
        }
      }
    };
    walk(corpus, 0);
    const sample = found.filter((_, i) => i % Math.max(1, Math.floor(found.length / 8)) === 0).slice(0, 8);
    assert.ok(sample.length > 0);
    let reused = 0;
    for (const [i, file] of sample.entries()) reused += await sequence('corpus.yaml', readFileSync(file, 'utf8'), 10, 200 + i);
    assert.ok(reused > 0, 'some outcomes were reused on corpus manifests');
  });
});
