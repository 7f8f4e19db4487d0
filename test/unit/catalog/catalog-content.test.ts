/**
 * Checks on the shipped catalog (rules/catalog/*.yaml): ids, coverage of each source, and that the
 * prose is our own and claims no numbering the research notes do not confirm.
 */
import assert from 'node:assert/strict';
import { builtinCatalogData } from '../../../src/generated/builtin';
import { builtinCatalog, loadCatalog } from '../../../src/core/catalog';
import type { Control } from '../../../src/core/catalog';
import { catalogDataFromFiles, hasReference, readCatalogFiles, readReferenceTexts, readReferenceYaml } from './catalog-files';
import { countSentences, firstSharedRun, numberingChecker, wordRuns } from './text-checks';

const VERBATIM_RUN = 12;

type Raw = Record<string, unknown>;

const fileData = catalogDataFromFiles();
const catalog = loadCatalog(fileData);
const ofSource = (key: string): Control[] => catalog.controls.filter((c) => c.source === key);

/** Every piece of our own prose in the catalog and mappings, labelled for error messages. */
function proseEntries(): Array<{ where: string; text: string }> {
  const out: Array<{ where: string; text: string }> = [];
  for (const c of catalog.controls) {
    for (const field of ['summary', 'gaps', 'notes'] as const) {
      const text = c[field];
      if (text) out.push({ where: `${c.id}.${field}`, text });
    }
  }
  for (const s of catalog.sources) {
    out.push({ where: `source ${s.key}.status`, text: s.status });
    if (s.notes) out.push({ where: `source ${s.key}.notes`, text: s.notes });
  }
  for (const m of fileData.mappings as Raw[]) {
    for (const field of ['description', 'notes']) {
      if (typeof m[field] === 'string') out.push({ where: `mapping ${String(m.family)}.${field}`, text: m[field] as string });
    }
  }
  return out;
}

/** Every text that may carry a reference number, including refs and titles. */
function numberedEntries(): Array<{ where: string; text: string }> {
  const out = proseEntries();
  for (const c of catalog.controls) {
    out.push({ where: `${c.id}.title`, text: c.title });
    if (c.ref) out.push({ where: `${c.id}.ref`, text: c.ref });
  }
  return out;
}

