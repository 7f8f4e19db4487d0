import assert from 'node:assert/strict';
import { ancestorsWithin, levelRank } from '../../../src/core/rules/predicates/log-levels';
import { configSubject, failures, pointedText, runPredicate } from './app-config-helpers';

const bind = {
  prefixes: ['logging.level'],
  within: 'org.hibernate',
  categories: ['org.hibernate.orm.jdbc.bind', 'org.hibernate.type.descriptor.sql.BasicBinder'],
  failAt: 'TRACE',
};

describe('config-log-level', () => {
  it('ranks the level names of Logback, Microsoft.Extensions.Logging and Serilog', () => {
    assert.equal(levelRank('TRACE'), levelRank('Verbose'));
    assert.equal(levelRank('info'), levelRank('Information'));
    assert.ok(levelRank('Debug')! < levelRank('Warning')!);
    assert.equal(levelRank('LOUD'), undefined);
  });

  it('lists the ancestors of a category down to the given one', () => {
    assert.deepEqual(ancestorsWithin('org.hibernate.orm.jdbc.bind', 'org.hibernate'), ['org.hibernate.orm.jdbc.bind', 'org.hibernate.orm.jdbc', 'org.hibernate.orm', 'org.hibernate']);
  });

  it('takes the closest configured ancestor, whatever the key spelling', () => {
    const text = 'spring.application.name=a\nlogging.level.org.hibernate=TRACE\nlogging.level.org.hibernate.orm.jdbc.bind=INFO\nlogging.level.[org.hibernate.type.descriptor.sql]=trace\n';
    const evidence = runPredicate('config-log-level', configSubject('/p/application.properties', text), bind);
    assert.deepEqual(failures(evidence).map((e) => pointedText(text, e)), ['trace']);
  });

  it('leaves the root level to other rules and passes when nothing below "within" is set', () => {
    const text = 'spring:\n  main:\n    banner-mode: off\nlogging:\n  level:\n    root: TRACE\n    com.example: TRACE\n';
    assert.equal(runPredicate('config-log-level', configSubject('/p/application.yml', text), bind).outcome, 'pass');
  });

  it('reads ASP.NET provider sections and points the fix scope at the level', () => {
    const text = '{\n  "Logging": {\n    "Console": {\n      "LogLevel": { "Microsoft.EntityFrameworkCore": "Debug" }\n    }\n  }\n}\n';
    const args = { prefixes: ['Logging.LogLevel', 'Logging.*.LogLevel'], within: 'Microsoft.EntityFrameworkCore', categories: ['Microsoft.EntityFrameworkCore.Database.Command'], failAt: 'Information' };
    const evidence = runPredicate('config-log-level', configSubject('/p/appsettings.json', text), args);
    assert.equal(pointedText(text, evidence), '"Debug"');
    const fixScope = evidence.scope!.resolve([''])[0];
    assert.equal(fixScope.state === 'known' && fixScope.value, 'Debug');
  });

  it('is undetermined when the level comes from a placeholder', () => {
    const text = 'logging.level.org.hibernate.orm.jdbc.bind=${LEVEL}\nspring.application.name=a\n';
    assert.equal(runPredicate('config-log-level', configSubject('/p/application.properties', text), bind).outcome, 'undetermined');
  });
});
