/**
 * CPU time and heap measurements for one call. CPU time rather than wall time, because the
 * machine is shared and waiting for a core adds wall time only. Heap is measured after a full
 * collection when `gc` can be reached (see `enableGc`), so garbage does not count as growth.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/** Makes `gc()` callable without the --expose-gc flag (tests run under plain mocha). */
export function enableGc(): void {
  if (collect) return;
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) {
    collect = existing;
    return;
  }
  setFlagsFromString('--expose-gc');
  collect = runInNewContext('gc') as () => void;
}

export function fullGc(): void {
  collect?.();
}

export function cpuNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export interface Measured<T> {
  value: T;
  cpuMs: number;
  /** Heap still held after the call while its result is alive (after a collection when possible). */
  retainedBytes: number;
}

/**
 * Heap after a collection, taken as the baseline before a measured call. Results of earlier calls
 * are dropped by then, so one collection after each call suffices: it frees their garbage too.
 */
let baselineHeap: number | undefined;

function heapBaseline(): number {
  if (baselineHeap === undefined) {
    fullGc();
    baselineHeap = process.memoryUsage().heapUsed;
  }
  return baselineHeap;
}

function retainedSince(before: number): number {
  fullGc();
  const now = process.memoryUsage().heapUsed;
  // The heap may settle lower than the first baseline; later calls compare with the lowest seen.
  if (now < (baselineHeap ?? now)) baselineHeap = now;
  return Math.max(0, now - before);
}

export function measureSync<T>(run: () => T, withHeap: boolean): Measured<T> {
  const before = withHeap ? heapBaseline() : 0;
  const started = cpuNow();
  const value = run();
  const cpuMs = cpuNow() - started;
  return { value, cpuMs, retainedBytes: withHeap ? retainedSince(before) : 0 };
}

export async function measureAsync<T>(run: () => Promise<T>, withHeap: boolean): Promise<Measured<T>> {
  const before = withHeap ? heapBaseline() : 0;
  const started = cpuNow();
  const value = await run();
  const cpuMs = cpuNow() - started;
  return { value, cpuMs, retainedBytes: withHeap ? retainedSince(before) : 0 };
}

/**
 * CPU ms per 1,000 characters at a small and a large size of the same shape: the small input is
 * run `copies` times with every result kept, so both sides carry a similar live heap (garbage
 * collection cost grows with the heap, not with the parser's work). Best of `rounds`.
 */
export function perKiloChar(small: string, large: string, run: (text: string) => unknown, rounds = 3): { small: number; large: number } {
  const copies = Math.max(1, Math.round(large.length / Math.max(1, small.length)));
  let bestSmall = Number.POSITIVE_INFINITY;
  let bestLarge = Number.POSITIVE_INFINITY;
  // No result is kept: holding every copy's result held eight parse trees of the small input at once
  // (2.3 GB for a 625 KB YAML flow line), and the heap limit then passed for a hang.
  for (let round = 0; round < rounds; round++) {
    let started = cpuNow();
    for (let i = 0; i < copies; i++) run(small);
    bestSmall = Math.min(bestSmall, cpuNow() - started);
    started = cpuNow();
    run(large);
    bestLarge = Math.min(bestLarge, cpuNow() - started);
  }
  return { small: bestSmall / ((copies * small.length) / 1000), large: bestLarge / (large.length / 1000) };
}
