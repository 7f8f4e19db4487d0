import assert from 'node:assert/strict';
import { configSubject, runPredicate } from './app-config-helpers';

function check(text: string, path = '/p/application.properties') {
  return runPredicate('spring-actuator-sensitive-endpoints', configSubject(path, `spring.application.name=a\n${text}`));
}

describe('spring-actuator-sensitive-endpoints', () => {
  it('names the sensitive endpoints listed for HTTP exposure', () => {
    const evidence = check('management.endpoints.web.exposure.include=health,heapdump,env,prometheus\n');
    assert.equal(evidence.outcome, 'fail');
    assert.equal(evidence.valueText, 'heapdump, env');
  });

  it('honours the exclusion list and endpoints that are switched off', () => {
    assert.equal(check('management.endpoints.web.exposure.include=health,env\nmanagement.endpoints.web.exposure.exclude=env\n').outcome, 'pass');
    assert.equal(check('management.endpoints.web.exposure.include=health,env\nmanagement.endpoint.env.access=none\n').outcome, 'pass');
    assert.equal(check('management.endpoints.web.exposure.include=health,env\nmanagement.endpoint.env.enabled=false\n').outcome, 'pass');
    assert.equal(check('management.endpoints.web.exposure.include=env\nmanagement.endpoints.access.default=none\n').outcome, 'pass');
    assert.equal(check('management.endpoints.web.exposure.include=env\nmanagement.endpoints.access.default=none\nmanagement.endpoint.env.access=read-only\n').outcome, 'fail');
  });

  it('leaves "*" to the rule about exposing everything and passes harmless lists', () => {
    assert.equal(check('management.endpoints.web.exposure.include=*\n').outcome, 'pass');
    assert.equal(check('management.endpoints.web.exposure.include=health,info,prometheus\n').outcome, 'pass');
  });

  it('is undetermined when the list or the switches come from placeholders', () => {
    assert.equal(check('management.endpoints.web.exposure.include=${ENDPOINTS}\n').outcome, 'undetermined');
    assert.equal(check('management.endpoints.web.exposure.include=heapdump\nmanagement.endpoint.heapdump.access=${ACCESS}\n').outcome, 'undetermined');
  });
});
