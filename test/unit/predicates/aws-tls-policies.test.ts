import assert from 'node:assert/strict';
import { minimumTlsVersion } from '../../../src/core/rules/predicates/aws-tls-policies';
import { runPredicate, subjectOf } from './aws-helpers';

describe('predicate aws-tls-policy-min-version', () => {
  it('reads the oldest TLS version from the policy names of each service', () => {
    const table: Array<[string, [number, number] | undefined]> = [
      ['ELBSecurityPolicy-2016-08', [1, 0]],
      ['ELBSecurityPolicy-FS-2018-06', [1, 0]],
      ['ELBSecurityPolicy-TLS-1-1-2017-01', [1, 1]],
      ['ELBSecurityPolicy-TLS-1-2-Ext-2018-06', [1, 2]],
      ['ELBSecurityPolicy-FS-1-2-Res-2020-10', [1, 2]],
      ['ELBSecurityPolicy-TLS13-1-0-2021-06', [1, 0]],
      ['ELBSecurityPolicy-TLS13-1-2-2021-06', [1, 2]],
      ['ELBSecurityPolicy-TLS13-1-3-PQ-2025-09', [1, 3]],
      ['TLS_1_0', [1, 0]],
      ['TLS_1_2', [1, 2]],
      ['SecurityPolicy_TLS13_1_3_2025_09', [1, 3]],
      ['SecurityPolicy_TLS13_2025_EDGE', [1, 3]],
      ['SecurityPolicy_TLS12_PFS_2025_EDGE', [1, 2]],
      ['SSLv3', [0, 3]],
      ['TLSv1', [1, 0]],
      ['TLSv1_2016', [1, 0]],
      ['TLSv1.1_2016', [1, 1]],
      ['TLSv1.2_2021', [1, 2]],
      ['Policy-Min-TLS-1-0-2019-07', [1, 0]],
      ['Policy-Min-TLS-1-2-PFS-2023-10', [1, 2]],
      ['MyCustomPolicy', undefined],
    ];
    for (const [name, version] of table) assert.deepEqual(minimumTlsVersion(name), version, name);
  });

  it('uses the service default when the argument is missing or null, and follows minTlsVersion', async () => {
    const listener = await subjectOf('aws_lb_listener.l', `resource "aws_lb_listener" "l" {\n  protocol   = "HTTPS"\n  ssl_policy = null\n}\n`);
    const missing = runPredicate('aws-tls-policy-min-version', listener, { path: 'ssl_policy', default: 'ELBSecurityPolicy-2016-08' });
    assert.equal(missing.outcome, 'fail');
    assert.equal(missing.valueText, 'ELBSecurityPolicy-2016-08 (the default)');
    const tls12 = await subjectOf('aws_lb_listener.l', `resource "aws_lb_listener" "l" {\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\n`);
    assert.equal(runPredicate('aws-tls-policy-min-version', tls12, { path: 'ssl_policy' }).outcome, 'pass');
    assert.equal(runPredicate('aws-tls-policy-min-version', tls12, { path: 'ssl_policy' }, { minTlsVersion: '1.3' }).outcome, 'fail');
  });

  it('is undetermined for names it does not know and for unknown values', async () => {
    const custom = await subjectOf('aws_lb_listener.l', `resource "aws_lb_listener" "l" {\n  ssl_policy = "Custom"\n}\n`);
    assert.equal(runPredicate('aws-tls-policy-min-version', custom, { path: 'ssl_policy' }).outcome, 'undetermined');
    const variable = await subjectOf('aws_lb_listener.l', `variable "p" {}\nresource "aws_lb_listener" "l" {\n  ssl_policy = var.p\n}\n`);
    assert.equal(runPredicate('aws-tls-policy-min-version', variable, { path: 'ssl_policy' }).outcome, 'undetermined');
  });
});
