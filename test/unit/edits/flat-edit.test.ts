import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits/apply';
import type { TextChange } from '../../../src/core/edits/types';
import { propertiesRemove, propertiesSetValue } from '../../../src/core/edits/properties-edit';
import { envRemove, envSetValue } from '../../../src/core/edits/env-edit';
import { mosquittoAddOption, mosquittoRemoveOption, mosquittoSetOption } from '../../../src/core/edits/mosquitto-edit';
import { parseProperties } from '../../../src/core/appconfig/properties';
import { parseDotenv } from '../../../src/core/appconfig/env';
import { parseMosquittoConf } from '../../../src/core/appconfig/mosquitto';
import type { FlatConfig } from '../../../src/core/documents/flat';
import { pick, seededRandom } from '../documents/support';

/** Applies the edits and checks the untouched text and the line breaks. */
function apply(text: string, changes: TextChange[]): string {
  assert.ok(changes.length > 0);
  const out = applyEdits(text, changes);
  const start = Math.min(...changes.map((c) => c.range.start.offset));
  const end = Math.max(...changes.map((c) => c.range.end.offset));
  assert.equal(out.slice(0, start), text.slice(0, start));
  assert.equal(out.slice(out.length - (text.length - end)), text.slice(end));
  if (text.includes('\r\n')) assert.ok(!/(^|[^\r])\n/.test(out), `keeps CRLF: ${JSON.stringify(out)}`);
  return out;
}

function values(config: FlatConfig): Array<[string, unknown]> {
  return config.entries.map((e) => [e.key, e.value]);
}

describe('.properties editor', () => {
  it('changes a value in place, keeping everything else', () => {
    const text = '# db\r\nspring.datasource.url = jdbc:x\r\nserver.port: 80\r\n';
    const out = apply(text, propertiesSetValue(text, 'server.port', '8443'));
    assert.equal(out, '# db\r\nspring.datasource.url = jdbc:x\r\nserver.port: 8443\r\n');
  });

  it('finds a key by its relaxed spelling before adding a duplicate', () => {
    const text = 'server.ssl.key-store=a.p12\n';
    assert.equal(apply(text, propertiesSetValue(text, 'server.ssl.keyStore', 'b.p12')), 'server.ssl.key-store=b.p12\n');
  });

  it('appends with the separator most lines use, and the file\'s line ending', () => {
    const text = 'a = 1\r\nb = 2\r\nc=3';
    assert.equal(apply(text, propertiesSetValue(text, 'server.ssl.enabled', 'true')), 'a = 1\r\nb = 2\r\nc=3\r\nserver.ssl.enabled = true');
    assert.equal(apply('', propertiesSetValue('', 'k', 'v')), 'k=v\n');
  });

  it('adds a separator to a key that had none', () => {
    assert.equal(apply('flag\n', propertiesSetValue('flag\n', 'flag', 'on')), 'flag=on\n');
  });

  it('removes a key with its continuation lines', () => {
    const text = 'a=1\nlist=x,\\\n  y\nb=2\n';
    assert.equal(apply(text, propertiesRemove(text, 'list')), 'a=1\nb=2\n');
    assert.equal(apply('only=1', propertiesRemove('only=1', 'only')), '');
  });

  it('property check: any key and value survive a round trip', () => {
    const pieces = ['a', 'key', ' ', '=', ':', '#', '!', '\\', 'é', '😀', '\t', '\n', 'x y', '${X}'];
    for (let seed = 1; seed <= 200; seed++) {
      const random = seededRandom(seed);
      const word = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(random, pieces)).join('');
      const key = word().replace(/^[\s]+/, '') || 'k';
      const value = word();
      const text = pick(random, ['', 'x=1\n', 'x: 1\r\ny: 2\r\n', '# c\nz 3']);
      const out = apply(text, propertiesSetValue(text, key, value));
      const config = parseProperties(out);
      const entry = config.entries.filter((e) => e.key === key).pop();
      assert.equal(entry?.value, value, `seed ${seed}: ${JSON.stringify(out)}`);
      assert.deepEqual(config.errors, []);
      assert.ok(/^[\x20-\x7e\r\n\t]*$/.test(out), 'written as ASCII with \\u escapes');
    }
  });
});

