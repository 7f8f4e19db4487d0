/** Provider configurations as subjects (`provider.aws`), for region and residency rules. */
import type { ProviderDecl, TerraformModule } from '../terraform/types';
import type { Subject } from './types';
import { TerraformScope } from './terraform-scope';

export class ProviderSubject extends TerraformScope implements Subject {
  readonly target = 'terraform' as const;
  readonly type: string;
  readonly name: string;
  readonly tags: Record<string, string> = {};

  constructor(module: TerraformModule, readonly provider: ProviderDecl) {
    super(module, provider.file, provider.block, provider.block.body, {});
    this.type = `provider.${provider.name}`;
    this.name = provider.alias ? `provider ${provider.name}.${provider.alias}` : `provider ${provider.name}`;
  }
}

export function providerSubjects(module: TerraformModule): ProviderSubject[] {
  return module.providers.map((p) => new ProviderSubject(module, p));
}
