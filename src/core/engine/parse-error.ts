import type { Range } from '../text/position';
import type { Finding } from '../findings/types';
import { hashText } from '../util/hash';

/** One finding per broken file: the first problem, and how many more there are. */
export function parseErrorFinding(file: string, errors: Array<{ message: string; range: Range }>): Finding {
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return {
    ruleId: 'parse-error',
    severity: 'error',
    status: 'fail',
    message: `Could not parse this part of the file: ${first.message}${more}. Rules still checked everything that could be read.`,
    file,
    range: first.range,
    controls: [],
    related: [],
    fingerprint: hashText(`parse-error|${file}|${first.message}`),
  };
}

export function noticeFinding(ruleId: string, file: string, message: string): Finding {
  const start = { offset: 0, line: 0, column: 0 };
  return { ruleId, severity: 'info', status: 'fail', message, file, range: { start, end: start }, controls: [], related: [], fingerprint: hashText(`${ruleId}|${file}`) };
}