describe('.env editor', () => {
  it('keeps the quote style of the value it changes', () => {
    const text = 'A=1\nB="two"\nC=\'three\'\n';
    assert.equal(apply(text, envSetValue(text, 'B', 'x "y"')), 'A=1\nB="x \\"y\\""\nC=\'three\'\n');
    assert.equal(apply(text, envSetValue(text, 'C', 'lit $HOME')), "A=1\nB=\"two\"\nC='lit $HOME'\n");
    assert.equal(apply(text, envSetValue(text, 'A', 'has space')), 'A="has space"\nB="two"\nC=\'three\'\n');
  });

  it('appends with export when the file uses it, and removes lines', () => {
    const text = 'export A=1\r\nexport B=2\r\n';
    assert.equal(apply(text, envSetValue(text, 'C', '3')), 'export A=1\r\nexport B=2\r\nexport C=3\r\n');
    assert.equal(apply(text, envRemove(text, 'A')), 'export B=2\r\n');
  });

  it('property check: values survive a round trip', () => {
    const pieces = ['a', ' ', '#', '"', "'", '\\', 'é', '\n', '$', '=', 'x y'];
    for (let seed = 1; seed <= 200; seed++) {
      const random = seededRandom(seed);
      const value = Array.from({ length: Math.floor(random() * 5) }, () => pick(random, pieces)).join('');
      const text = pick(random, ['', 'K=old\n', 'K="old"\r\nL=1\r\n', "K='old'\n", 'OTHER=1']);
      const out = apply(text, envSetValue(text, 'K', value));
      const config = parseDotenv(out);
      assert.deepEqual(config.errors, [], `seed ${seed}: ${JSON.stringify(out)}`);
      assert.equal(config.entries.find((e) => e.key === 'K')?.value, value, `seed ${seed}: ${JSON.stringify(out)}`);
    }
  });
});

describe('mosquitto.conf editor', () => {
  const text = '# global\nallow_anonymous true\n\nlistener 1883 127.0.0.1\n\nlistener 8883\ncertfile /c.pem\n';

  it('sets an option in the global part or in a listener', () => {
    assert.equal(apply(text, mosquittoSetOption(text, 'allow_anonymous', 'false')), text.replace('allow_anonymous true', 'allow_anonymous false'));
    const tls = apply(text, mosquittoSetOption(text, 'tls_version', 'tlsv1.3', { name: 'listener', value: '8883' }));
    assert.equal(tls, text + 'tls_version tlsv1.3\n');
    const config = parseMosquittoConf(tls);
    assert.equal(config.entries.find((e) => e.key === 'tls_version')?.section?.value, '8883');
    const local = apply(text, mosquittoSetOption(text, 'protocol', 'mqtt', { name: 'listener', value: '1883 127.0.0.1' }));
    assert.equal(parseMosquittoConf(local).entries.find((e) => e.key === 'protocol')?.section?.value, '1883 127.0.0.1');
  });

  it('adds global options before the first listener when the global part is empty', () => {
    const onlyListener = 'listener 8883\r\ncertfile /c.pem\r\n';
    const out = apply(onlyListener, mosquittoSetOption(onlyListener, 'password_file', '/etc/mosquitto/passwd'));
    assert.equal(out, 'password_file /etc/mosquitto/passwd\r\nlistener 8883\r\ncertfile /c.pem\r\n');
    assert.equal(parseMosquittoConf(out).entries[0].section, undefined);
  });

  it('opens a missing listener section at the end', () => {
    const out = apply(text, mosquittoSetOption(text, 'certfile', '/s.pem', { name: 'listener', value: '8884' }));
    assert.deepEqual(values(parseMosquittoConf(out)).slice(-2), [['listener', '8884'], ['certfile', '/s.pem']]);
  });

  it('adds repeated options and removes options of one section only', () => {
    const added = apply(text, mosquittoAddOption(text, 'log_dest', 'stdout'));
    assert.equal(parseMosquittoConf(added).entries.filter((e) => e.key === 'log_dest').length, 1);
    const removed = apply(text, mosquittoRemoveOption(text, 'certfile', { name: 'listener', value: '8883' }));
    assert.ok(!removed.includes('certfile'));
    assert.deepEqual(mosquittoRemoveOption(text, 'certfile'), [], 'the global part has no certfile');
  });
});
