/** How a built-in function is described to the dispatcher. */
import type { TfValue } from '../../types';

export interface FunctionSpec {
  minArgs: number;
  /** Omitted for variadic functions. */
  maxArgs?: number;
  /**
   * 'any' (default): an Unknown anywhere inside an argument makes the result unknown.
   * 'top': only a wholly unknown argument does; unknown elements pass through (merge, concat, length).
   * 'self': the function decides (coalesce returns a known first value despite later unknowns).
   */
  unknowns?: 'any' | 'top' | 'self';
  impl: (args: TfValue[]) => TfValue;
}

/** Thrown by function bodies for an invalid call; the dispatcher turns it into an EvalFailure. */
export class FunctionError extends Error {}

export function fail(message: string): never {
  throw new FunctionError(message);
}

export type FunctionTable = Record<string, FunctionSpec>;
