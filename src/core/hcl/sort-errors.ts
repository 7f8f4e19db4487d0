import type { HclSyntaxError } from './ast';

/**
 * Errors in file order. Some are only known late (a block's missing `}` when the file ends), but
 * editors and reports list them top to bottom. The sort is stable for errors at one offset.
 */
export function sortErrors(errors: HclSyntaxError[]): HclSyntaxError[] {
  return errors.sort((a, b) => a.range.start.offset - b.range.start.offset);
}
