import type { EngineConfig } from './types';
import { EU_EEA_REGIONS } from './regions';

/** Our stated policy values; every number is a setting, documented as our policy, not ENISA's. */
export function defaultConfig(): EngineConfig {
  return {
    rules: {},
    allowedRegions: [...EU_EEA_REGIONS],
    requiredTags: [],
    dataClassification: {
      tagNames: ['data-classification', 'data_classification', 'DataClassification', 'classification'],
      healthValues: ['phi', 'patient-data', 'health', 'health-data', 'special-category', 'medical'],
    },
    ignorePaths: [],
    waiverPolicy: { forbiddenRules: [], requireExpiry: false },
    extraRuleFolders: [],
    maxFileSizeBytes: 4 * 1024 * 1024,
    minLogRetentionDays: 365,
    minBackupRetentionDays: 7,
    minTlsVersion: '1.2',
  };
}
