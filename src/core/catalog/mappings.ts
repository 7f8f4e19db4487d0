/**
 * Loads `rules/catalog/mappings.yaml`: for each rule family, the controls rule authors should cite.
 * Every cited id must exist in the catalog, so a renamed control breaks the build, not a report.
 */
import { CatalogError, CatalogIssue, RecordReader, isPlainRecord } from './record-reader';
import type { Catalog, ConditionalCitation, ControlMappings, FamilyMapping } from './types';
import { MAPPING_STRENGTHS } from './vocabulary';

const MAPPING_FIELDS = ['family', 'description', 'controls', 'strength', 'also', 'related', 'policyChoices', 'notes'] as const;
const FAMILY_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function loadControlMappings(data: readonly unknown[], catalog: Catalog): ControlMappings {
  const issues: CatalogIssue[] = [];
  const families: FamilyMapping[] = [];
  const seen = new Set<string>();
  data.forEach((entry, index) => {
    const fallbackSubject = `mapping #${index + 1}`;
    if (!isPlainRecord(entry)) {
      issues.push({ subject: fallbackSubject, message: 'must be a mapping' });
      return;
    }
    const subject = typeof entry.family === 'string' ? `mapping "${entry.family}"` : fallbackSubject;
    const reader = new RecordReader(entry, subject, issues);
    reader.rejectUnknownFields(MAPPING_FIELDS);
    const family = reader.requiredString('family');
    if (family && !FAMILY_NAME.test(family)) reader.report('family', 'must be lower-case kebab-case');
    if (family && seen.has(family)) reader.report('family', 'is mapped twice');
    seen.add(family);

    const controls = reader.stringList('controls', { required: true });
    const also = readConditionalCitations(reader, issues, subject);
    const related = reader.stringList('related');
    reportUnknownControls(reader, 'controls', controls, catalog);
    also.forEach((citation, i) => reportUnknownControls(reader, `also[${i + 1}].controls`, citation.controls, catalog));
    reportUnknownControls(reader, 'related', related, catalog);
    for (const id of related) {
      if (controls.includes(id)) reader.report('related', `"${id}" is already cited in controls`);
    }

    const mapping: FamilyMapping = {
      family,
      description: reader.requiredString('description'),
      controls,
      strength: reader.requiredChoice('strength', MAPPING_STRENGTHS) ?? 'weak',
      also,
      related,
      policyChoices: reader.stringList('policyChoices'),
    };
    const notes = reader.optionalString('notes');
    if (notes !== undefined) mapping.notes = notes;
    families.push(mapping);
  });
  if (issues.length > 0) throw new CatalogError('Control mappings', issues);
  const byFamily = new Map(families.map((m) => [m.family, m] as const));
  return { families, get: (family) => byFamily.get(family) };
}

function readConditionalCitations(reader: RecordReader, issues: CatalogIssue[], subject: string): ConditionalCitation[] {
  const out: ConditionalCitation[] = [];
  reader.list('also').forEach((item, index) => {
    const itemSubject = `${subject}, also item ${index + 1}`;
    if (!isPlainRecord(item)) {
      issues.push({ subject: itemSubject, message: 'must be a mapping with when and controls' });
      return;
    }
    const itemReader = new RecordReader(item, itemSubject, issues);
    itemReader.rejectUnknownFields(['when', 'controls']);
    out.push({ when: itemReader.requiredString('when'), controls: itemReader.stringList('controls', { required: true }) });
  });
  return out;
}

function reportUnknownControls(reader: RecordReader, field: string, ids: readonly string[], catalog: Catalog): void {
  for (const id of ids) {
    if (!catalog.has(id)) reader.report(field, `cites "${id}", which is not in the catalog`);
  }
}
