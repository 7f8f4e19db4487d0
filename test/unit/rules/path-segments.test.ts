import * as assert from 'node:assert/strict';
import { joinPath, PathSyntaxError, splitPath } from '../../../src/core/rules/path-segments';

describe('rule path segments', () => {
  it('splits plain paths on dots', () => {
    assert.deepEqual(splitPath(''), []);
    assert.deepEqual(splitPath('spec.tls.0.hosts'), ['spec', 'tls', '0', 'hosts']);
  });

  it('keeps a quoted key with dots and slashes as one segment', () => {
    assert.deepEqual(splitPath('metadata.annotations."nginx.ingress.kubernetes.io/ssl-redirect"'), [
      'metadata',
      'annotations',
      'nginx.ingress.kubernetes.io/ssl-redirect',
    ]);
    assert.deepEqual(splitPath('"a.b".c'), ['a.b', 'c']);
    assert.deepEqual(splitPath('a."say \\"hi\\"".b'), ['a', 'say "hi"', 'b']);
  });

  it('rejects malformed quoting', () => {
    assert.throws(() => splitPath('a."b'), PathSyntaxError);
    assert.throws(() => splitPath('a."b"c'), PathSyntaxError);
    assert.throws(() => splitPath('a.b"c"'), PathSyntaxError);
  });

  it('round-trips through joinPath', () => {
    for (const segments of [['a', 'b'], ['metadata', 'labels', 'app.kubernetes.io/name'], ['x', 'q"uote\\d']]) {
      assert.deepEqual(splitPath(joinPath(segments)), segments);
    }
  });
});
