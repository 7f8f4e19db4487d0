export type { Catalog, CatalogSource, Control, RequirementRef, ControlMappings, FamilyMapping, ConditionalCitation } from './types';
export {
  CONTROL_FAMILIES,
  CONFIDENCE_LEVELS,
  CONTROL_USE_CASES,
  CONFIG_RELEVANCE_LEVELS,
  ASSURANCE_LEVELS,
  MAPPING_STRENGTHS,
} from './vocabulary';
export type { ControlFamily, Confidence, ControlUseCase, ConfigRelevance, AssuranceLevel, MappingStrength } from './vocabulary';
export { loadCatalog } from './load-catalog';
export { loadControlMappings } from './mappings';
export { CatalogError, formatIssue } from './record-reader';
export type { CatalogIssue } from './record-reader';
export { builtinCatalog, builtinControlMappings } from './builtin';
