/**
 * A subject is what one rule examines once: a Terraform resource instance, a Kubernetes object or
 * container, or a flattened application configuration. Every target implements the same small
 * navigation interface, so the condition evaluator is written once.
 */
import type { Range } from '../text/position';
import type { ValueOrigin } from '../terraform/types';
import type { RuleTarget } from '../rules/types';

export type Lookup =
  | {
      state: 'absent';
      /** Where a "missing" finding points: the header of the nearest existing parent. */
      anchor: Range;
      /** The scope in which the missing path would be added (for fixes). */
      scope: Scope;
      path: string[];
    }
  | {
      state: 'known';
      value: unknown;
      range: Range;
      keyRange?: Range;
      origins: ValueOrigin[];
    }
  | {
      state: 'unknown';
      reason: string;
      range: Range;
      origins: ValueOrigin[];
    };

/** A navigable place inside a subject: the subject itself, a nested block, a list item. */
export interface Scope {
  /** Where findings about something missing here point (block header, object `kind`, key). */
  readonly headerRange: Range;
  /** Every value at `path` (repeated blocks and lists fan out); never empty. */
  resolve(path: string[]): Lookup[];
  /** The repeated items at `path` (nested blocks, list entries, map values of a list of maps). */
  items(path: string[]): Scope[];
  /** Opaque handle the fix writers of this target understand. */
  readonly handle: unknown;
}

export interface Subject extends Scope {
  readonly target: RuleTarget;
  /** Resource type, Kubernetes kind, or config kind (`spring-config`, `mosquitto`, ...). */
  readonly type: string;
  /** `aws_s3_bucket.records`, `Deployment/ehr/api`, `container api in Deployment/ehr/api`. */
  readonly name: string;
  readonly file: string;
  /** Tags or labels, for data classification and required tags. */
  readonly tags: Record<string, string>;
  /** Kubernetes: whether this subject is an object, its pod spec, or one container. */
  readonly scope?: 'object' | 'pod' | 'container';
  /** Further selector names it answers to (`Workload` for every pod-bearing kind). */
  readonly aliases?: readonly string[];
}
