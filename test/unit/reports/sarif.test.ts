import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { buildSarif, formatReport } from '../../../src/core/reports';
import { FINGERPRINT_KEY } from '../../../src/core/reports/sarif';
import { sampleInput } from './sample-input';

const SCHEMA = join(__dirname, '../../../../../shared/schemas/sarif-schema-2.1.0.json');

// The log is plain JSON; the assertions below check its shape.
type Json = any;

function isAbsoluteUri(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

describe('SARIF report', () => {
  const log: Json = buildSarif(sampleInput());
  const run = log.runs[0];

  it('validates against the official SARIF 2.1.0 schema', function () {
    if (!existsSync(SCHEMA)) this.skip();
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat('uri', isAbsoluteUri);
    ajv.addFormat('uri-reference', (value: string) => !/\s/.test(value));
    ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    const valid = validate(JSON.parse(formatReport('sarif', sampleInput())));
    assert.equal(valid, true, JSON.stringify(validate.errors, null, 2));
    const bare = validate(JSON.parse(formatReport('sarif', sampleInput({ catalog: undefined, rootUri: undefined }))));
    assert.equal(bare, true, JSON.stringify(validate.errors, null, 2));
  });

  it('describes the tool and every rule, with help and a docs link', () => {
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
    const driver = run.tool.driver;
    assert.equal(driver.name, 'enisa-health-lint');
    assert.equal(driver.version, '1.2.3');
    const ids = driver.rules.map((r: Json) => r.id);
    assert.deepEqual(ids.slice(0, 3), ['aws-s3-public', 'k8s-run-as-root', 'env-secret']);
    assert.ok(ids.includes('parse-error'), 'findings outside the rule set get a descriptor');
    const s3 = driver.rules[0];
    assert.equal(s3.name, 'AwsS3Public');
    assert.equal(s3.shortDescription.text, 'Title of aws-s3-public');
    assert.match(s3.fullDescription.text, /Bucket <resource> is open\. Patient data leaks\./);
    assert.match(s3.help.text, /EUCS-CS-01: Network security <boundaries>/);
    assert.match(s3.help.markdown, /## Controls/);
    assert.equal(s3.helpUri, 'https://example.org/enisa-health-lint/blob/main/docs/rules/aws-s3-public.md');
    assert.equal(s3.defaultConfiguration.level, 'error');
    assert.equal(driver.rules[2].defaultConfiguration.level, 'note');
    assert.ok(s3.properties.tags.includes('security') && s3.properties.tags.includes('exposure'));
  });

  it('has one taxonomy per catalog source with only the cited controls, linked from rules', () => {
    const names = run.taxonomies.map((t: Json) => t.name);
    assert.deepEqual(names, ['enisa-health', 'eucs', 'gdpr']);
    assert.deepEqual(run.taxonomies[1].taxa.map((t: Json) => t.id), ['EUCS-CS-01', 'EUCS-PSS-02']);
    assert.equal(run.taxonomies[1].fullName, 'EUCS candidate scheme');
    assert.equal(run.taxonomies[2].informationUri, 'https://eur-lex.europa.eu/eli/reg/2016/679/oj');
    assert.deepEqual(run.tool.driver.supportedTaxonomies, [
      { name: 'enisa-health', index: 0 },
      { name: 'eucs', index: 1 },
      { name: 'gdpr', index: 2 },
    ]);
    for (const rule of run.tool.driver.rules) {
      for (const relation of rule.relationships ?? []) {
        const taxonomy = run.taxonomies[relation.target.toolComponent.index];
        assert.equal(taxonomy.name, relation.target.toolComponent.name);
        assert.equal(taxonomy.taxa[relation.target.index].id, relation.target.id);
      }
    }
    const s3Targets = run.tool.driver.rules[0].relationships.map((r: Json) => r.target.id);
    assert.deepEqual(s3Targets, ['EUCS-CS-01', 'GDPR-32-1-a']);
    assert.equal(run.tool.driver.rules[2].relationships, undefined, 'controls missing from the catalog are not linked');
  });

  it('maps findings to results with kind, level, 1-based regions and fingerprints', () => {
    assert.equal(run.results.length, 6);
    for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    const s3 = run.results.find((r: Json) => r.ruleId === 'aws-s3-public' && !r.suppressions);
    assert.equal(s3.kind, 'fail');
    assert.equal(s3.level, 'error');
    const location = s3.locations[0].physicalLocation;
    assert.deepEqual(location.artifactLocation, { uri: 'terraform/main.tf', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(location.region, { startLine: 10, startColumn: 3, endLine: 10, endColumn: 31 });
    assert.equal(s3.locations[0].logicalLocations[0].fullyQualifiedName, 'aws_s3_bucket.records');
    assert.equal(s3.relatedLocations[0].message.text, 'key defined here');
    assert.equal(s3.partialFingerprints[FINGERPRINT_KEY], 'fp-s3');
    const review = run.results.find((r: Json) => r.ruleId === 'k8s-run-as-root' && !r.suppressions);
    assert.equal(review.kind, 'review');
    assert.equal(review.level, 'none', 'SARIF requires level none for non-fail kinds');
    assert.match(review.message.text, /needs review: runAsUser comes from a Helm value/);
    assert.equal(run.results.find((r: Json) => r.ruleId === 'env-secret').level, 'note');
    assert.deepEqual(run.originalUriBaseIds['%SRCROOT%'], { uri: 'file:///work/project/' });
    assert.equal(run.columnKind, 'utf16CodeUnits');
  });

  it('carries fixes as artifact changes', () => {
    const s3 = run.results.find((r: Json) => r.ruleId === 'aws-s3-public' && !r.suppressions);
    assert.equal(s3.fixes[0].description.text, 'Block public access');
    const change = s3.fixes[0].artifactChanges[0];
    assert.equal(change.artifactLocation.uri, 'terraform/main.tf');
    assert.deepEqual(change.replacements[0].deletedRegion, { startLine: 11, startColumn: 1, endLine: 11, endColumn: 1 });
    assert.equal(change.replacements[0].insertedContent.text, '  block_public_acls = true\n');
  });

  it('turns waivers into accepted suppressions, but not expired ones', () => {
    const suppressed = run.results.filter((r: Json) => r.suppressions);
    assert.equal(suppressed.length, 2);
    const inline = suppressed.find((r: Json) => r.ruleId === 'aws-s3-public');
    assert.deepEqual(inline.suppressions[0], { kind: 'inSource', status: 'accepted', justification: 'public website, no patient data', properties: { expires: '2099-12-31' } });
    const external = suppressed.find((r: Json) => r.ruleId === 'k8s-run-as-root');
    assert.equal(external.suppressions[0].kind, 'external', 'a waiver file lives outside the source');
    const expired = run.results.find((r: Json) => r.ruleId === 'env-secret');
    assert.equal(expired.suppressions, undefined);
    assert.equal(expired.properties.expiredWaiver.expires, '2020-01-01');
  });

  it('reports files not linted and internal errors as notifications', () => {
    const invocation = run.invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    const texts = invocation.toolExecutionNotifications.map((n: Json) => n.message.text);
    assert.ok(texts.includes('Not linted: over the size limit'));
    assert.ok(texts.some((t: string) => t.includes('k8s-run-as-root') && t.includes('predicate blew up')));
  });

  it('is deterministic and encodes unusual paths as URI references', () => {
    assert.equal(formatReport('sarif', sampleInput()), formatReport('sarif', sampleInput()));
    const input = sampleInput();
    input.result.findings[0].file = 'dir with space/main#1.tf';
    const other: Json = buildSarif(input);
    const uris = other.runs[0].results.map((r: Json) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.includes('dir%20with%20space/main%231.tf'));
  });
});
