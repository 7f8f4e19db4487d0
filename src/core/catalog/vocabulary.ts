/**
 * The closed word lists the catalog uses. They live in one place so the loader, the JSON schema
 * (`rules/schema/catalog.schema.json`, kept equal by a test) and the docs generator agree.
 */

/** Coarse topic of a control, used to group controls in summaries and docs. */
export const CONTROL_FAMILIES = [
  'encryption',
  'access-control',
  'identity',
  'secrets',
  'logging',
  'monitoring',
  'incident-management',
  'backup',
  'resilience',
  'network',
  'isolation',
  'residency',
  'hardening',
  'vulnerability',
  'change-management',
  'development',
  'supply-chain',
  'asset-management',
  'data-protection',
  'interoperability',
  'risk-management',
  'governance',
  'people',
  'physical',
  'testing',
  'use-case',
] as const;
export type ControlFamily = (typeof CONTROL_FAMILIES)[number];

/** How sure we are that the item exists in its source as we describe it. */
export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** The three use cases of ENISA's 2021 health-care cloud report. */
export const CONTROL_USE_CASES = ['ehr', 'remote-care', 'medical-devices'] as const;
export type ControlUseCase = (typeof CONTROL_USE_CASES)[number];

/** Whether static checks of configuration can evidence the item (EUCS themes). */
export const CONFIG_RELEVANCE_LEVELS = ['high', 'medium', 'none'] as const;
export type ConfigRelevance = (typeof CONFIG_RELEVANCE_LEVELS)[number];

/** EUCS assurance levels; a requirement labelled Basic applies at every level. */
export const ASSURANCE_LEVELS = ['Basic', 'Substantial', 'High'] as const;
export type AssuranceLevel = (typeof ASSURANCE_LEVELS)[number];

/** How directly the cited controls back a rule family (S/M/W in the research notes). */
export const MAPPING_STRENGTHS = ['strong', 'medium', 'weak'] as const;
export type MappingStrength = (typeof MAPPING_STRENGTHS)[number];
