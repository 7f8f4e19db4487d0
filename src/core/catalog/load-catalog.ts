/**
 * Turns the catalog data compiled from `rules/catalog/*.yaml` (see scripts/generate-builtins.mjs)
 * into a `Catalog`, validating every record. Errors name the control id and field concerned.
 */
import { CatalogError, CatalogIssue, RecordReader, isPlainRecord } from './record-reader';
import type { Catalog, CatalogSource, Control, RequirementRef } from './types';
import {
  ASSURANCE_LEVELS,
  CONFIDENCE_LEVELS,
  CONFIG_RELEVANCE_LEVELS,
  CONTROL_FAMILIES,
  CONTROL_USE_CASES,
  ControlFamily,
} from './vocabulary';

const SOURCE_FIELDS = ['key', 'title', 'publisher', 'date', 'authors', 'status', 'notes', 'url', 'idPattern'] as const;
const CONTROL_FIELDS = [
  'id', 'title', 'family', 'summary', 'source', 'ref', 'useCases', 'confidence', 'gaps', 'notes',
  'referenceId', 'configRelevance', 'levels', 'requirements',
] as const;
const SOURCE_KEY = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const URL = /^https?:\/\/\S+$/;

export function loadCatalog(data: { controls: unknown[]; sources: unknown[] }): Catalog {
  const issues: CatalogIssue[] = [];
  const sources = readSources(data.sources, issues);
  const idPatterns = new Map<string, RegExp>();
  for (const source of sources) {
    const compiled = compileIdPattern(source, issues);
    if (compiled) idPatterns.set(source.key, compiled);
  }
  const controls = readControls(data.controls, sources, idPatterns, issues);
  if (issues.length > 0) throw new CatalogError('Control catalog', issues);
  return createCatalog(sources, controls);
}

function readSources(raw: unknown[], issues: CatalogIssue[]): CatalogSource[] {
  const out: CatalogSource[] = [];
  const seen = new Set<string>();
  raw.forEach((entry, index) => {
    const fallbackSubject = `source #${index + 1}`;
    if (!isPlainRecord(entry)) {
      issues.push({ subject: fallbackSubject, message: 'must be a mapping' });
      return;
    }
    const subject = typeof entry.key === 'string' ? `source "${entry.key}"` : fallbackSubject;
    const reader = new RecordReader(entry, subject, issues);
    reader.rejectUnknownFields(SOURCE_FIELDS);
    const key = reader.requiredString('key');
    if (key && !SOURCE_KEY.test(key)) reader.report('key', 'must be lower-case kebab-case');
    if (key && seen.has(key)) reader.report('key', 'is used by another source');
    seen.add(key);
    const date = reader.optionalString('date');
    if (date !== undefined && !DATE.test(date)) reader.report('date', 'must be YYYY, YYYY-MM or YYYY-MM-DD');
    const url = reader.optionalString('url');
    if (url !== undefined && !URL.test(url)) reader.report('url', 'must be an http(s) address');
    const authors = reader.stringList('authors');
    const source: CatalogSource = {
      key,
      title: reader.requiredString('title'),
      publisher: reader.requiredString('publisher'),
      status: reader.requiredString('status'),
      idPattern: reader.requiredString('idPattern'),
    };
    if (date !== undefined) source.date = date;
    if (authors.length > 0) source.authors = authors;
    const notes = reader.optionalString('notes');
    if (notes !== undefined) source.notes = notes;
    if (url !== undefined) source.url = url;
    out.push(source);
  });
  return out;
}

function compileIdPattern(source: CatalogSource, issues: CatalogIssue[]): RegExp | undefined {
  if (!source.idPattern) return undefined;
  const subject = `source "${source.key}"`;
  // Unanchored patterns would accept ids with stray prefixes or suffixes.
  if (!source.idPattern.startsWith('^') || !source.idPattern.endsWith('$')) {
    issues.push({ subject, field: 'idPattern', message: 'must be anchored with ^ and $' });
    return undefined;
  }
  try {
    return new RegExp(source.idPattern);
  } catch (error) {
    issues.push({ subject, field: 'idPattern', message: `is not a valid regular expression (${(error as Error).message})` });
    return undefined;
  }
}

