/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as a call
 * argument, which overflows the stack past roughly 100,000 items (a generated file with 400,000
 * findings did); this costs the same and has no limit.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}
