import assert from 'node:assert/strict';
import { CatalogError, builtinCatalog, builtinControlMappings, loadCatalog, loadControlMappings } from '../../../src/core/catalog';
import type { Catalog } from '../../../src/core/catalog';

const RULE_FAMILIES = [
  'encryption-at-rest', 'encryption-in-transit', 'key-management', 'exposure', 'network-segmentation',
  'audit-logging', 'monitoring', 'backup', 'resilience', 'identity', 'least-privilege', 'residency',
  'secrets', 'health-data-service', 'device-identity', 'container-hardening', 'app-hardening',
];

function tinyCatalog(): Catalog {
  return loadCatalog({
    sources: [{ key: 'law', title: 'Law', publisher: 'EU', status: 'in force', idPattern: '^L-\\d$' }],
    controls: ['L-1', 'L-2', 'L-3'].map((id) => ({ id, title: id, family: 'encryption', summary: 'S. T.', source: 'law', confidence: 'high' })),
  });
}

describe('loadControlMappings', () => {
  it('loads mappings and fills optional lists', () => {
    const mappings = loadControlMappings(
      [{ family: 'encryption-at-rest', description: 'Stores are encrypted.', controls: ['L-1', 'L-2'], strength: 'strong', also: [{ when: 'backups', controls: ['L-3'] }] }],
      tinyCatalog(),
    );
    const mapping = mappings.get('encryption-at-rest');
    assert.deepEqual(mapping?.controls, ['L-1', 'L-2']);
    assert.deepEqual(mapping?.also, [{ when: 'backups', controls: ['L-3'] }]);
    assert.deepEqual(mapping?.related, []);
    assert.deepEqual(mapping?.policyChoices, []);
    assert.equal(mappings.get('nothing'), undefined);
  });

  it('refuses unknown control ids, duplicate families, bad strengths and overlapping related ids', () => {
    let error: unknown;
    try {
      loadControlMappings(
        [
          { family: 'exposure', description: 'd', controls: ['L-1', 'L-9'], strength: 'strong', also: [{ when: 'w', controls: ['L-8'] }] },
          { family: 'exposure', description: 'd', controls: ['L-1'], strength: 'total', related: ['L-1'] },
          { family: 'Bad Name', description: 'd', controls: [], strength: 'weak' },
        ],
        tinyCatalog(),
      );
    } catch (caught) {
      error = caught;
    }
    assert.ok(error instanceof CatalogError);
    assert.deepEqual(error.issues.map((i) => `${i.subject}|${i.field}|${i.message}`), [
      'mapping "exposure"|controls|cites "L-9", which is not in the catalog',
      'mapping "exposure"|also[1].controls|cites "L-8", which is not in the catalog',
      'mapping "exposure"|family|is mapped twice',
      'mapping "exposure"|related|"L-1" is already cited in controls',
      'mapping "exposure"|strength|must be one of strong, medium, weak, got "total"',
      'mapping "Bad Name"|family|must be lower-case kebab-case',
      'mapping "Bad Name"|controls|must not be empty',
    ]);
  });
});

describe('built-in rule family mappings', () => {
  const catalog = builtinCatalog();
  const mappings = builtinControlMappings();

  it('covers every rule family our rules use', () => {
    const missing = RULE_FAMILIES.filter((family) => mappings.get(family) === undefined);
    assert.deepEqual(missing, []);
  });

  it('cites legal anchors first, then ENISA health-care items, then the rest', () => {
    const rank = (id: string): number => {
      const source = catalog.get(id)?.source;
      if (source === 'gdpr' || source === 'nis2') return 0;
      return source === 'enisa-health' ? 1 : 2;
    };
    for (const mapping of mappings.families) {
      const ranks = mapping.controls.map(rank);
      assert.equal(ranks[0], 0, `${mapping.family} must start with a GDPR or NIS2 item`);
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), `${mapping.family} cites in the wrong order: ${mapping.controls.join(', ')}`);
    }
  });

  it('cites only EUCS themes that configuration can evidence', () => {
    for (const mapping of mappings.families) {
      const cited = [...mapping.controls, ...mapping.also.flatMap((a) => a.controls)];
      for (const id of cited.filter((c) => c.startsWith('EUCS-'))) {
        const relevance = catalog.get(id)?.configRelevance;
        assert.ok(relevance === 'high' || relevance === 'medium', `${mapping.family} cites ${id} with config relevance ${relevance}`);
      }
    }
  });

  it('never cites a low-confidence control as the basis of a finding', () => {
    for (const mapping of mappings.families) {
      for (const id of mapping.controls) assert.notEqual(catalog.get(id)?.confidence, 'low', `${mapping.family} cites ${id}`);
    }
  });
});
