/** A loaded, validated rule: metadata for every front end plus what the engine evaluates. */
import type { Condition, FixSpec } from './condition-types';
import type { RuleMeta } from './types';

export interface RuleSelect {
  /** Terraform resource types (`aws_s3_bucket`, `data.aws_iam_policy_document`), Kubernetes kinds, or config kinds. */
  types: string[];
  /** Kubernetes: examine the whole object, its pod spec, or each container. */
  scope: 'object' | 'pod' | 'container';
  /** The rule applies only to subjects for which this condition passes (fail or undetermined: skipped). */
  when?: Condition;
}

export interface Rule {
  meta: RuleMeta;
  select: RuleSelect;
  condition: Condition;
  fix?: FixSpec;
  /** Whether the definition came from a workspace rule folder (regexes stay guarded either way). */
  fromWorkspace: boolean;
}
