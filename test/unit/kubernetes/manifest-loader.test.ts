import assert from 'node:assert/strict';
import { ManifestLoader } from '../../../src/core/kubernetes/manifest-loader';
import { MemoryHost } from '../helpers/hosts';

const CONFIG = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

describe('ManifestLoader', () => {
  const files = new Map([
    ['/w/k8s/a.yaml', CONFIG('a')],
    ['/w/k8s/b.yaml', CONFIG('b')],
    ['/w/k8s/notes.json', '{"title": "not a manifest"}'],
    ['/w/k8s/kustomization.yaml', 'resources: [a.yaml, b.yaml, ../extra/c.yaml]\npatches:\n  - path: patch.yaml\n'],
    ['/w/k8s/patch.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata: { x: "1" }\n'],
    ['/w/extra/c.yaml', CONFIG('c')],
  ]);

  it('gives each file the other manifests of its folder and kustomization, and its patch role', async () => {
    const run = new ManifestLoader({ host: new MemoryHost(files), maxBytes: 1 << 20 }).startRun();
    const a = await run.contextFor('/w/k8s/a.yaml');
    assert.deepEqual(a.others.map((f) => f.path).sort(), ['/w/extra/c.yaml', '/w/k8s/b.yaml']);
    assert.equal(a.patch, undefined);
    assert.equal(a.incomplete, undefined);
    const patch = await run.contextFor('/w/k8s/patch.yaml');
    assert.deepEqual(patch.patch, { kustomization: '/w/k8s/kustomization.yaml', json6902: undefined });
  });

  it('reads each file once per run and parses it again only when its text changed', async () => {
    const host = new MemoryHost(new Map(files));
    const loader = new ManifestLoader({ host, maxBytes: 1 << 20 });
    const first = loader.startRun();
    const fromA = await first.contextFor('/w/k8s/a.yaml');
    await first.contextFor('/w/k8s/b.yaml');
    assert.equal(host.reads.filter((p) => p === '/w/k8s/a.yaml').length, 1);

    const second = await loader.startRun().contextFor('/w/k8s/a.yaml');
    const bTree = (ctx: typeof fromA) => ctx.others.find((f) => f.path === '/w/k8s/b.yaml')?.tree;
    assert.equal(bTree(second), bTree(fromA), 'unchanged text reuses the parsed tree');

    const edited = await loader.startRun(new Map([['/w/k8s/b.yaml', CONFIG('b2')]])).contextFor('/w/k8s/a.yaml');
    assert.notEqual(bTree(edited), bTree(fromA));
    assert.equal(edited.others.find((f) => f.path === '/w/k8s/b.yaml')?.objects[0]?.name, 'b2', 'the unsaved buffer wins');
  });

  it('does not read a folder with more YAML files than the bound', async () => {
    const many = new Map<string, string>();
    for (let i = 0; i < 6; i++) many.set(`/w/big/f${i}.yaml`, CONFIG(`f${i}`));
    const host = new MemoryHost(many);
    const context = await new ManifestLoader({ host, maxBytes: 1 << 20, maxFolderFiles: 5 }).startRun().contextFor('/w/big/f0.yaml');
    assert.deepEqual(context.others, []);
    assert.match(context.incomplete ?? '', /6 YAML files, more than the 5/);
    assert.deepEqual(host.reads.filter((p) => p.endsWith('.yaml')), []);
  });

  it('stops looking for parent kustomizations at the workspace root', async () => {
    const nested = new Map([
      ['/w/kustomization.yaml', 'patches:\n  - path: app/k8s/patch.yaml\n'],
      ['/w/app/k8s/patch.yaml', CONFIG('p')],
    ]);
    const inside = await new ManifestLoader({ host: new MemoryHost(nested), maxBytes: 1 << 20, rootDir: '/w' }).startRun().contextFor('/w/app/k8s/patch.yaml');
    assert.ok(inside.patch);
    const outside = await new ManifestLoader({ host: new MemoryHost(nested), maxBytes: 1 << 20, rootDir: '/w/app' }).startRun().contextFor('/w/app/k8s/patch.yaml');
    assert.equal(outside.patch, undefined);
  });

  it('takes the text of the file being linted from its caller instead of reading it again', async () => {
    const host = new MemoryHost(new Map(files));
    const run = new ManifestLoader({ host, maxBytes: 1 << 20 }).startRun();
    const context = await run.contextFor('/w/k8s/a.yaml', CONFIG('a-as-typed'));
    assert.deepEqual(host.reads.filter((p) => p === '/w/k8s/a.yaml'), []);
    assert.equal(context.self?.objects[0]?.name, 'a-as-typed');
    assert.deepEqual(context.others.map((f) => f.path).sort(), ['/w/extra/c.yaml', '/w/k8s/b.yaml']);
  });

  it('a scan keeps nothing for later runs, and lets go of folders it has moved past', async () => {
    const many = new Map<string, string>();
    for (const dir of ['d1', 'd2', 'd3']) for (const name of ['x', 'y']) many.set(`/w/${dir}/${name}.yaml`, CONFIG(`${dir}-${name}`));
    const host = new MemoryHost(many);
    const loader = new ManifestLoader({ host, maxBytes: 1 << 20 });
    const scan = loader.startRun(undefined, { keep: false });
    const first = await scan.contextFor('/w/d1/x.yaml');
    await scan.contextFor('/w/d1/y.yaml');
    await scan.contextFor('/w/d2/x.yaml');
    await scan.contextFor('/w/d3/x.yaml');
    const again = await scan.contextFor('/w/d1/x.yaml');
    assert.equal(host.reads.filter((p) => p === '/w/d1/y.yaml').length, 2, 'd1 was let go after two other folders, so read again');
    assert.deepEqual(
      again.others.map((f) => f.objects[0]?.name),
      first.others.map((f) => f.objects[0]?.name),
      'and read the same',
    );

    const yTree = (ctx: typeof first) => ctx.others.find((f) => f.path === '/w/d1/y.yaml')?.tree;
    const editor = await loader.startRun().contextFor('/w/d1/x.yaml');
    assert.ok(yTree(editor) && yTree(again));
    assert.notEqual(yTree(editor), yTree(again), 'the editor run found nothing kept by the scan');
  });

  it('an editor run keeps its parses for the next run', async () => {
    const host = new MemoryHost(new Map(files));
    const loader = new ManifestLoader({ host, maxBytes: 1 << 20 });
    const first = await loader.startRun().contextFor('/w/k8s/a.yaml');
    const second = await loader.startRun(undefined, { keep: true }).contextFor('/w/k8s/a.yaml');
    const scanned = await loader.startRun(undefined, { keep: false }).contextFor('/w/k8s/a.yaml');
    const bTree = (ctx: typeof first) => ctx.others.find((f) => f.path === '/w/k8s/b.yaml')?.tree;
    assert.equal(bTree(second), bTree(first));
    assert.notEqual(bTree(scanned), bTree(first), 'a scan run parses afresh');
  });
});
