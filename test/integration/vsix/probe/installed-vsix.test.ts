import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fromExtension, waitForDiagnostics } from '../../lib/diagnostics';
import { getExtensionUnderTest, waitForActivation } from '../../lib/extension';
import { EXTENSION_ID, openSample } from '../../lib/workspace';

// out/test/integration/vsix/probe/ -> repository root
const repoRoot = path.resolve(__dirname, '../../../../..');
const repoManifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

describe('vsix: the packaged extension, installed like a user would', () => {
  it('is loaded from the extensions folder, not from the source tree', () => {
    const extension = getExtensionUnderTest();
    const installedPath = fs.realpathSync(extension.extensionPath);
    assert.ok(!installedPath.startsWith(fs.realpathSync(repoRoot) + path.sep), `loaded from the repository: ${installedPath}`);
    assert.equal(path.basename(installedPath), `${EXTENSION_ID}-${repoManifest.version}`);
    assert.equal(extension.packageJSON.version, repoManifest.version);
  });

  it('ships its bundle and none of the sources or tests', () => {
    const installedPath = getExtensionUnderTest().extensionPath;
    assert.ok(fs.existsSync(path.join(installedPath, repoManifest.main)), `missing ${repoManifest.main}`);
    for (const folder of ['src', 'test', 'out', 'node_modules']) {
      assert.ok(!fs.existsSync(path.join(installedPath, folder)), `the installed extension contains ${folder}/`);
    }
  });

  it('activates when a .tf file is opened and reports diagnostics from the production bundle', async function () {
    this.timeout(60_000);
    const document = await openSample('terraform/aws/main.tf');
    await waitForActivation(getExtensionUnderTest());
    await waitForDiagnostics(document.uri, fromExtension(1), 45_000);
  });
});
