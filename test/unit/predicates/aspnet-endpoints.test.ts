import assert from 'node:assert/strict';
import { exposedHttpUrls } from '../../../src/core/rules/predicates/aspnet-endpoints';
import { configSubject, failures, pointedText, runPredicate } from './app-config-helpers';

describe('aspnet-plain-http-endpoints', () => {
  it('keeps plain-HTTP URLs that listen beyond the local machine', () => {
    assert.deepEqual(exposedHttpUrls('http://*:80;https://*:443;http://localhost:5000;HTTP://+:8080;http://[::]:81;http://[::1]:82'), ['http://*:80', 'HTTP://+:8080', 'http://[::]:81']);
    assert.deepEqual(exposedHttpUrls('http://api.internal:8080'), ['http://api.internal:8080']);
    assert.deepEqual(exposedHttpUrls('https://0.0.0.0:443'), []);
  });

  it('reads Kestrel endpoints and the urls setting, and waits for placeholders', () => {
    const text = '{\n  "Kestrel": { "Endpoints": { "A": { "Url": "http://+:8080" }, "B": { "Url": "${B_URL}" } } },\n  "urls": "http://127.0.0.1:5000"\n}\n';
    const evidence = runPredicate('aspnet-plain-http-endpoints', configSubject('/p/appsettings.json', text));
    assert.deepEqual(failures(evidence).map((e) => pointedText(text, e)), ['"http://+:8080"']);
    const onlyPlaceholder = '{\n  "Kestrel": { "Endpoints": { "B": { "Url": "${B_URL}" } } }\n}\n';
    assert.equal(runPredicate('aspnet-plain-http-endpoints', configSubject('/p/appsettings.json', onlyPlaceholder)).outcome, 'undetermined');
  });
});
