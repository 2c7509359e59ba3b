/**
 * A map that keeps at most `capacity` entries, dropping the least recently used one when full:
 * an export that looks the same records up page after page reuses them without holding every
 * record it ever saw.
 */
export class BoundedCache<V> {
  // A Map iterates in insertion order, so re-inserting on use keeps the least recent first.
  private readonly entries = new Map<string, V>()

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`)
    }
  }

  get size(): number {
    return this.entries.size
  }

  get(key: string): V | undefined {
    if (!this.entries.has(key)) {
      return undefined
    }
    const value = this.entries.get(key) as V
    this.entries.delete(key)
    this.entries.set(key, value)
    return value
  }

  set(key: string, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, value)
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as string)
    }
  }
}

/**
 * The values of `ids` (duplicates and nulls ignored) as a map of their own: those in `cache` from
 * it, the rest from one `load` call, whose answers are cached. Ids `load` does not answer are left
 * out and asked again next time, as a record may appear meanwhile.
 */
export async function cachedLookup<V>(
  ids: Iterable<string | null | undefined>,
  cache: BoundedCache<V> | null,
  load: (missing: string[]) => Promise<Iterable<[string, V]>>
): Promise<Map<string, V>> {
  const found = new Map<string, V>()
  const missing = new Set<string>()
  for (const id of ids) {
    if (!id || found.has(id) || missing.has(id)) {
      continue
    }
    const cached = cache?.get(id)
    if (cached === undefined) {
      missing.add(id)
    } else {
      found.set(id, cached)
    }
  }
  if (missing.size) {
    for (const [id, value] of await load([...missing])) {
      found.set(id, value)
      cache?.set(id, value)
    }
  }
  return found
}
