// When a suite fails, the extension host's own log (activation errors, uncaught exceptions) and
// the extension's output channels usually say why; they live in the server's user-data folder,
// which is deleted right after the run, so read them first.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

const MAX_LINES_PER_FILE = 40;
// Our extension's activation and every error; code-server's missing IPC socket is routine.
const INTERESTING = /enisa-health-lint\.enisa-health-lint|\[error\]/i;
const ROUTINE = /code-server-ipc\.sock/;

/** Returns a printable excerpt of the extension host logs under `userDataDir`, or ''. */
export function extensionHostLogExcerpt(userDataDir, extensionDisplayName = 'ENISA') {
  const logsDir = join(userDataDir, 'logs');
  if (!existsSync(logsDir)) return '';
  const sections = [];
  for (const file of listFiles(logsDir)) {
    const name = basename(file);
    const isHostLog = name === 'remoteexthost.log' || name === 'exthost.log';
    const isOurChannel = file.includes('output_logging_') && name.includes(extensionDisplayName);
    if (!isHostLog && !isOurChannel) continue;
    const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
    const picked = (isHostLog ? lines.filter((line) => INTERESTING.test(line) && !ROUTINE.test(line)) : lines).slice(-MAX_LINES_PER_FILE);
    if (picked.length > 0) sections.push(`--- ${file.slice(logsDir.length + 1)} ---\n${picked.join('\n')}`);
  }
  return sections.join('\n');
}

function listFiles(directory) {
  const files = [];
  for (const name of readdirSync(directory)) {
    const full = join(directory, name);
    if (statSync(full).isDirectory()) files.push(...listFiles(full));
    else files.push(full);
  }
  return files;
}
