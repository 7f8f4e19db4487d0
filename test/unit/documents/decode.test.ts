import * as assert from 'node:assert/strict';
import { decodeText } from '../../../src/core/text/decode';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('reads plain UTF-8 bytes', () => {
    const result = decodeText(utf8('a: ü\n'));
    assert.deepEqual(result, { text: 'a: ü\n', encoding: 'utf-8', binary: false, invalidUtf8: false });
  });

  it('strips a UTF-8 byte-order mark and says so', () => {
    const result = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('key=1')]));
    assert.equal(result.text, 'key=1');
    assert.equal(result.encoding, 'utf-8-bom');
  });

  it('keeps a second BOM as text (only the first is a mark)', () => {
    const result = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61]));
    assert.equal(result.text, '\ufeffa');
  });

  it('strips a BOM from string input', () => {
    assert.deepEqual(decodeText('\ufeffx: 1'), { text: 'x: 1', encoding: 'utf-8-bom', binary: false, invalidUtf8: false });
    assert.equal(decodeText('x: 1').encoding, 'utf-8');
  });

  it('decodes UTF-16 LE and BE by their BOM, surrogate pairs included', () => {
    const le = decodeText(bytes(0xff, 0xfe, 0x61, 0x00, 0x3d, 0x00, 0x3d, 0xd8, 0x00, 0xde));
    assert.equal(le.text, 'a=😀');
    assert.equal(le.encoding, 'utf-16le');
    const be = decodeText(bytes(0xfe, 0xff, 0x00, 0x61, 0x00, 0x3d, 0xd8, 0x3d, 0xde, 0x00));
    assert.equal(be.text, 'a=😀');
    assert.equal(be.encoding, 'utf-16be');
    assert.equal(be.binary, false, 'UTF-16 text is full of NUL bytes and still not binary');
  });

  it('flags invalid UTF-8 and replaces the bad bytes', () => {
    const result = decodeText(bytes(0x61, 0xff, 0x62, 0xc3));
    assert.equal(result.invalidUtf8, true);
    assert.equal(result.text, 'a\ufffdb\ufffd');
    assert.equal(result.binary, false);
  });

  it('calls a file binary when a NUL byte appears in its first 8 KB', () => {
    assert.equal(decodeText(bytes(0x89, 0x50, 0x4e, 0x47, 0x00, 0x01)).binary, true);
    const late = new Uint8Array(9000).fill(0x61);
    late[8500] = 0;
    assert.equal(decodeText(late).binary, false, 'a NUL after 8 KB does not count');
    assert.equal(decodeText('a\u0000b').binary, true);
  });

  it('handles empty input', () => {
    assert.deepEqual(decodeText(new Uint8Array(0)), { text: '', encoding: 'utf-8', binary: false, invalidUtf8: false });
  });
});
