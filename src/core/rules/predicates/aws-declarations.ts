/** Finding the module a resource or data source declaration belongs to, within a loaded module tree. */
import { modulesInTree, rootOf } from '../../terraform';
import type { ResourceDecl, TerraformModule } from '../../terraform/types';

/**
 * References can lead into child modules (through module outputs), so the declaration found is
 * not always in the module that referred to it; its own module is needed to evaluate it.
 */
export function moduleOfDeclaration(from: TerraformModule, decl: ResourceDecl): TerraformModule | undefined {
  const owns = (m: TerraformModule) => m.resources.includes(decl) || m.dataSources.includes(decl);
  if (owns(from)) return from;
  return modulesInTree(rootOf(from)).find(owns);
}
