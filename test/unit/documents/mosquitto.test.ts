import * as assert from 'node:assert/strict';
import { parseMosquittoConf } from '../../../src/core/appconfig/mosquitto';
import { corpusDir, listFiles, readText, textAt } from './support';

describe('parseMosquittoConf', () => {
  it('reads options, values and comments with exact ranges', () => {
    const text = '# broker\npersistence true\nlog_dest file /var/log/mosquitto.log  \nallow_anonymous\n';
    const config = parseMosquittoConf(text);
    assert.deepEqual(config.entries.map((e) => [e.key, e.value]), [
      ['persistence', 'true'],
      ['log_dest', 'file /var/log/mosquitto.log'],
      ['allow_anonymous', ''],
    ]);
    assert.equal(textAt(text, config.entries[1].valueRange), 'file /var/log/mosquitto.log');
    assert.equal(textAt(text, config.entries[1].range), 'log_dest file /var/log/mosquitto.log');
    assert.deepEqual(config.comments.map((c) => c.text), ['# broker']);
  });

  it('records the listener or bridge section of every entry', () => {
    const text = 'allow_anonymous false\nlistener 1883 127.0.0.1\nprotocol mqtt\n\nlistener 8883\ncertfile /c.pem\nconnection cloud\naddress broker:8883\n';
    const config = parseMosquittoConf(text);
    const sections = config.entries.map((e) => (e.section ? `${e.section.name} ${e.section.value}` : '-'));
    assert.deepEqual(sections, ['-', 'listener 1883 127.0.0.1', 'listener 1883 127.0.0.1', 'listener 8883', 'listener 8883', 'connection cloud', 'connection cloud']);
    assert.equal(textAt(text, config.entries[4].section!.range), 'listener 8883');
    assert.equal(config.entries[2].section, config.entries[1].section, 'entries of a section share its object');
  });

  it('keeps a # after an option as part of the value (mosquitto has no inline comments)', () => {
    const config = parseMosquittoConf('topic sensors/# both 0\r\n');
    assert.equal(config.entries[0].value, 'sensors/# both 0');
  });

  it('reads the corpus mosquitto configurations', function () {
    const dir = corpusDir('app-config', 'eclipse__mosquitto');
    if (!dir) this.skip();
    const files = listFiles(dir, (p) => p.endsWith('.conf'));
    let listeners = 0;
    for (const path of files) {
      const text = readText(path);
      const config = parseMosquittoConf(text);
      for (const entry of config.entries) assert.equal(textAt(text, entry.keyRange), entry.key);
      listeners += config.entries.filter((e) => e.key === 'listener').length;
    }
    assert.ok(listeners >= 10, `${listeners} listeners`);
  });
});
