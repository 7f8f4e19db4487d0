import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

const root = join(__dirname, '../../../..');

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yamlFiles(full, out);
    else if (name.endsWith('.yaml')) out.push(full);
  }
  return out;
}

describe('rule and configuration schemas', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validateRule = ajv.compile(JSON.parse(readFileSync(join(root, 'rules/schema/rule.schema.json'), 'utf8')));
  const validateConfig = ajv.compile(JSON.parse(readFileSync(join(root, 'rules/schema/config.schema.json'), 'utf8')));

  it('every rule definition validates against rules/schema/rule.schema.json', () => {
    const problems: string[] = [];
    for (const file of yamlFiles(join(root, 'rules/packs'))) {
      if (!validateRule(parse(readFileSync(file, 'utf8')))) {
        problems.push(`${relative(root, file)}: ${ajv.errorsText(validateRule.errors)}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('the rule schema rejects a rule without controls or a fix decision', () => {
    const rule = { id: 'aws-x-y', title: 'A title long enough', severity: 'error', target: 'terraform', family: 'exposure', select: { types: ['a'] }, condition: { path: 'a', exists: true }, message: { what: 'What is wrong here.', why: 'Why it matters a lot.', fix: 'What to do about it.' }, remediation: 'Longer remediation text here.', controls: [] };
    assert.equal(validateRule(rule), false);
    assert.equal(validateRule({ ...rule, controls: ['EUCS-CKM-03'] }), false, 'neither fix nor noFixReason');
    assert.equal(validateRule({ ...rule, controls: ['EUCS-CKM-03'], noFixReason: 'Because it cannot be known.' }), true);
  });

  it('the sample configuration in the README validates against rules/schema/config.schema.json', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = /```yaml\n(rules:[\s\S]*?)```/.exec(readme);
    assert.ok(block, 'README has a configuration example');
    assert.ok(validateConfig(parse(block[1])), ajv.errorsText(validateConfig.errors));
    assert.equal(validateConfig({ regions: { preset: 'worldwide' } }), false);
  });
});
