// Where the integration host lives on disk. Everything it installs stays under .vscode-test/
// (gitignored) so the everyday `npm ci` stays free of code-server's native builds.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
export const testHostDir = join(repoRoot, '.vscode-test');
export const serverInstallDir = join(testHostDir, 'server');
export const integrationSourceDir = join(repoRoot, 'test/integration');
export const integrationOutDir = join(repoRoot, 'out/test/integration');

/** The code-server release we pin: the newest whose engines.node still accepts Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
