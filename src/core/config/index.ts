export type { EngineConfig, RuleSetting, WaiverPolicy } from './types';
export { defaultConfig } from './defaults';
export { loadConfigText, type ConfigError, type LoadedConfig } from './load';
export { EU_EEA_REGIONS } from './regions';
