// Child processes started in their own process group, so that a whole tree (code-server and its
// extension host, chromium and its renderers) can be ended with one signal to the group id.
import { spawn } from 'node:child_process';
import { registerCleanup } from './cleanup.mjs';

/**
 * Runs a command to completion, streaming its output unless `quiet`. Resolves with the exit code
 * and the captured output (kept for error messages). After `timeoutMs` the command's whole
 * process group is killed and the result says `timedOut`.
 */
export function runCommand(command, args, { cwd, env, quiet = false, timeoutMs = 10 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      output += `\n[killed: ${command} did not finish within ${Math.round(timeoutMs / 1000)}s]\n`;
      killProcessGroup(child).catch(() => {});
    }, timeoutMs);
    const unregister = registerCleanup(() => killProcessGroup(child));
    const collect = (stream, sink) =>
      child[stream].on('data', (chunk) => {
        output += chunk;
        if (output.length > 200_000) output = output.slice(-100_000);
        if (!quiet) sink.write(chunk);
      });
    collect('stdout', process.stdout);
    collect('stderr', process.stderr);
    child.on('error', (error) => {
      clearTimeout(timer);
      unregister();
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      unregister();
      resolve({ code: code ?? (signal ? 128 : 1), output, timedOut });
    });
  });
}

/** Spawns a long-running process as the leader of a new process group. */
export function spawnGroupLeader(command, args, options = {}) {
  return spawn(command, args, { ...options, detached: true });
}

/**
 * Ends the whole process group led by `child`: SIGTERM first, SIGKILL if anything of it is
 * still alive after `graceMs`. Safe to call more than once and on groups that already exited.
 */
export async function killProcessGroup(child, graceMs = 3000) {
  if (!child || child.pid === undefined) return;
  const groupId = child.pid;
  if (!signalGroup(groupId, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!signalGroup(groupId, 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signalGroup(groupId, 'SIGKILL');
}

/** Returns false once no process of the group is left. */
function signalGroup(groupId, signal) {
  try {
    process.kill(-groupId, signal);
    return true;
  } catch (error) {
    if (error.code === 'ESRCH') return false;
    throw error;
  }
}
