import * as assert from 'node:assert/strict';
import { parseDotenv, parseDotenvDetailed } from '../../../src/core/appconfig/env';
import { corpusDir, listFiles, readText, textAt } from './support';

describe('parseDotenv', () => {
  it('reads KEY=value lines with exact ranges', () => {
    const text = 'A=1\nexport B = two words \n  C=\n';
    const config = parseDotenv(text);
    assert.deepEqual(config.entries.map((e) => [e.key, e.value]), [['A', '1'], ['B', 'two words'], ['C', '']]);
    const b = config.entries[1];
    assert.equal(textAt(text, b.keyRange), 'B');
    assert.equal(textAt(text, b.valueRange), 'two words');
    assert.equal(textAt(text, b.range), 'B = two words');
    assert.equal(config.carrier, 'env');
  });

  it('cuts inline comments after a blank in unquoted values only', () => {
    const text = 'A=value # comment\nB=a#b\nC="x # y" # real\nD=\'#\'\n# full line\n';
    const config = parseDotenv(text);
    assert.deepEqual(config.entries.map((e) => e.value), ['value', 'a#b', 'x # y', '#']);
    assert.deepEqual(config.comments.map((c) => c.text), ['# full line']);
  });

  it('reads double quotes with escapes across lines, single quotes literally', () => {
    const text = 'A="line1\\nline2 \\"q\\" \\\\"\nB="multi\nline"\nC=\'no \\n escape\'\nD=after\n';
    const { config, details } = parseDotenvDetailed(text);
    assert.deepEqual(config.entries.map((e) => [e.key, e.value]), [
      ['A', 'line1\nline2 "q" \\'],
      ['B', 'multi\nline'],
      ['C', 'no \\n escape'],
      ['D', 'after'],
    ]);
    assert.equal(textAt(text, config.entries[1].valueRange), '"multi\nline"');
    assert.deepEqual(details.map((d) => d.quote), ['double', 'double', 'single', 'none']);
  });

  it('marks interpolated values as templated, but not single-quoted ones', () => {
    const config = parseDotenv('A=${DB}\nB=$HOME/x\nC=\'${LITERAL}\'\nD=plain\nE=cost$$5\n');
    assert.deepEqual(config.entries.map((e) => e.templated), [true, true, false, false, false]);
  });

  it('maps env names to canonical keys (Spring and ASP.NET forms)', () => {
    const config = parseDotenv('SERVER_SSL_ENABLED=true\nConnectionStrings__Default=x\nORTHANC__DICOM_AET=A\n');
    assert.deepEqual(config.entries.map((e) => e.canonicalKey), ['server.ssl.enabled', 'connectionstrings.default', 'orthanc.dicom_aet']);
  });

  it('reports broken lines and unterminated quotes, and keeps going', () => {
    const text = 'GOOD=1\n= nokey\nBAD value\nQ="open\nLAST=2\n';
    const config = parseDotenv(text);
    assert.equal(config.errors.length, 3);
    assert.deepEqual(config.entries.map((e) => e.key), ['GOOD', 'Q', 'LAST']);
    assert.equal(config.entries[1].value, 'open');
  });

  it('handles CRLF and a bare KEY (taken from the environment: no entry)', () => {
    const config = parseDotenv('A=1\r\nINHERITED\r\nB=2\r\n');
    assert.deepEqual(config.entries.map((e) => [e.key, e.value]), [['A', '1'], ['B', '2']]);
    assert.deepEqual(config.errors, []);
  });

  it('reads the corpus .env files without errors', function () {
    const dir = corpusDir('app-config');
    if (!dir) this.skip();
    const files = listFiles(dir, (p) => /(^|\/)(\.env|[^/]*\.env)$/.test(p));
    assert.ok(files.length > 0);
    for (const path of files) {
      const config = parseDotenv(readText(path));
      assert.deepEqual(config.errors, [], path);
      assert.ok(config.entries.length > 0, path);
    }
  });
});
