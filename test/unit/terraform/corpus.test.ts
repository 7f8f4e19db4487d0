import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiskHost } from '../helpers/hosts';
import {
  ParseCache,
  evaluate,
  instancesOf,
  loadModule,
  modulesInTree,
  nestedBlockInstances,
  providerRegion,
  referencedResources,
  type TerraformModule,
} from '../../../src/core/terraform';
import type { Body } from '../../../src/core/hcl/ast';
import { corpusDir } from './support';

/** Every directory below `dir` that holds at least one .tf or .tf.json file. */
function moduleDirs(dir: string): string[] {
  const out: string[] = [];
  const visit = (current: string): void => {
    const entries = fs.readdirSync(current, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && (e.name.endsWith('.tf') || e.name.endsWith('.tf.json')))) out.push(current);
    for (const e of entries) if (e.isDirectory()) visit(path.join(current, e.name));
  };
  visit(dir);
  return out.sort();
}

/** Evaluates every attribute of every block, per instance and per dynamic block element. */
function evaluateEverything(module: TerraformModule): number {
  let count = 0;
  const visitBody = (body: Body, scope: object, depth: number): void => {
    for (const item of body.items) {
      if (item.type === 'Attribute') {
        evaluate(module, item.expr, scope);
        count++;
      } else if (depth < 6) {
        const type = item.blockType === 'dynamic' ? item.labels[0]?.value ?? '' : item.blockType;
        for (const b of nestedBlockInstances(module, body, type, scope)) visitBody(b.nested.body, b.scope, depth + 1);
      }
    }
  };
  for (const r of [...module.resources, ...module.dataSources]) {
    providerRegion(module, r);
    for (const scope of instancesOf(module, r)) visitBody(r.block.body, scope, 0);
    for (const item of r.block.body.items) if (item.type === 'Attribute') referencedResources(module, item.expr);
  }
  for (const local of module.locals.values()) evaluate(module, local.attribute.expr);
  for (const output of module.outputs) visitBody(output.block.body, {}, 0);
  return count;
}

describe('terraform model on the real-world corpus', function () {
  this.timeout(60_000);

  it('loads and evaluates every module directory without throwing, in under 20 s', async function () {
    const corpus = corpusDir();
    if (!corpus || !fs.existsSync(path.join(corpus, 'terraform'))) this.skip();
    const dirs = moduleDirs(path.join(corpus!, 'terraform'));
    assert.ok(dirs.length > 100, `found only ${dirs.length} module directories`);
    const cache = new ParseCache();
    const host = new DiskHost();
    const started = Date.now();
    let modules = 0;
    let attributes = 0;
    let resolvedCalls = 0;
    for (const dir of dirs) {
      const root = await loadModule(host, dir, { parseCache: cache });
      for (const module of modulesInTree(root)) {
        modules++;
        attributes += evaluateEverything(module);
        resolvedCalls += module.moduleCalls.filter((c) => c.resolvedDir).length;
      }
    }
    const elapsed = Date.now() - started;
    console.log(`      ${dirs.length} directories, ${modules} modules incl. children, ${cache.parseCount} parses, ${attributes} attributes evaluated, ${resolvedCalls} module calls followed, ${elapsed} ms`);
    assert.ok(resolvedCalls > 50, 'the examples call their parent modules through local paths');
    assert.ok(elapsed < 20_000, `took ${elapsed} ms`);
  });
});
