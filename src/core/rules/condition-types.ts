/**
 * The declarative condition language of rule files. A condition states what must hold for the
 * subject to PASS; evaluation is three-valued (pass, fail, undetermined).
 */

/** A number given literally or read from the configuration (our stated policy values). */
export type NumberOperand = number | { config: 'minLogRetentionDays' | 'minBackupRetentionDays' };

export interface ValueTest {
  /** Dotted path from the subject (or the current item) to the value. */
  path: string;
  /** Value the provider/platform uses when the path is absent; the operators then test it. */
  default?: unknown;
  exists?: boolean;
  equals?: unknown;
  notEquals?: unknown;
  oneOf?: unknown[];
  notOneOf?: unknown[];
  /** Regular expression (a safe subset is enforced for workspace rules). */
  matches?: string;
  notMatches?: string;
  /** Case-insensitive by default for the two regex operators when true. */
  ignoreCase?: boolean;
  gte?: NumberOperand;
  lte?: NumberOperand;
  gt?: NumberOperand;
  lt?: NumberOperand;
  /** Version string comparison (`1.2` ≥ `1.2`); tolerant of prefixes like `TLS1_2`, `tls1.2`, `TLSv1.2`. */
  versionGte?: string | { config: 'minTlsVersion' };
  /** For strings: substring; for lists: element equality. */
  contains?: unknown;
  notContains?: unknown;
  /** The value (string or list of strings) holds no CIDR open to the whole internet. */
  notPublicCidr?: boolean;
  /** The value is a region/location in the configured allow-list. */
  inAllowedRegions?: boolean;
  /** When the path fans out (repeated blocks, lists), whether all or any found value must pass. */
  match?: 'all' | 'any';
}

export interface AllCondition {
  all: Condition[];
}
export interface AnyCondition {
  any: Condition[];
}
export interface NotCondition {
  not: Condition;
}

/** Every item at `path` (repeated nested blocks, list entries) must satisfy `require`. */
export interface EachCondition {
  each: string;
  require: Condition;
  /** Only items satisfying this are checked. */
  where?: Condition;
}

/** At least one item at `path` satisfies `require`. */
export interface SomeCondition {
  some: string;
  require: Condition;
}

/**
 * A related resource (Terraform) that points at the subject through `via` satisfies `require`.
 * AWS provider v4+ S3 bucket settings and Azure diagnostic settings are checked this way.
 */
export interface RelatedCondition {
  related: {
    types: string[];
    /** Attribute of the related resource that references the subject (e.g. `bucket`). */
    via: string;
    require?: Condition;
  };
}

/** A named TypeScript predicate shipped with the engine, for what YAML cannot say well. */
export interface PredicateCondition {
  predicate: string;
  args?: Record<string, unknown>;
}

export type Condition =
  | ValueTest
  | AllCondition
  | AnyCondition
  | NotCondition
  | EachCondition
  | SomeCondition
  | RelatedCondition
  | PredicateCondition;

/** A related resource that a fix op edits instead of the subject (AWS v4+ split S3 settings). */
export interface RelatedTarget {
  type: string;
  via: string;
}

/** Fix operations, turned into minimal text edits in the file's own syntax. */
export type FixOperation =
  /**
   * Set a value (adding the key, and the nested blocks or maps on its path, when missing). With
   * `related`, set it on each existing related resource instead; with `ifPresent`, only when the
   * first path segment already exists (a legacy inline block, say).
   */
  | { set: { path: string; value: unknown; related?: RelatedTarget; ifPresent?: boolean } }
  | { remove: { path: string } }
  /** Terraform: add a nested block (written in HCL) at `path` ('' for the subject itself). */
  | { addBlock: { path: string; hcl: string } }
  /**
   * Terraform: add a companion resource after the subject; `{name}` and `{address}` are
   * substituted. With `via`, skipped when a resource of that type already points at the subject.
   */
  | { addResource: { type: string; name: string; hcl: string; via?: string } }
  /**
   * YAML: remove the list item that holds the finding (the offending scalar, or the map item it
   * is written in) when that list is written under one of the keys `lists`; the op does nothing
   * for findings elsewhere. When it is the last item, `ifEmpty` decides: `empty` writes `[]`
   * (default), `removeKey` removes the list's key, `removeParentItem` removes the list item that
   * holds the list (an RBAC rule whose last resource goes).
   */
  | { removeItem: { lists: string[]; ifEmpty?: 'empty' | 'removeKey' | 'removeParentItem' } }
  /** YAML: replace the offending value itself, when it is written under one of the keys `at` (any key when absent). */
  | { replace: { value: unknown; at?: string[] } }
  /** YAML: add an item at the end of the list at `path` (`spec.tls.0.hosts`), creating the list when missing. */
  | { appendItem: { path: string; value: unknown } }
  /** YAML: append a new document (`---`) after the last one, such as a NetworkPolicy beside its Namespace. */
  | { addDocument: { value: Record<string, unknown> } };

/**
 * Values in `set`, `replace`, `appendItem` and `addDocument` may contain expressions computed from
 * the subject (see `fixes/computed-value.ts`): `{ $from: path | [paths], all?, optional?, notOneOf? }`,
 * `{ $template: "text {path}" }` and `{ $found: value }` (the offending value). When one cannot
 * be computed, the finding gets no fix.
 */
export type ComputedValue = { $from: string | string[]; all?: boolean; optional?: boolean; notOneOf?: unknown[] } | { $template: string } | { $found: unknown };

export interface FixSpec {
  title: string;
  ops: FixOperation[];
  /** Only verified, behaviour-preserving fixes are safe (preferred in the editor). */
  safe?: boolean;
}
