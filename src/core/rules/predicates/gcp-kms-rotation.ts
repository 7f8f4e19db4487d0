/**
 * Cloud KMS keys rotate at least every `maxDays` days. `rotation_period` is a duration in seconds
 * written as text ("7776000s"), which the numeric operators cannot compare.
 */
import type { Scope } from '../../subjects/types';
import type { EvalContext, Evidence } from '../evaluate';
import { registerPredicate } from './registry';
import { PASS, failAt, single, undetermined } from './gcp-scopes';

const SECONDS_PER_DAY = 86_400;

/** `"7776000s"` or `"7776000.5s"` as seconds; undefined for anything else. */
export function parseDurationSeconds(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d{1,9})?)s\s*$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

registerPredicate('gcp-kms-rotation-within', (scope: Scope, args, _ctx: EvalContext): Evidence => {
  const maxDays = Number(args.maxDays);
  if (!Number.isFinite(maxDays) || maxDays <= 0) throw new Error('gcp-kms-rotation-within needs a positive "maxDays"');
  const period = single(scope, 'rotation_period');
  if (period.state === 'unknown') return undetermined(period, scope);
  if (period.state === 'absent') return failAt(period.anchor, scope, period);
  const seconds = typeof period.value === 'string' ? parseDurationSeconds(period.value) : undefined;
  if (seconds === undefined) {
    return { outcome: 'undetermined', range: period.range, reason: `rotation_period "${String(period.value)}" is not a duration in seconds such as "7776000s"`, origins: period.origins, scope };
  }
  if (seconds <= maxDays * SECONDS_PER_DAY) return { ...PASS, origins: period.origins };
  const days = Math.round((seconds / SECONDS_PER_DAY) * 10) / 10;
  return failAt(period.range, scope, period, `${String(period.value)} (${days} days)`);
});
