import assert from 'node:assert/strict';
import { parseShortPort, publishedOnAllInterfaces } from '../../../src/core/rules/predicates/compose-ports';
import { composeServices, failures, pointedText, runPredicate } from './app-config-helpers';

describe('compose port mappings', () => {
  it('parse the short syntax, interpolation and IPv6 included', () => {
    assert.deepEqual(parseShortPort('5432:5432'), { hostIp: undefined, from: 5432, to: 5432 });
    assert.deepEqual(parseShortPort(5432), { hostIp: undefined, from: 5432, to: 5432 });
    assert.deepEqual(parseShortPort('127.0.0.1:5432:5432/tcp'), { hostIp: '127.0.0.1', from: 5432, to: 5432 });
    assert.deepEqual(parseShortPort('[::1]:5433:5432'), { hostIp: '::1', from: 5432, to: 5432 });
    assert.deepEqual(parseShortPort('0.0.0.0::11110-11115'), { hostIp: '0.0.0.0', from: 11110, to: 11115 });
    assert.deepEqual(parseShortPort('${PORT:-5432}:5432'), { hostIp: undefined, from: 5432, to: 5432 });
    assert.ok('unknown' in (parseShortPort('${BIND}:5432:5432') as object));
    assert.ok('unknown' in (parseShortPort('8080:${TARGET}') as object));
  });

  it('tell local bindings from public ones', () => {
    assert.ok(publishedOnAllInterfaces({ hostIp: undefined, from: 1, to: 1 }));
    assert.ok(publishedOnAllInterfaces({ hostIp: '0.0.0.0', from: 1, to: 1 }));
    assert.ok(!publishedOnAllInterfaces({ hostIp: '127.0.0.1', from: 1, to: 1 }));
    assert.ok(!publishedOnAllInterfaces({ hostIp: '::1', from: 1, to: 1 }));
  });

  it('report sensitive container ports published on every interface', () => {
    const text = [
      'services:',
      '  db:',
      '    image: postgres:16.4',
      '    ports: ["15432:5432", "127.0.0.1:5433:5432", "8080:8080"]',
      '  pacs:',
      '    image: orthancteam/orthanc:25.2.0',
      '    ports:',
      '      - target: 4242',
      '        host_ip: 0.0.0.0',
      '      - "11110-11115:11110-11115"',
      '',
    ].join('\n');
    const services = composeServices(text);
    const db = runPredicate('compose-sensitive-ports-local', services.get('db')!);
    assert.deepEqual(failures(db).map((e) => [pointedText(text, e), e.valueText]), [['"15432:5432"', '5432 (PostgreSQL)']]);
    const pacs = runPredicate('compose-sensitive-ports-local', services.get('pacs')!);
    assert.deepEqual(failures(pacs).map((e) => pointedText(text, e)), ['target: 4242', '"11110-11115:11110-11115"']);
  });
});
