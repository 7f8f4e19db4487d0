import type { Range } from '../text/position';

/**
 * One replacement in a file's text, with the range in the text the edit was computed from. The
 * fix engine adds the file path to make a `TextEdit` (`../findings/types.ts`).
 */
export interface TextChange {
  range: Range;
  newText: string;
}
