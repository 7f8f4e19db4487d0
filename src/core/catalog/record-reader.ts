/**
 * Reads fields of one untrusted YAML record and collects every problem instead of stopping at the
 * first, so a catalog author sees all mistakes of a file in one run.
 */

export interface CatalogIssue {
  /** What the record is, e.g. `control "EUCS-CKM-03"` or `source #2`. */
  subject: string;
  field?: string;
  message: string;
}

export function formatIssue(issue: CatalogIssue): string {
  return issue.field === undefined
    ? `${issue.subject}: ${issue.message}`
    : `${issue.subject}, field "${issue.field}": ${issue.message}`;
}

/** Thrown by the loaders; `issues` lists every problem found, the message repeats them. */
export class CatalogError extends Error {
  readonly issues: readonly CatalogIssue[];

  constructor(what: string, issues: readonly CatalogIssue[]) {
    super(`${what} is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` + issues.map((i) => `  - ${formatIssue(i)}`).join('\n'));
    this.name = 'CatalogError';
    this.issues = issues;
  }
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class RecordReader {
  constructor(
    private readonly raw: Record<string, unknown>,
    private readonly subject: string,
    private readonly issues: CatalogIssue[],
  ) {}

  report(field: string | undefined, message: string): void {
    this.issues.push({ subject: this.subject, field, message });
  }

  requiredString(field: string): string {
    const value = this.raw[field];
    if (typeof value !== 'string' || value.trim() === '') {
      this.report(field, value === undefined ? 'is required' : 'must be a non-empty string');
      return '';
    }
    return value.trim();
  }

  optionalString(field: string): string | undefined {
    if (this.raw[field] === undefined) return undefined;
    const value = this.requiredString(field);
    return value === '' ? undefined : value;
  }

  requiredChoice<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    const value = this.raw[field];
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.report(field, value === undefined ? `is required (one of ${allowed.join(', ')})` : `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
    return undefined;
  }

  optionalChoice<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    return this.raw[field] === undefined ? undefined : this.requiredChoice(field, allowed);
  }

  /** A list of non-empty strings; `allowed` restricts the values, duplicates are refused. */
  stringList(field: string, options: { allowed?: readonly string[]; required?: boolean } = {}): string[] {
    const value = this.raw[field];
    if (value === undefined) {
      if (options.required) this.report(field, 'is required');
      return [];
    }
    if (!Array.isArray(value)) {
      this.report(field, 'must be a list');
      return [];
    }
    const out: string[] = [];
    value.forEach((item, index) => {
      if (typeof item !== 'string' || item.trim() === '') {
        this.report(field, `item ${index + 1} must be a non-empty string`);
      } else if (options.allowed && !options.allowed.includes(item)) {
        this.report(field, `item ${JSON.stringify(item)} must be one of ${options.allowed.join(', ')}`);
      } else if (out.includes(item)) {
        this.report(field, `lists ${JSON.stringify(item)} twice`);
      } else {
        out.push(item);
      }
    });
    if (options.required && value.length === 0) this.report(field, 'must not be empty');
    return out;
  }

  /** The raw list under `field` (or an empty one, reporting a non-list). */
  list(field: string): unknown[] {
    const value = this.raw[field];
    if (value === undefined) return [];
    if (Array.isArray(value)) return value;
    this.report(field, 'must be a list');
    return [];
  }

  /** Misspelt keys would otherwise vanish silently (e.g. `usecases`), so they are errors. */
  rejectUnknownFields(known: readonly string[]): void {
    for (const key of Object.keys(this.raw)) {
      if (!known.includes(key)) this.report(key, `is not a known field (known: ${known.join(', ')})`);
    }
  }
}
