/**
 * Content checks on catalog prose: sentence counts, long verbatim overlap with the research notes,
 * and section/page numbers that the notes do not confirm.
 */

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS = /\b(e\.g|i\.e|etc|cf|vs|Art|No|Nos|p|pp)\./g;

/** Counts sentences: a terminal mark followed by space and an upper-case letter, digit or quote. */
export function countSentences(text: string): number {
  const masked = text.trim().replace(ABBREVIATIONS, (m) => m.replace('.', '\u2024'));
  if (masked === '') return 0;
  const boundaries = masked.match(/[.!?]["')\]]?\s+(?=[A-Z0-9"'(‘“])/g) ?? [];
  return boundaries.length + 1;
}

/** Lower-case words with apostrophes folded away, so "provider's" and "providers" compare equal. */
export function words(text: string): string[] {
  return text.toLowerCase().replace(/['’‘]/g, '').match(/[a-z0-9]+/g) ?? [];
}

/** Every run of `length` consecutive words in the given texts. */
export function wordRuns(texts: readonly string[], length: number): Set<string> {
  const runs = new Set<string>();
  for (const text of texts) {
    const w = words(text);
    for (let i = 0; i + length <= w.length; i++) runs.add(w.slice(i, i + length).join(' '));
  }
  return runs;
}

/** The first run of `length` words that `text` shares with the indexed texts, if any. */
export function firstSharedRun(text: string, index: ReadonlySet<string>, length: number): string | undefined {
  const w = words(text);
  for (let i = 0; i + length <= w.length; i++) {
    const run = w.slice(i, i + length).join(' ');
    if (index.has(run)) return run;
  }
  return undefined;
}

const NUMBERING_PATTERNS = [
  /§\s*\d+(?:\.\d+)*/g,
  /\b(?:section|sections|chapter|table|page|pages|annex|appendix|p\.|pp\.)\s+(?:[A-Z]?\d+(?:\.\d+)*|[IVXLC]+\b|[A-Z]\b)/gi,
  /\bA\.\d{1,2}\b/g,
];

function normaliseNumbering(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/§ /g, '§');
}

/**
 * Returns a check that lists the section, chapter, table, page or annex numbers of a text that do
 * not occur in `reference` (normalised once, as the reference is large).
 */
export function numberingChecker(reference: string): (text: string) => string[] {
  const haystack = normaliseNumbering(reference);
  return (text) => {
    const found: string[] = [];
    for (const pattern of NUMBERING_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        if (!haystack.includes(normaliseNumbering(match[0]))) found.push(match[0]);
      }
    }
    return found;
  };
}
