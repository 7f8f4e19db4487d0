import * as assert from 'node:assert/strict';
import { openSample } from '../../lib/workspace';

// With no Terraform, HCL or dotenv extension installed, the ids come from this extension's
// contributes.languages; they equal HashiCorp's so both extensions merge when installed together.
const EXPECTED_LANGUAGES: ReadonlyArray<[file: string, languageId: string]> = [
  ['main.tf', 'terraform'],
  ['prod.tfvars', 'terraform-vars'],
  ['nomad.hcl', 'hcl'],
  ['.env', 'dotenv'],
  ['.env.production', 'dotenv'],
  ['mosquitto.conf', 'mosquitto-conf'],
  ['edge.mosquitto.conf', 'mosquitto-conf'],
];

describe('languages: contributed language ids', () => {
  for (const [file, languageId] of EXPECTED_LANGUAGES) {
    it(`opens ${file} as ${languageId}`, async () => {
      const document = await openSample(file);
      assert.equal(document.languageId, languageId);
    });
  }
});
