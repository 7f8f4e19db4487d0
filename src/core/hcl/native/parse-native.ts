/**
 * Entry point of the native syntax parser. A file whose block runs to the end of the file is
 * parsed a second time with indentation recovery, so a block left open while typing does not
 * swallow the blocks after it; well-formed files are parsed exactly once.
 */
import type { HclFile } from '../ast';
import { LineIndex } from '../../text/position';
import { PositionTable } from '../positions';
import { parseConfigBody } from './body-parser';
import { ParserContext } from './context';
import { sortErrors } from '../sort-errors';
import { indentsBodies, recordParseFacts } from './parse-facts';

export function parseNativeSyntax(text: string): HclFile {
  const positions = new PositionTable(text, new LineIndex(text));
  let context = new ParserContext(text, positions, { indentationRecovery: false });
  let body = parseConfigBody(context);
  const { indentedBodies, flatBodies } = context;
  const recovered = context.sawUnclosedBlock;
  const fileIndentsBodies = indentsBodies(indentedBodies, flatBodies);
  if (recovered) {
    context = new ParserContext(text, positions, { indentationRecovery: true, fileIndentsBodies });
    body = parseConfigBody(context);
  }
  const file: HclFile = { syntax: 'native', text, body, comments: context.comments, errors: sortErrors(context.errors) };
  if (file.errors.length > 0) recordParseFacts(file, { recovered, fileIndentsBodies, indentedBodies, flatBodies });
  return file;
}
