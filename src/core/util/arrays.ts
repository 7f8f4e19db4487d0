/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as a call
 * argument, which overflows the stack past roughly 100,000 items (a generated file with 400,000
 * findings did); this costs the same and has no limit.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}

/**
 * `target` with `items` appended; when `target` is empty, `items` itself. For lists a lint builds
 * once and hands on: copying thousands of findings and passes into an empty list on every
 * keystroke was garbage for nothing. The caller must own `items` (it may be returned).
 */
export function concatInto<T>(target: T[], items: T[]): T[] {
  if (target.length === 0) return items;
  appendAll(target, items);
  return target;
}
