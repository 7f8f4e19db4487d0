import * as assert from 'node:assert/strict';
import { parseCommandLine, UsageError } from '../../../src/cli/argv';
import { COMMANDS, GLOBAL_OPTIONS } from '../../../src/cli/commands/spec';

const parse = (...argv: string[]) => parseCommandLine(argv, GLOBAL_OPTIONS, COMMANDS);

describe('argv parser', () => {
  it('reads the command, positionals, values in both spellings, repeats and flags', () => {
    const parsed = parse('scan', 'a', '--format', 'sarif', '--output=out.sarif', '--var-file', 'x.tfvars', '--var-file=y.tfvars', '--quiet', 'b');
    assert.equal(parsed.command, 'scan');
    assert.deepEqual(parsed.positionals, ['a', 'b']);
    assert.deepEqual(parsed.values.get('format'), ['sarif']);
    assert.deepEqual(parsed.values.get('output'), ['out.sarif']);
    assert.deepEqual(parsed.values.get('var-file'), ['x.tfvars', 'y.tfvars']);
    assert.ok(parsed.flags.has('quiet'));
  });

  it('accepts global flags before the command and treats everything after -- as paths', () => {
    const parsed = parse('--no-color', 'scan', '--', '--weird-dir', '-');
    assert.ok(parsed.flags.has('no-color'));
    assert.deepEqual(parsed.positionals, ['--weird-dir', '-']);
  });

  it('allows no command at all (the caller then prints help)', () => {
    assert.equal(parse().command, undefined);
    assert.ok(parse('--version').flags.has('version'));
  });

  const usageErrors: Array<[string[], RegExp]> = [
    [['lint'], /unknown command "lint"/],
    [['scan', '--formt', 'json'], /unknown option --formt/],
    [['--format', 'json', 'scan'], /unknown option --format before the command/],
    [['scan', '--format', 'xml'], /--format must be one of text, json, sarif, junit, markdown, html, github/],
    [['scan', '--fail-on=eror'], /--fail-on must be one of error, warning, info, never/],
    [['scan', '--output'], /--output needs a value/],
    [['scan', '--output='], /needs a non-empty value/],
    [['scan', '--quiet=yes'], /--quiet takes no value/],
    [['scan', '--output', 'a', '--output', 'b'], /--output is given more than once/],
    [['scan', '-q'], /unknown option "-q"/],
    [['explain'], /"explain" needs RULE-ID/],
    [['explain', 'a', 'b'], /"explain" takes RULE-ID/],
    [['rules', 'extra'], /"rules" takes no arguments/],
    [['rules', '--format', 'sarif'], /--format must be one of text, json/],
  ];
  for (const [argv, message] of usageErrors) {
    it(`rejects ${argv.join(' ') || '(nothing)'}`, () => {
      assert.throws(() => parse(...argv), (error: unknown) => error instanceof UsageError && message.test(error.message));
    });
  }
});
