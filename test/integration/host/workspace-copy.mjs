import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * Copies a suite's workspace into a fresh temporary folder (same base name), because tests may
 * write into their workspace and the repository's copy must stay as committed.
 * @returns {{ path: string, remove: () => void }}
 */
export function copyWorkspace(workspace, label) {
  const scratch = mkdtempSync(join(tmpdir(), `enisa-ws-${label}-`));
  const path = join(scratch, basename(workspace));
  cpSync(workspace, path, { recursive: true });
  return { path, remove: () => rmSync(scratch, { recursive: true, force: true }) };
}
