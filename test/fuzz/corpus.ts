/**
 * Real files from the shared corpus, grouped by the parser family that reads them. The corpus
 * lives next to the repository (`../shared/corpus`); callers skip when it is absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Random } from './random';

export type Family = 'hcl' | 'hcl-json' | 'yaml' | 'json' | 'properties' | 'dotenv' | 'mosquitto';

export const FAMILIES: readonly Family[] = ['hcl', 'hcl-json', 'yaml', 'json', 'properties', 'dotenv', 'mosquitto'];

export interface SeedFile {
  family: Family;
  /** Path relative to the corpus root, for reproduction messages. */
  name: string;
  /** The file name the engine classifies by (kept when the file is placed in a fake workspace). */
  baseName: string;
  text: string;
}

/** The repository root, from a compiled file under out/test/fuzz. */
export const REPO_ROOT = join(__dirname, '..', '..', '..');

export function corpusRoot(): string | undefined {
  const dir = join(REPO_ROOT, '..', 'shared', 'corpus');
  return existsSync(dir) ? dir : undefined;
}

export function familyOf(fileName: string): Family | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.tf.json') || name.endsWith('.tfvars.json')) return 'hcl-json';
  if (/\.(tf|tfvars|hcl)$/.test(name)) return 'hcl';
  if (/\.ya?ml$/.test(name)) return 'yaml';
  if (/\.jsonc?$/.test(name)) return 'json';
  if (name.endsWith('.properties')) return 'properties';
  if (name === '.env' || name.endsWith('.env') || name.startsWith('.env.')) return 'dotenv';
  if (name.endsWith('.conf')) return 'mosquitto';
  return undefined;
}

function listFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const info = statSync(full);
    if (info.isDirectory()) listFiles(full, out);
    else if (info.size > 0 && info.size <= 256 * 1024 && familyOf(name)) out.push(full);
  }
  return out;
}

let cachedIndex: Map<Family, string[]> | undefined;

/** Every usable corpus file by family, listed once per process. */
export function corpusIndex(): Map<Family, string[]> {
  if (cachedIndex) return cachedIndex;
  const index = new Map<Family, string[]>(FAMILIES.map((f) => [f, []]));
  const root = corpusRoot();
  if (root) for (const file of listFiles(root)) index.get(familyOf(file.split(/[\\/]/).pop()!)!)!.push(file);
  cachedIndex = index;
  return index;
}

/** `count` distinct files of a family chosen by the PRNG (fewer when the family is small). */
export function sampleSeeds(family: Family, count: number, random: Random): SeedFile[] {
  const root = corpusRoot();
  const pool = [...(corpusIndex().get(family) ?? [])];
  const chosen: SeedFile[] = [];
  while (root && chosen.length < count && pool.length > 0) {
    const file = pool.splice(random.int(0, pool.length - 1), 1)[0];
    const text = readFileSync(file, 'utf8');
    chosen.push({ family, name: relative(root, file).split('\\').join('/'), baseName: file.split(/[\\/]/).pop()!, text });
  }
  return chosen;
}
