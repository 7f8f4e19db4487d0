import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readKustomization } from '../../../src/core/kubernetes/kustomization';

const CORPUS = join(__dirname, '../../../../../shared/corpus/kubernetes');

function kustomizationsUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) kustomizationsUnder(path, out);
    else if (/^kustomization\.ya?ml$/i.test(name)) out.push(path);
  }
  return out;
}

describe('readKustomization', () => {
  it('lists resource files, leaving out folders, remote bases and inline content', () => {
    const refs = readKustomization('resources:\n  - deployment.yaml\n  - ../shared/policy.yml\n  - ../base\n  - https://example.eu/app.yaml\n  - github.com/org/repo//deploy?ref=v1\n');
    assert.deepEqual(refs.resourceFiles, ['deployment.yaml', '../shared/policy.yml']);
  });

  it('lists patch files of the three patch fields with their declared form', () => {
    const refs = readKustomization(`patches:
  - path: replicas.yaml
    target: { kind: Deployment }
  - patch: |-
      - op: replace
        path: /spec/replicas
        value: 3
patchesStrategicMerge:
  - memory.yaml
  - |-
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: inline
patchesJson6902:
  - target: { kind: Service, name: api }
    path: ops.yaml
`);
    assert.deepEqual(refs.patchFiles, [
      { path: 'memory.yaml', json6902: false },
      { path: 'ops.yaml', json6902: true },
      { path: 'replicas.yaml', json6902: undefined },
    ]);
  });

  it('reads nothing from text that is not a kustomization', () => {
    assert.deepEqual(readKustomization('- a\n- b\n'), { resourceFiles: [], patchFiles: [] });
    assert.deepEqual(readKustomization('resources: deployment.yaml\n'), { resourceFiles: [], patchFiles: [] });
  });

  it('reads every kustomization of the corpus', function () {
    if (!existsSync(CORPUS)) this.skip();
    const files = kustomizationsUnder(CORPUS);
    assert.ok(files.length >= 20, `${files.length} kustomizations`);
    let resources = 0;
    let patches = 0;
    for (const file of files) {
      const refs = readKustomization(readFileSync(file, 'utf8'));
      resources += refs.resourceFiles.length;
      patches += refs.patchFiles.length;
    }
    // The corpus mostly patches inline; one component deletes a Deployment with a patch file.
    assert.ok(resources >= 20, `${resources} resource files`);
    assert.equal(patches, 1);
  });
});
