import * as assert from 'node:assert/strict';
import { parseProperties } from '../../../src/core/appconfig/properties';
import { corpusDir, listFiles, readText, textAt } from './support';

describe('parseProperties', () => {
  it('reads =, : and blank separators with exact ranges', () => {
    const text = 'a=1\nb : two\nc   three  \n  d:\ne\n';
    const config = parseProperties(text);
    assert.deepEqual(config.entries.map((e) => [e.key, e.value]), [['a', '1'], ['b', 'two'], ['c', 'three  '], ['d', ''], ['e', '']]);
    const b = config.entries[1];
    assert.equal(textAt(text, b.keyRange), 'b');
    assert.equal(textAt(text, b.valueRange), 'two');
    assert.equal(textAt(text, b.range), 'b : two');
    assert.equal(textAt(text, config.entries[2].valueRange), 'three  ', 'trailing blanks belong to the value');
    assert.equal(config.entries[3].valueRange.start.offset, config.entries[3].valueRange.end.offset);
    assert.equal(config.carrier, 'properties');
  });

  it('skips # and ! comments and keeps them with ranges', () => {
    const text = '# one\n  ! two\nkey=value # not a comment\n';
    const config = parseProperties(text);
    assert.deepEqual(config.comments.map((c) => c.text), ['# one', '! two']);
    assert.equal(textAt(text, config.comments[1].range), '! two');
    assert.equal(config.entries[0].value, 'value # not a comment');
  });

  it('joins continuation lines and skips their leading blanks', () => {
    const text = 'list=a,\\\n     b,\\\r\n     c\nnext=\\\\\nlast=x\\\n';
    const config = parseProperties(text);
    assert.deepEqual(config.entries.map((e) => [e.key, e.value]), [['list', 'a,b,c'], ['next', '\\'], ['last', 'x']]);
    assert.equal(textAt(text, config.entries[0].valueRange), 'a,\\\n     b,\\\r\n     c');
    assert.equal(config.entries[0].range.end.line, 2);
  });

  it('does not continue comment lines', () => {
    const config = parseProperties('# comment \\\nkey=1\n');
    assert.deepEqual(config.entries.map((e) => e.key), ['key']);
  });

  it('decodes escapes in keys and values', () => {
    const text = 'my\\ key\\=x=tab\\there\nuni=caf\\u00e9 \\u263A\nodd\\:name:\\ lead\n';
    const config = parseProperties(text);
    assert.deepEqual(config.entries.map((e) => [e.key, e.value]), [['my key=x', 'tab\there'], ['uni', 'café ☺'], ['odd:name', ' lead']]);
    assert.equal(textAt(text, config.entries[0].keyRange), 'my\\ key\\=x');
  });

  it('reports malformed unicode escapes', () => {
    const text = 'bad=\\u12G4\n';
    const config = parseProperties(text);
    assert.equal(config.errors.length, 1);
    assert.equal(config.errors[0].range.start.offset, 4);
  });

  it('marks placeholders as templated and computes canonical keys', () => {
    const config = parseProperties('spring.datasource.password=${DB_PASSWORD}\nserver.ssl.key-store=classpath:ks.p12\n');
    assert.equal(config.entries[0].templated, true);
    assert.equal(config.entries[1].templated, false);
    assert.equal(config.entries[1].canonicalKey, 'server.ssl.keystore');
  });

  it('reads the corpus .properties files', function () {
    const dir = corpusDir('app-config');
    if (!dir) this.skip();
    const files = listFiles(dir, (p) => p.endsWith('.properties'));
    assert.ok(files.length > 0);
    for (const path of files) {
      const text = readText(path);
      const config = parseProperties(text);
      assert.deepEqual(config.errors, [], path);
      for (const entry of config.entries) assert.ok(textAt(text, entry.keyRange).length > 0, path);
    }
  });
});
