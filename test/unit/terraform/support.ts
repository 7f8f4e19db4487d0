/** Shared helpers for the Terraform model tests. */
import * as path from 'node:path';
import { MemoryHost } from '../helpers/hosts';
import { repoRoot } from '../hcl/support/helpers';
import { evaluate, loadModule, type Evaluated, type LoadOptions, type TerraformModule, type TfValue } from '../../../src/core/terraform';

export { corpusDir } from '../hcl/support/helpers';

export const FIXTURES = path.join(repoRoot(), 'test', 'fixtures', 'terraform-model');

export function memoryHost(files: Record<string, string>): MemoryHost {
  return new MemoryHost(new Map(Object.entries(files)));
}

/** Loads `/p` from in-memory files (keys are absolute paths). */
export function moduleFrom(files: Record<string, string>, options: LoadOptions = {}, dir = '/p'): Promise<TerraformModule> {
  return loadModule(memoryHost(files), dir, options);
}

export function evalLocal(module: TerraformModule, name: string): Evaluated {
  const decl = module.locals.get(name);
  if (!decl) throw new Error(`no local ${name}`);
  return evaluate(module, decl.attribute.expr);
}

/** The value of one expression written as `locals { x = <source> }`, with optional extra files. */
export async function valueOf(source: string, extra = ''): Promise<TfValue> {
  const module = await moduleFrom({ '/p/main.tf': `locals {\n  x = ${source}\n}\n${extra}` });
  return evalLocal(module, 'x').value;
}

export function resource(module: TerraformModule, address: string) {
  const found = [...module.resources, ...module.dataSources].find((r) => r.address === address);
  if (!found) throw new Error(`no resource ${address} in ${module.dir}`);
  return found;
}

/** Evaluates an attribute of a resource body (top level). */
export function attributeOf(module: TerraformModule, address: string, name: string, scope = {}): Evaluated {
  const decl = resource(module, address);
  const attribute = decl.block.body.items.find((i) => i.type === 'Attribute' && i.name === name);
  if (!attribute || attribute.type !== 'Attribute') throw new Error(`no attribute ${name} on ${address}`);
  return evaluate(module, attribute.expr, scope);
}
