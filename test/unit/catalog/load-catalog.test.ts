import assert from 'node:assert/strict';
import { CatalogError, loadCatalog } from '../../../src/core/catalog';

function source(key: string, idPattern: string): Record<string, unknown> {
  return { key, title: `Source ${key}`, publisher: 'Publisher', status: 'in force', idPattern };
}

function control(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: `Title of ${id}`,
    family: 'encryption',
    summary: 'Asks for one thing. Explains another.',
    source: 'alpha',
    confidence: 'high',
    ...overrides,
  };
}

function loadError(data: { controls: unknown[]; sources: unknown[] }): CatalogError {
  try {
    loadCatalog(data);
  } catch (error) {
    assert.ok(error instanceof CatalogError, `expected CatalogError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected loadCatalog to throw');
}

const sources = [source('alpha', '^A-\\d{2}$'), source('beta', '^B-[a-z]$')];

describe('loadCatalog', () => {
  it('loads valid data and answers lookups', () => {
    const catalog = loadCatalog({
      sources,
      controls: [
        control('A-01'),
        control('A-02', { family: 'logging', useCases: ['ehr'], ref: 'Art. 1', gaps: 'No number.' }),
        control('B-x', { source: 'beta', family: 'encryption' }),
      ],
    });
    assert.equal(catalog.controls.length, 3);
    assert.equal(catalog.get('A-02')?.ref, 'Art. 1');
    assert.deepEqual(catalog.get('A-02')?.useCases, ['ehr']);
    assert.deepEqual(catalog.get('A-01')?.useCases, []);
    assert.equal(catalog.get('A-99'), undefined);
    assert.ok(catalog.has('B-x'));
    assert.equal(catalog.source('beta')?.title, 'Source beta');
    assert.deepEqual([...catalog.byFamily().keys()], ['encryption', 'logging']);
    assert.deepEqual(catalog.byFamily().get('encryption')?.map((c) => c.id), ['A-01', 'B-x']);
    assert.deepEqual([...catalog.bySource().entries()].map(([k, v]) => [k, v.map((c) => c.id)]), [
      ['alpha', ['A-01', 'A-02']],
      ['beta', ['B-x']],
    ]);
  });

  it('keeps EUCS-specific fields', () => {
    const catalog = loadCatalog({
      sources,
      controls: [control('A-01', { configRelevance: 'high', levels: ['Basic', 'High'], requirements: [{ ref: 'X-01.1', level: 'Basic' }] })],
    });
    const loaded = catalog.get('A-01');
    assert.equal(loaded?.configRelevance, 'high');
    assert.deepEqual(loaded?.levels, ['Basic', 'High']);
    assert.deepEqual(loaded?.requirements, [{ ref: 'X-01.1', level: 'Basic' }]);
  });

  it('names the control id and field in errors', () => {
    const error = loadError({ sources, controls: [control('A-01', { summary: '' })] });
    assert.deepEqual(error.issues, [{ subject: 'control "A-01"', field: 'summary', message: 'must be a non-empty string' }]);
    assert.match(error.message, /control "A-01", field "summary": must be a non-empty string/);
  });

  it('reports every problem at once', () => {
    const error = loadError({
      sources,
      controls: [
        control('A-01', { family: 'cryptography' }),
        control('A-01'),
        control('A-1'),
        control('B-y', { source: 'gamma' }),
        control('A-03', { useCases: ['hospital'], confidence: 'certain', usecases: ['ehr'] }),
        { title: 'no id' },
        'not a record',
      ],
    });
    const described = error.issues.map((i) => `${i.subject}|${i.field ?? ''}`);
    assert.deepEqual(described, [
      'control "A-01"|family',
      'control "A-01"|id',
      'control "A-1"|id',
      'control "B-y"|source',
      'control "A-03"|usecases',
      'control "A-03"|useCases',
      'control "A-03"|confidence',
      'control #6|id',
      'control #6|source',
      'control #6|family',
      'control #6|summary',
      'control #6|confidence',
      'control #7|',
    ]);
    assert.match(error.issues[1].message, /used by another control/);
    assert.match(error.issues[2].message, /does not match the id pattern of source "alpha"/);
    assert.match(error.issues[3].message, /unknown source "gamma"/);
  });

  it('validates sources: unique keys, anchored and compilable id patterns, dates and urls', () => {
    const error = loadError({
      sources: [
        source('alpha', '^A-\\d{2}$'),
        source('alpha', '^A-\\d{2}$'),
        source('beta', 'B-.*'),
        source('gamma', '^(unclosed$'),
        { ...source('delta', '^D$'), date: '18 January 2021', url: 'www.example.org' },
        { key: 'Epsilon' },
      ],
      controls: [],
    });
    const described = error.issues.map((i) => `${i.subject}|${i.field ?? ''}`);
    assert.deepEqual(described, [
      'source "alpha"|key',
      'source "delta"|date',
      'source "delta"|url',
      'source "Epsilon"|key',
      'source "Epsilon"|title',
      'source "Epsilon"|publisher',
      'source "Epsilon"|status',
      'source "Epsilon"|idPattern',
      'source "beta"|idPattern',
      'source "gamma"|idPattern',
    ]);
  });

  it('rejects malformed requirement rows', () => {
    const error = loadError({ sources, controls: [control('A-01', { requirements: [{ ref: 'X-01.1', level: 'Medium' }, 'X-01.2'] })] });
    assert.deepEqual(error.issues.map((i) => `${i.subject}|${i.field ?? ''}`), [
      'control "A-01", requirements item 1|level',
      'control "A-01", requirements item 2|',
    ]);
  });
});