describe('shipped control catalog', () => {
  it('loads without errors, and the generated builtin data holds the same controls', () => {
    const generated = builtinCatalog();
    assert.deepEqual(generated.controls.map((c) => c.id), catalog.controls.map((c) => c.id));
    assert.equal(builtinCatalogData.sources.length, catalog.sources.length);
  });

  it('has one source per catalog file and unique ids across all files', () => {
    const files = readCatalogFiles().filter((f) => f.doc.source !== undefined);
    assert.deepEqual(files.map((f) => f.name), ['enisa-health.yaml', 'enisa-procurement.yaml', 'eucs.yaml', 'gdpr.yaml', 'nis2.yaml']);
    const ids = catalog.controls.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const file of files) {
      const key = (file.doc.source as Raw).key;
      for (const c of file.doc.controls as Raw[]) assert.equal(c.source, key, `${String(c.id)} in ${file.name} names source ${String(c.source)}`);
    }
  });

  it("matches every id to its source's id pattern", () => {
    for (const c of catalog.controls) {
      const pattern = new RegExp(catalog.source(c.source)?.idPattern ?? '(?!)');
      assert.match(c.id, pattern, `${c.id} vs ${c.source}`);
    }
  });

  it('writes every summary as two or three full sentences', () => {
    const wrong = catalog.controls
      .map((c) => ({ id: c.id, n: countSentences(c.summary), ends: /[.!?]$/.test(c.summary) }))
      .filter((r) => r.n < 2 || r.n > 3 || !r.ends);
    assert.deepEqual(wrong, []);
  });

  it('gives the ENISA health-care report its three use cases and only measures with a confirmed title', () => {
    const entries = ofSource('enisa-health');
    const useCases = entries.filter((c) => c.family === 'use-case');
    assert.deepEqual(useCases.map((c) => [c.id, c.useCases]), [
      ['ENISA-HC-UC-EHR', ['ehr']],
      ['ENISA-HC-UC-RC', ['remote-care']],
      ['ENISA-HC-UC-MD', ['medical-devices']],
    ]);
    const measures = entries.filter((c) => c.family !== 'use-case');
    assert.ok(measures.length >= 3);
    for (const m of measures) {
      assert.match(m.id, /^ENISA-HC-M-/);
      assert.notEqual(m.confidence, 'low', `${m.id}: low-confidence measures are not catalogued`);
      assert.equal(m.ref, undefined, `${m.id}: the report's own numbering was not seen`);
      assert.ok(m.referenceId, `${m.id} must name the research id it comes from`);
    }
  });

  it('lists the 28 procurement good practices as GP-01..GP-28', () => {
    const ids = ofSource('enisa-procurement').map((c) => c.id);
    assert.deepEqual(ids, Array.from({ length: 28 }, (_, i) => `ENISA-PGH-GP-${String(i + 1).padStart(2, '0')}`));
    assert.match(catalog.source('enisa-procurement')?.notes ?? '', /own numbering of the practices was not seen/);
  });

  it('covers GDPR Art. 32 (1)(a)-(d), (2), (4) and Chapter V, and NIS2 Art. 21(2)(a)-(j)', () => {
    assert.deepEqual(ofSource('gdpr').map((c) => c.id), ['GDPR-32-1-a', 'GDPR-32-1-b', 'GDPR-32-1-c', 'GDPR-32-1-d', 'GDPR-32-2', 'GDPR-32-4', 'GDPR-CH5']);
    assert.deepEqual(ofSource('nis2').map((c) => c.id), 'abcdefghij'.split('').map((l) => `NIS2-21-2-${l}`));
    assert.deepEqual(ofSource('nis2').map((c) => c.ref), 'abcdefghij'.split('').map((l) => `NIS2 Art. 21(2)(${l})`));
  });

  it('carries all 120 EUCS Annex A themes with configuration relevance and levels', () => {
    const eucs = ofSource('eucs');
    assert.equal(eucs.length, 120);
    for (const c of eucs) {
      assert.ok(c.configRelevance, `${c.id} lacks configRelevance`);
      assert.ok(c.levels && c.levels.length > 0, `${c.id} lacks levels`);
      assert.ok(c.ref?.startsWith(`EUCS Annex A, ${c.id.slice('EUCS-'.length)}`), `${c.id} ref: ${c.ref}`);
    }
  });

  describe('against the research notes', function () {
    before(function () {
      if (!hasReference()) this.skip();
    });

    it('has no run of 12 or more words copied from the notes', () => {
      const index = wordRuns(readReferenceTexts(), VERBATIM_RUN);
      const copied = proseEntries()
        .map((e) => ({ where: e.where, run: firstSharedRun(e.text, index, VERBATIM_RUN) }))
        .filter((e) => e.run !== undefined);
      assert.deepEqual(copied, []);
    });

    it('states no section, chapter, table, page or annex number the notes do not confirm', () => {
      const unconfirmedIn = numberingChecker(readReferenceTexts().join('\n'));
      const unconfirmed = numberedEntries()
        .map((e) => ({ where: e.where, numbers: unconfirmedIn(e.text) }))
        .filter((e) => e.numbers.length > 0);
      assert.deepEqual(unconfirmed, []);
    });

    it('matches EUCS relevance, levels and requirement refs to Annex A as recorded', () => {
      const themes = readReferenceYaml('eucs-annex-a.yaml').themes as Raw[];
      assert.equal(themes.length, 120);
      for (const theme of themes) {
        const c = catalog.get(`EUCS-${String(theme.id)}`);
        assert.ok(c, `EUCS-${String(theme.id)} missing`);
        assert.equal(c.configRelevance, theme.config_relevance, `${c.id} configRelevance`);
        assert.deepEqual(c.levels, theme.levels, `${c.id} levels`);
        const refs = ((theme.requirement_refs as Raw[] | undefined) ?? []).map((r) => ({ ref: r.ref, level: r.level }));
        assert.deepEqual(c.requirements ?? [], refs, `${c.id} requirements`);
      }
    });

    it('matches procurement titles and order to the research list', () => {
      const practices = readReferenceYaml('enisa-measures.yaml').procurement_good_practices as Raw[];
      assert.deepEqual(
        ofSource('enisa-procurement').map((c) => [c.referenceId, c.title]),
        practices.map((p) => [p.id, p.title]),
      );
    });

    it('catalogues exactly the health-care measures the notes confirm, with their confidence', () => {
      const measures = (readReferenceYaml('enisa-measures.yaml').measures as Raw[]).filter(
        (m) => m.publication === 'ENISA-CSHS-2021' && m.kind === undefined,
      );
      const confirmed = measures.filter((m) => m.confidence !== 'low').map((m) => [m.id, m.confidence, m.title]);
      const ours = ofSource('enisa-health')
        .filter((c) => c.family !== 'use-case')
        .map((c) => [c.referenceId, c.confidence, c.title]);
      assert.deepEqual(ours, confirmed);
    });

    it('leaves GDPR Art. 25 out, as the notes do not cover it', () => {
      const reference = readReferenceTexts().join('\n');
      assert.doesNotMatch(reference, /Art(icle|\.)\s*25\b[^,]/);
      assert.equal(catalog.controls.some((c) => /^GDPR-25/.test(c.id)), false);
    });
  });
});
