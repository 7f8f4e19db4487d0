/** Walking a loaded module tree: root, ancestors, descendants, address prefixes. */
import type { TerraformModule } from './types';

export function rootOf(module: TerraformModule): TerraformModule {
  let m = module;
  while (m.parent) m = m.parent.module;
  return m;
}

/** Directories from the root down to `module`. */
export function moduleChain(module: TerraformModule): string[] {
  const dirs: string[] = [];
  for (let m: TerraformModule | undefined = module; m; m = m.parent?.module) dirs.unshift(m.dir);
  return dirs;
}

/** `module.a.module.b.` for a grandchild, '' for a root. */
export function addressPrefixOf(module: TerraformModule): string {
  let prefix = '';
  for (let m: TerraformModule | undefined = module; m?.parent; m = m.parent.module) prefix = `module.${m.parent.call.name}.${prefix}`;
  return prefix;
}

/** The module and every loaded descendant, parents before children. */
export function modulesInTree(module: TerraformModule): TerraformModule[] {
  const out: TerraformModule[] = [];
  const visit = (m: TerraformModule): void => {
    out.push(m);
    for (const child of m.children?.values() ?? []) visit(child);
  };
  visit(module);
  return out;
}
