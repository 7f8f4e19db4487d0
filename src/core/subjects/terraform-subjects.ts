/** Builds rule subjects from a Terraform module: one per resource instance. */
import type { Range } from '../text/position';
import type { EvalScope, ResourceDecl, TerraformModule } from '../terraform/types';
import { Unknown } from '../terraform/types';
import { evaluate, getAttribute, instancesOf } from '../terraform';
import type { Subject } from './types';
import { UNTRACKED } from '../util/lint-lived';
import { TerraformScope, firstUnknown } from './terraform-scope';

export class TerraformSubject extends TerraformScope implements Subject {
  readonly target = 'terraform' as const;
  readonly type: string;
  readonly name: string;
  readonly tags: Record<string, string>;
  /** Range of the whole resource block, for waivers that cover a block. */
  readonly blockRange: Range;

  constructor(
    module: TerraformModule,
    readonly resource: ResourceDecl,
    evalScope: EvalScope,
    readonly instanceKey: string | undefined,
  ) {
    super(module, resource.file, resource.block, resource.block.body, evalScope);
    this.type = resource.mode === 'data' ? `data.${resource.type}` : resource.type;
    this.name = instanceKey === undefined ? resource.address : `${resource.address}[${instanceKey}]`;
    this.tags = readTags(module, resource, evalScope);
    this.blockRange = resource.block.range;
  }
}

function readTags(module: TerraformModule, resource: ResourceDecl, scope: EvalScope): Record<string, string> {
  // One per subject, kept to the next lint: untracked (see lint-lived.ts).
  const tags: Record<string, string> = { ...UNTRACKED };
  for (const name of ['tags', 'labels']) {
    const attribute = getAttribute(resource.block.body, name);
    if (!attribute) continue;
    const value = evaluate(module, attribute.expr, scope).value;
    if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Unknown)) {
      for (const [k, v] of Object.entries(value)) if (typeof v === 'string') tags[k] = v;
    }
  }
  return tags;
}

function instanceLabel(scope: EvalScope): string | undefined {
  if (scope.each && typeof scope.each.key === 'string') return JSON.stringify(scope.each.key);
  if (typeof scope.countIndex === 'number') return String(scope.countIndex);
  return undefined;
}

/** Every instance of every resource and data source; instances with unknown keys collapse to one. */
export function terraformSubjects(module: TerraformModule): TerraformSubject[] {
  const subjects: TerraformSubject[] = [];
  for (const resource of [...module.resources, ...module.dataSources]) {
    const scopes = instancesOf(module, resource);
    const multiple = scopes.length > 1;
    for (const scope of scopes) {
      const label = multiple && !firstUnknown(scope.each?.key ?? scope.countIndex) ? instanceLabel(scope) : undefined;
      subjects.push(new TerraformSubject(module, resource, scope, label));
    }
  }
  return subjects;
}