function readControls(
  raw: unknown[],
  sources: readonly CatalogSource[],
  idPatterns: ReadonlyMap<string, RegExp>,
  issues: CatalogIssue[],
): Control[] {
  const out: Control[] = [];
  const seen = new Set<string>();
  const sourceKeys = sources.map((s) => s.key);
  raw.forEach((entry, index) => {
    const fallbackSubject = `control #${index + 1}`;
    if (!isPlainRecord(entry)) {
      issues.push({ subject: fallbackSubject, message: 'must be a mapping' });
      return;
    }
    const subject = typeof entry.id === 'string' && entry.id.trim() !== '' ? `control "${entry.id.trim()}"` : fallbackSubject;
    const reader = new RecordReader(entry, subject, issues);
    reader.rejectUnknownFields(CONTROL_FIELDS);
    const id = reader.requiredString('id');
    if (id && seen.has(id)) reader.report('id', 'is used by another control');
    seen.add(id);
    const sourceKey = reader.requiredString('source');
    if (sourceKey && !sourceKeys.includes(sourceKey)) {
      reader.report('source', `names unknown source "${sourceKey}" (known: ${sourceKeys.join(', ') || 'none'})`);
    }
    const idPattern = idPatterns.get(sourceKey);
    if (id && idPattern && !idPattern.test(id)) reader.report('id', `does not match the id pattern of source "${sourceKey}" (${idPattern.source})`);

    const control: Control = {
      id,
      title: reader.requiredString('title'),
      family: reader.requiredChoice('family', CONTROL_FAMILIES) ?? ('governance' as ControlFamily),
      summary: reader.requiredString('summary'),
      source: sourceKey,
      useCases: reader.stringList('useCases', { allowed: CONTROL_USE_CASES }) as Control['useCases'],
      confidence: reader.requiredChoice('confidence', CONFIDENCE_LEVELS) ?? 'low',
    };
    assignOptionalText(control, reader, ['ref', 'gaps', 'notes', 'referenceId']);
    const configRelevance = reader.optionalChoice('configRelevance', CONFIG_RELEVANCE_LEVELS);
    if (configRelevance !== undefined) control.configRelevance = configRelevance;
    if (entry.levels !== undefined) control.levels = reader.stringList('levels', { allowed: ASSURANCE_LEVELS, required: true }) as Control['levels'];
    if (entry.requirements !== undefined) control.requirements = readRequirements(reader, issues, subject);
    out.push(control);
  });
  return out;
}

function assignOptionalText(control: Control, reader: RecordReader, fields: ReadonlyArray<'ref' | 'gaps' | 'notes' | 'referenceId'>): void {
  for (const field of fields) {
    const value = reader.optionalString(field);
    if (value !== undefined) control[field] = value;
  }
}

function readRequirements(reader: RecordReader, issues: CatalogIssue[], subject: string): RequirementRef[] {
  const out: RequirementRef[] = [];
  reader.list('requirements').forEach((item, index) => {
    const itemSubject = `${subject}, requirements item ${index + 1}`;
    if (!isPlainRecord(item)) {
      issues.push({ subject: itemSubject, message: 'must be a mapping with ref and level' });
      return;
    }
    const itemReader = new RecordReader(item, itemSubject, issues);
    itemReader.rejectUnknownFields(['ref', 'level']);
    const ref = itemReader.requiredString('ref');
    const level = itemReader.requiredChoice('level', ASSURANCE_LEVELS);
    if (ref && level) out.push({ ref, level });
  });
  return out;
}

function createCatalog(sources: readonly CatalogSource[], controls: readonly Control[]): Catalog {
  const byId = new Map(controls.map((c) => [c.id, c] as const));
  const sourceByKey = new Map(sources.map((s) => [s.key, s] as const));
  const byFamily = new Map<ControlFamily, Control[]>();
  for (const family of CONTROL_FAMILIES) {
    const members = controls.filter((c) => c.family === family);
    if (members.length > 0) byFamily.set(family, members);
  }
  const bySource = new Map<string, Control[]>(sources.map((s) => [s.key, controls.filter((c) => c.source === s.key)] as const));
  return {
    controls,
    sources,
    get: (id) => byId.get(id),
    has: (id) => byId.has(id),
    source: (key) => sourceByKey.get(key),
    byFamily: () => byFamily,
    bySource: () => bySource,
  };
}
