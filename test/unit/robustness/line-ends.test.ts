/**
 * Ranges do not depend on how a file is stored: a finding on line N, column C of an LF file is on
 * line N, column C of the same file with CRLF or lone-CR line ends, with a UTF-8 byte-order mark
 * (decoded by `decodeText`) and as UTF-16. Checked on every rule fixture and on corpus files.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIXTURE_ROOT, loadVariants } from '../rules/rule-tester';
import { builtinRules } from '../../../src/core/engine/builtin-rules';
import { decodeText } from '../../../src/core/text/decode';
import { encodeUtf16, encodeUtf8 } from '../../fuzz/mutators';
import { corpusRoot, lintFiles, placements } from './support';

type Encoding = (text: string) => Uint8Array | string;

const ENCODINGS: Record<string, Encoding> = {
  crlf: (text) => text.replace(/\n/g, '\r\n'),
  'lone cr': (text) => text.replace(/\n/g, '\r'),
  'utf-8 bom': (text) => Uint8Array.from([0xef, 0xbb, 0xbf, ...encodeUtf8(text)]),
  'crlf + bom': (text) => Uint8Array.from([0xef, 0xbb, 0xbf, ...encodeUtf8(text.replace(/\n/g, '\r\n'))]),
  'utf-16le': (text) => encodeUtf16(text, false),
  'utf-16be + crlf': (text) => encodeUtf16(text.replace(/\n/g, '\r\n'), true),
};

async function compareEncodings(label: string, files: Map<string, string>): Promise<number> {
  const lf = new Map([...files].map(([path, text]) => [path, text.replace(/\r\n?/g, '\n')]));
  const expected = placements((await lintFiles(Object.fromEntries(lf))).findings);
  for (const [name, encode] of Object.entries(ENCODINGS)) {
    const encoded = Object.fromEntries([...lf].map(([path, text]) => [path, encode(text)]));
    // The decoder sees through every encoding to the same text, up to the line ends.
    for (const [path, content] of Object.entries(encoded)) {
      assert.equal(decodeText(content).text.replace(/\r\n?/g, '\n'), lf.get(path), `${label} ${name}: decoding ${path}`);
    }
    const actual = placements((await lintFiles(encoded)).findings);
    assert.deepEqual(actual, expected, `${label} with ${name}`);
  }
  return expected.length;
}

function corpusSamples(): Map<string, string>[] {
  const root = corpusRoot();
  if (!root) return [];
  const picks = [
    'kubernetes/kubernetes__examples',
    'app-config/eclipse__mosquitto',
    'app-config/orthanc-server__orthanc-setup-samples',
    'app-config/spring-projects__spring-petclinic',
    'terraform/terraform-aws-modules__terraform-aws-s3-bucket',
  ];
  const samples: Map<string, string>[] = [];
  for (const pick of picks) {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir).sort()) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(ya?ml|json|conf|properties|tf)$/.test(name) && statSync(full).size < 64 * 1024) files.push(full);
      }
    };
    walk(join(root, pick));
    // Terraform files come as whole modules (their directory); others one by one.
    const byDir = new Map<string, string[]>();
    for (const file of files) {
      const key = file.endsWith('.tf') ? file.slice(0, file.lastIndexOf('/')) : file;
      byDir.set(key, [...(byDir.get(key) ?? []), file]);
    }
    for (const group of [...byDir.values()].slice(0, 12)) {
      samples.push(new Map(group.map((file) => [`/corpus/${relative(root, file)}`, readFileSync(file, 'utf8')])));
    }
  }
  return samples;
}

describe('robustness: ranges under CRLF, lone CR, byte-order marks and UTF-16', function () {
  this.timeout(120_000);

  it('every rule fixture reports the same lines and columns whatever the encoding', async () => {
    let findings = 0;
    for (const rule of builtinRules().rules) {
      for (const variant of loadVariants(rule.meta.id)) findings += await compareEncodings(`${rule.meta.id}/${variant.name}`, variant.files);
    }
    assert.ok(findings > 50, `only ${findings} findings compared (fixtures under ${FIXTURE_ROOT})`);
  });

  it('corpus files report the same lines and columns whatever the encoding', async function () {
    const samples = corpusSamples();
    if (samples.length === 0) this.skip();
    let findings = 0;
    for (const files of samples) findings += await compareEncodings([...files.keys()][0], files);
    assert.ok(findings > 20, `only ${findings} findings compared`);
  });
});
