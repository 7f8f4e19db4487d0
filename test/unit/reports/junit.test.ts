import * as assert from 'node:assert/strict';
import { formatReport } from '../../../src/core/reports';
import { sampleInput } from './sample-input';
import { assertWellFormed } from './xml-check';

function attributes(element: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of element.matchAll(/([\w-]+)="([^"]*)"/g)) out[match[1]] = match[2];
  return out;
}

describe('JUnit report', () => {
  const xml = formatReport('junit', sampleInput());

  it('is well-formed XML with escaped text', () => {
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>'));
    assertWellFormed(xml);
    assert.ok(xml.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 100% open'));
  });

  it('has one testsuite per file and totals that add up', () => {
    const suites = [...xml.matchAll(/<testsuite [^>]*>/g)].map((m) => attributes(m[0]));
    assert.deepEqual(suites.map((s) => s.name), ['big/huge.json', 'clean/ok.yaml', 'config/.env', 'k8s/deploy.yaml', 'terraform/main.tf']);
    const root = attributes(xml.match(/<testsuites [^>]*>/)![0]);
    assert.deepEqual(
      { tests: root.tests, failures: root.failures, errors: root.errors, skipped: root.skipped },
      { tests: '11', failures: '3', errors: '1', skipped: '4' },
    );
    const sum = (key: string) => suites.reduce((total, suite) => total + Number(suite[key]), 0);
    assert.equal(sum('tests'), 11);
    assert.equal(sum('failures'), 3);
  });

  it('makes failures, review items, waivers and passes distinct testcases', () => {
    const k8s = xml.slice(xml.indexOf('<testsuite name="k8s/deploy.yaml"'), xml.indexOf('</testsuite>', xml.indexOf('<testsuite name="k8s/deploy.yaml"')));
    assert.match(k8s, /<testcase classname="parse-error" name="line 3"[^>]*>\s*<failure message="Could not parse: bad indentation" type="error">/);
    assert.match(k8s, /<testcase classname="k8s-run-as-root" name="Deployment\/ehr\/api"[^>]*>\s*<skipped message="needs review: /);
    assert.match(k8s, /<skipped message="waived: vendor image"\/>/);
    assert.match(k8s, /<testcase classname="k8s-run-as-root" name="internal error"[^>]*>\s*<error message="predicate blew up"/);
    assert.match(xml, /<testcase classname="aws-s3-public" name="aws_s3_bucket.logs" file="terraform\/main.tf"\/>/);
    assert.match(xml, /<testcase classname="file" name="not linted" file="big\/huge.json">\s*<skipped message="over the size limit"\/>/);
  });

  it('drops characters XML cannot carry', () => {
    const input = sampleInput();
    input.result.findings[0].message = 'bell\u0007 and nul\u0000 here';
    const out = formatReport('junit', input);
    assert.ok(out.includes('bell and nul here'));
  });
});
