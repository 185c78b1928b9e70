/**
 * Maps `items` through an async function with at most `limit` calls in flight; results keep the input order.
 * Keeps memory and open file handles bounded on large repositories while the thread pool stays busy.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  transform: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await transform(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
