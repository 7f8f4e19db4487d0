/** The validated form of `.enisa-health.yaml` (schema: `rules/schema/config.schema.json`). */
import type { Severity } from '../findings/types';

export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
}

export interface WaiverPolicy {
  /** Rules whose findings may not be waived. */
  forbiddenRules: string[];
  /** Longest allowed waiver in days from today; waivers without expiry are refused when set. */
  maxDays?: number;
  /** Whether every waiver must carry an expiry date. */
  requireExpiry: boolean;
}

export interface EngineConfig {
  rules: Record<string, RuleSetting>;
  /** Allowed cloud regions/locations for data residency (EU/EEA preset by default). */
  allowedRegions: string[];
  /** Tags every taggable resource must carry. */
  requiredTags: string[];
  /** Tag/label names whose value marks patient data, and the values that do. */
  dataClassification: { tagNames: string[]; healthValues: string[] };
  /** Glob patterns (relative to the config dir) never linted. */
  ignorePaths: string[];
  waiverPolicy: WaiverPolicy;
  /** Extra folders of rule YAML (ignored in untrusted workspaces). */
  extraRuleFolders: string[];
  /** Files larger than this are skipped with an information finding. */
  maxFileSizeBytes: number;
  /** Log retention our policy asks for, in days. */
  minLogRetentionDays: number;
  /** Backup retention our policy asks for, in days. */
  minBackupRetentionDays: number;
  /** Minimum TLS version our policy asks for. */
  minTlsVersion: '1.2' | '1.3';
}
