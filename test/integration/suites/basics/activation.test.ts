import * as assert from 'node:assert/strict';
import { getExtensionUnderTest, waitForActivation } from '../../lib/extension';
import { EXTENSION_ID, openSample } from '../../lib/workspace';

describe('basics: the extension in the sample workspace', () => {
  it(`is installed as ${EXTENSION_ID}`, () => {
    const extension = getExtensionUnderTest();
    assert.equal(extension.packageJSON.publisher, 'enisa-health-lint');
    assert.equal(extension.packageJSON.name, 'enisa-health-lint');
  });

  it('declares no "*" activation event and activates on Terraform', () => {
    const events: string[] = getExtensionUnderTest().packageJSON.activationEvents ?? [];
    assert.ok(!events.includes('*'), 'activationEvents must not contain "*"');
    assert.ok(events.includes('onLanguage:terraform'));
    assert.ok(events.includes('workspaceContains:**/*.tf'));
  });

  it('is active once a .tf file is open', async () => {
    await openSample('terraform/aws/main.tf');
    await waitForActivation(getExtensionUnderTest());
  });
});
