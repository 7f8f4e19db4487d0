/** Test-side access to the catalog YAML files and to the research notes they were written from. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

// Tests run from out/test/unit/catalog; the repository root is four levels up.
export const repoRoot = resolve(__dirname, '../../../..');
export const catalogDir = join(repoRoot, 'rules/catalog');
export const schemaPath = join(repoRoot, 'rules/schema/catalog.schema.json');
export const referenceDir = resolve(repoRoot, '../shared/reference');

export interface CatalogFile {
  name: string;
  doc: Record<string, unknown>;
}

export function readCatalogFiles(): CatalogFile[] {
  return readdirSync(catalogDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, doc: parse(readFileSync(join(catalogDir, name), 'utf8')) as Record<string, unknown> }));
}

/** The same shape scripts/generate-builtins.mjs produces, read straight from the YAML. */
export function catalogDataFromFiles(): { controls: unknown[]; sources: unknown[]; mappings: unknown[] } {
  const data = { controls: [] as unknown[], sources: [] as unknown[], mappings: [] as unknown[] };
  for (const { doc } of readCatalogFiles()) {
    if (Array.isArray(doc.controls)) data.controls.push(...doc.controls);
    if (doc.source) data.sources.push(doc.source);
    if (Array.isArray(doc.mappings)) data.mappings.push(...doc.mappings);
  }
  return data;
}

export function hasReference(): boolean {
  return existsSync(referenceDir);
}

/** Every research file as text (the comparison base for verbatim and numbering checks). */
export function readReferenceTexts(): string[] {
  return readdirSync(referenceDir)
    .filter((name) => /\.(md|ya?ml|txt)$/.test(name))
    .map((name) => readFileSync(join(referenceDir, name), 'utf8'));
}

export function readReferenceYaml(name: string): Record<string, unknown> {
  return parse(readFileSync(join(referenceDir, name), 'utf8')) as Record<string, unknown>;
}
