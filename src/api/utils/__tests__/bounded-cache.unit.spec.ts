import { BoundedCache, cachedLookup } from "../bounded-cache"

describe("BoundedCache", () => {
  it("keeps at most its capacity, dropping the least recently used entry", () => {
    const cache = new BoundedCache<number>(2)
    cache.set("a", 1)
    cache.set("b", 2)
    expect(cache.get("a")).toBe(1)
    cache.set("c", 3)
    expect(cache.size).toBe(2)
    expect(cache.get("b")).toBeUndefined()
    expect(cache.get("a")).toBe(1)
    expect(cache.get("c")).toBe(3)
    cache.set("a", 10)
    cache.set("d", 4)
    expect([cache.get("c"), cache.get("a"), cache.get("d")]).toEqual([undefined, 10, 4])
  })

  it("refuses a capacity that is not a positive integer", () => {
    expect(() => new BoundedCache(0)).toThrow("capacity must be a positive integer, got 0")
    expect(() => new BoundedCache(1.5)).toThrow(RangeError)
  })
})

describe("cachedLookup", () => {
  it("loads only what the cache lacks, once per id, and caches what it loaded", async () => {
    const cache = new BoundedCache<string>(10)
    cache.set("a", "A (cached)")
    const asked: string[][] = []
    const load = async (ids: string[]) => {
      asked.push(ids)
      return ids.filter((id) => id !== "gone").map((id): [string, string] => [id, id.toUpperCase()])
    }
    const found = await cachedLookup(["a", "b", null, "b", "gone", undefined, "c"], cache, load)
    expect(asked).toEqual([["b", "gone", "c"]])
    expect([...found]).toEqual([["a", "A (cached)"], ["b", "B"], ["c", "C"]])
    expect(cache.get("b")).toBe("B")
    // An id the source did not know is asked again: it may exist by now.
    await cachedLookup(["b", "gone"], cache, load)
    expect(asked).toEqual([["b", "gone", "c"], ["gone"]])
  })

  it("without a cache asks for every id of each call and keeps nothing between calls", async () => {
    const load = jest.fn(async (ids: string[]) => ids.map((id): [string, number] => [id, id.length]))
    expect([...(await cachedLookup(["x", "yy", "x"], null, load))]).toEqual([["x", 1], ["yy", 2]])
    expect([...(await cachedLookup(["x"], null, load))]).toEqual([["x", 1]])
    expect(load.mock.calls).toEqual([[["x", "yy"]], [["x"]]])
  })

  it("does not call the source when nothing is missing", async () => {
    const load = jest.fn(async () => [] as [string, number][])
    expect((await cachedLookup([null, undefined], null, load)).size).toBe(0)
    expect(load).not.toHaveBeenCalled()
  })
})
