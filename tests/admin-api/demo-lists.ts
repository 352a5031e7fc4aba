// Indexed access that fails loudly instead of yielding undefined.

export function itemAt<T>(items: readonly T[], index: number): T {
  if (index < 0 || index >= items.length) throw new RangeError(`index ${index} outside a list of ${items.length}`);
  return items[index] as T;
}

export function lastOf<T>(items: readonly T[]): T | undefined {
  return items[items.length - 1];
}
