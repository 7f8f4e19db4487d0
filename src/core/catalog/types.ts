/**
 * The guidance catalog: the controls our rules cite (ENISA health-care and procurement guidance,
 * EUCS Annex A, GDPR, NIS2), as loaded from `rules/catalog/*.yaml`.
 */
import type {
  AssuranceLevel,
  ConfigRelevance,
  Confidence,
  ControlFamily,
  ControlUseCase,
  MappingStrength,
} from './vocabulary';

/** One requirement row of an EUCS theme, numbered exactly as printed (misprints included). */
export interface RequirementRef {
  ref: string;
  level: AssuranceLevel;
}

export interface Control {
  /** Stable id rules cite, e.g. `EUCS-CKM-03`, `GDPR-32-1-a`, `ENISA-PGH-GP-09`. */
  id: string;
  title: string;
  family: ControlFamily;
  /** Two or three sentences, in our own words, on what the source asks. */
  summary: string;
  /** Key of the `CatalogSource` this control comes from. */
  source: string;
  /** Article, section or theme reference; present only when the research confirmed it. */
  ref?: string;
  /** Use cases the source itself ties the control to (empty when it ties none). */
  useCases: ControlUseCase[];
  confidence: Confidence;
  /** What the source leaves open (thresholds, numbering), so rules do not pretend otherwise. */
  gaps?: string;
  /** Provenance remarks: printed misnumbering, inferred placement, status of the text. */
  notes?: string;
  /** The id the research notes (`/work/shared/reference`) use for the same item, for tracing. */
  referenceId?: string;
  /** EUCS only: whether configuration checks can evidence the theme. */
  configRelevance?: ConfigRelevance;
  /** EUCS only: assurance levels the theme's requirements are labelled with. */
  levels?: AssuranceLevel[];
  /** EUCS only: the requirement rows worth citing. */
  requirements?: RequirementRef[];
}

export interface CatalogSource {
  /** Short key controls refer to, e.g. `eucs`, `gdpr`. */
  key: string;
  title: string;
  publisher: string;
  /** Publication date as far as known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
  authors?: string[];
  /** Legal or editorial status, e.g. "draft for external review". */
  status: string;
  notes?: string;
  /** Only set when the research confirmed the address. */
  url?: string;
  /** Regular expression every control id of this source matches. */
  idPattern: string;
}

export interface Catalog {
  readonly controls: readonly Control[];
  readonly sources: readonly CatalogSource[];
  get(id: string): Control | undefined;
  has(id: string): boolean;
  source(key: string): CatalogSource | undefined;
  /** Controls grouped by family, families in vocabulary order, controls in catalog order. */
  byFamily(): ReadonlyMap<ControlFamily, readonly Control[]>;
  /** Controls grouped by source key, sources in catalog order. */
  bySource(): ReadonlyMap<string, readonly Control[]>;
}

/** Controls to cite for checks that apply only in a narrower situation. */
export interface ConditionalCitation {
  when: string;
  controls: string[];
}

/** Which controls a rule family should cite, and how strongly they back it. */
export interface FamilyMapping {
  /** Rule family, e.g. `encryption-at-rest`. */
  family: string;
  description: string;
  /** Cite these, in this order: legal anchors first, then ENISA health-care items, then the rest. */
  controls: string[];
  strength: MappingStrength;
  also: ConditionalCitation[];
  /** Loosely related controls; do not cite them as the basis of a finding. */
  related: string[];
  /** Thresholds or choices the rules make that no source states (our policy, configurable). */
  policyChoices: string[];
  notes?: string;
}

export interface ControlMappings {
  readonly families: readonly FamilyMapping[];
  get(family: string): FamilyMapping | undefined;
}
