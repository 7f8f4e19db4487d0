/** Reads one file for linting: overlay first, then the host; decodes; applies the size limit. */
import { decodeText } from '../text/decode';
import type { FileHost } from './api';

export type SourceRead =
  | { ok: true; text: string; encoding: string }
  | { ok: false; reason: string; notify: boolean };

export async function readSource(host: FileHost, path: string, overlays: ReadonlyMap<string, string> | undefined, maxBytes: number): Promise<SourceRead> {
  const overlay = overlays?.get(path);
  if (overlay !== undefined) {
    if (overlay.length > maxBytes) return { ok: false, reason: tooLarge(overlay.length, maxBytes), notify: true };
    return { ok: true, text: overlay.charCodeAt(0) === 0xfeff ? overlay.slice(1) : overlay, encoding: 'utf-8' };
  }
  let raw: Uint8Array | string | undefined;
  try {
    raw = await host.readFile(path);
  } catch (error) {
    return { ok: false, reason: `could not be read: ${error instanceof Error ? error.message : String(error)}`, notify: true };
  }
  if (raw === undefined) return { ok: false, reason: 'could not be read', notify: true };
  const size = typeof raw === 'string' ? raw.length : raw.byteLength;
  if (size > maxBytes) return { ok: false, reason: tooLarge(size, maxBytes), notify: true };
  const decoded = decodeText(raw);
  if (decoded.binary) return { ok: false, reason: 'binary file', notify: false };
  return { ok: true, text: decoded.text, encoding: decoded.encoding };
}

function tooLarge(size: number, max: number): string {
  return `skipped: ${(size / 1024 / 1024).toFixed(1)} MB is over the size limit of ${(max / 1024 / 1024).toFixed(1)} MB (maxFileSizeKB in .enisa-health.yaml)`;
}
