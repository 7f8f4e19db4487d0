import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { CONFIDENCE_LEVELS, CONTROL_FAMILIES, CONTROL_USE_CASES, MAPPING_STRENGTHS } from '../../../src/core/catalog';
import { readCatalogFiles, schemaPath } from './catalog-files';

type Raw = Record<string, any>;

const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Raw;
const validate = new Ajv({ allErrors: true }).compile(schema);

function errorsOf(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('catalog JSON schema', () => {
  it('accepts every file in rules/catalog', () => {
    const files = readCatalogFiles();
    assert.ok(files.length >= 6);
    for (const file of files) assert.deepEqual(errorsOf(file.doc), [], file.name);
  });

  it('rejects misspelt fields, unknown families and missing summaries', () => {
    const eucs = readCatalogFiles().find((f) => f.name === 'eucs.yaml')?.doc as Raw;
    const broken = structuredClone(eucs);
    broken.controls[0].usecases = ['ehr'];
    assert.notDeepEqual(errorsOf(broken), []);
    const badFamily = structuredClone(eucs);
    badFamily.controls[1].family = 'cryptography';
    assert.notDeepEqual(errorsOf(badFamily), []);
    const noSummary = structuredClone(eucs);
    delete noSummary.controls[2].summary;
    assert.notDeepEqual(errorsOf(noSummary), []);
  });

  it('rejects a mapping without controls', () => {
    const mappings = readCatalogFiles().find((f) => f.name === 'mappings.yaml')?.doc as Raw;
    const broken = structuredClone(mappings);
    broken.mappings[0].controls = [];
    assert.notDeepEqual(errorsOf(broken), []);
  });

  it('uses the same word lists as the loader', () => {
    const defs = schema.definitions as Raw;
    assert.deepEqual(defs.control.properties.family.enum, [...CONTROL_FAMILIES]);
    assert.deepEqual(defs.control.properties.confidence.enum, [...CONFIDENCE_LEVELS]);
    assert.deepEqual(defs.control.properties.useCases.items.enum, [...CONTROL_USE_CASES]);
    assert.deepEqual(defs.mapping.properties.strength.enum, [...MAPPING_STRENGTHS]);
  });
});
