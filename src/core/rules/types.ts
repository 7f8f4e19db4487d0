/**
 * The shape of a rule definition as loaded from `rules/packs/**.yaml` (validated against
 * `rules/schema/rule.schema.json`). Rules are data: conditions are declarative and may call named
 * predicates that ship with the engine; nothing from a workspace is ever executed.
 */
import type { Severity } from '../findings/types';

export type RuleTarget = 'terraform' | 'kubernetes' | 'app-config' | 'compose' | 'mosquitto';

export type UseCase = 'ehr' | 'remote-care' | 'medical-devices';

export interface RuleMessage {
  /** What is wrong, e.g. "S3 bucket {resource} does not encrypt objects with a customer-managed KMS key." */
  what: string;
  /** Why it matters for patient data. */
  why: string;
  /** What to do. */
  fix: string;
}

export interface RuleMeta {
  id: string;
  title: string;
  severity: Severity;
  target: RuleTarget;
  /** Resource types (Terraform), kinds (Kubernetes) or config families (app config) the rule reads. */
  selectors: string[];
  controls: string[];
  useCases: UseCase[];
  message: RuleMessage;
  /** Longer remediation guidance for docs and hovers (Markdown). */
  remediation: string;
  /** Whether the rule offers a quick fix; when false, `noFixReason` says why none is safe. */
  fixable: boolean;
  noFixReason?: string;
  /** Raised one level when the subject is classified as holding patient data. */
  healthData: boolean;
  /** Where the definition lives, e.g. `rules/packs/terraform/aws/s3.yaml`. */
  definedIn: string;
  /** Tags for grouping in summaries (encryption, exposure, logging, backup, identity, residency, secrets). */
  family: string;
}
