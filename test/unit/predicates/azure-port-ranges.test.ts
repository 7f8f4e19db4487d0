import assert from 'node:assert/strict';
import { coverageOf, parseAzurePortRange } from '../../../src/core/rules/predicates/azure-port-ranges';

describe('Azure port range strings', () => {
  it('parses single ports, ranges and the wildcard', () => {
    assert.deepEqual(parseAzurePortRange('3389'), { from: 3389, to: 3389 });
    assert.deepEqual(parseAzurePortRange(' 1000 - 2000 '), { from: 1000, to: 2000 });
    assert.deepEqual(parseAzurePortRange('*'), { from: 0, to: 65535 });
    assert.deepEqual(parseAzurePortRange(22), { from: 22, to: 22 });
    assert.deepEqual(parseAzurePortRange('2000-1000'), { from: 1000, to: 2000 });
  });

  it('rejects what is not a port range', () => {
    assert.equal(parseAzurePortRange('ssh'), undefined);
    assert.equal(parseAzurePortRange('22,23'), undefined);
    assert.equal(parseAzurePortRange(undefined), undefined);
  });

  it('finds the sensitive ports a list of ranges covers', () => {
    const coverage = coverageOf(['443', '5000-6000', 'bogus']);
    assert.equal(coverage.allPorts, false);
    assert.deepEqual(coverage.ports.map((p) => p.port), [5432, 5601, 5985, 5986]);
    assert.deepEqual(coverageOf(['80', '443']).ports, []);
    assert.equal(coverageOf(['*']).allPorts, true);
    assert.equal(coverageOf(['1-65535']).allPorts, true);
  });
});
