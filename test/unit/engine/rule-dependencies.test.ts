import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHECKED_PREDICATES, ruleReads } from '../../../src/core/engine/rule-dependencies';
import type { Rule } from '../../../src/core/rules/rule';

function rule(condition: unknown, when?: unknown): Rule {
  return { meta: { id: 'r' } as Rule['meta'], select: { types: ['x'], scope: 'object', when: when as Rule['select']['when'] }, condition: condition as Rule['condition'], fromWorkspace: false };
}

describe('what a rule reads besides its subject', () => {
  it('finds related types and predicates anywhere in the condition and the selector', () => {
    assert.deepEqual(ruleReads(rule({ all: [{ path: 'a', equals: 1 }, { not: { path: 'b', exists: true } }] })), { predicates: false, relatedTypes: new Set() });
    const related = ruleReads(rule({ any: [{ related: { types: ['t1', 't2'], via: 'v', require: { path: 'x', equals: true } } }] }));
    assert.deepEqual([...related.relatedTypes], ['t1', 't2']);
    assert.equal(related.predicates, false);
    assert.equal(ruleReads(rule({ each: 'rule', require: { path: 'a', equals: 1 }, where: { predicate: 'k8s-configmap-no-secret-literal' } })).predicates, true);
    assert.deepEqual(ruleReads(rule({ path: 'a', equals: 1 }, { predicate: 'k8s-min-replicas' })), { predicates: false, relatedTypes: new Set(['HorizontalPodAutoscaler']) });
    assert.equal(ruleReads(rule({ path: 'a', equals: 1 }, { predicate: 'some-unchecked' })).predicates, true);
    assert.equal(ruleReads(rule({ some: 'x', require: { related: { types: ['t'], via: 'v' } } })).relatedTypes.has('t'), true);
  });

  it('treats checked predicates like the conditions they stand for, including what they are handed', () => {
    const companion = ruleReads(rule({ predicate: 'aws-related-enabled', args: { types: ['aws_s3_bucket_versioning'], via: 'bucket', require: { path: 'status', equals: 'Enabled' } } }));
    assert.deepEqual(companion, { predicates: false, relatedTypes: new Set(['aws_s3_bucket_versioning']) });
    const nested = ruleReads(rule({ predicate: 'aws-related-enabled', args: { types: ['t'], via: 'v', require: { predicate: 'gcp-iam-members-not-public' } } }));
    assert.equal(nested.predicates, true);
    assert.equal(ruleReads(rule({ predicate: 'tf-no-literal-secrets' })).predicates, false);
  });

  it('keeps the checked predicates to what they were checked for (their code reaches no other resources)', () => {
    const dir = resolve(__dirname, '../../../../src/core/rules/predicates');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => ({ name: f, source: readFileSync(join(dir, f), 'utf8') }));
    for (const name of Object.keys(CHECKED_PREDICATES)) {
      const file = files.find((f) => f.source.includes(`registerPredicate('${name}'`));
      assert.ok(file, `predicate ${name} is defined`);
      // A predicate module may call helpers of another one (`replicaFloor`): read those too.
      const imported = [...file.source.matchAll(/from '\.\/(k8s-[\w-]+)'/g)].map((m) => m[1]).filter((m) => m !== 'k8s-context');
      const source = [file.source, ...imported.map((m) => files.find((f) => f.name === `${m}.ts`)?.source ?? '')].join('\n');
      const kinds = CHECKED_PREDICATES[name]({});
      // Module-wide reads would make a reused outcome stale; `ctx.related` is accounted for by types.
      const reaches = !name.startsWith('k8s-')
        ? // Other resources, providers and modules of the project.
          ['referencingResources', '.resources', '.dataSources', '.providers', '.moduleCalls', '.outputs', 'children', 'rootOf(', 'modulesInTree']
        : kinds.length === 0
          ? // Other documents of the file, other files of the manifest set.
            ['manifestContextOf', 'objectsInFile', 'objectsInManifestSet', 'objectsOfKind', 'manifestSetGap', 'missingCompanion', 'originAt', 'kubernetesObjects', '.documents', '.tree', 'handle.file']
          : // Companions only through `objectsOfKind` with a listed kind.
            ['manifestContextOf', 'objectsInFile', 'objectsInManifestSet', 'kubernetesObjects', '.documents', 'subject.tree', 'handle.file'];
      for (const reach of reaches) {
        assert.ok(!source.includes(reach), `${name} reads ${reach}: review CHECKED_PREDICATES`);
      }
      const lookups = source.split('objectsOfKind(').length - 1;
      const literal = [...source.matchAll(/objectsOfKind\(\s*\w+,\s*'([A-Za-z]+)'\s*\)/g)].map((m) => m[1]);
      assert.equal(literal.length, lookups, `${name} looks up companions of a kind not written in its source`);
      for (const kind of literal) assert.ok(kinds.includes(kind), `${name} reads ${kind} objects: list the kind in CHECKED_PREDICATES`);
    }
  });
});
