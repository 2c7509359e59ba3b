/**
 * The order a picker walks an order's lines in at one stock location. Medusa keeps no bin or
 * shelf for an item, so a bin is read from the item's inventory level at the location
 * (`metadata.bin`, e.g. "A-03-2") where the merchant set one; lines without a bin follow, by SKU
 * (warehouses usually shelve by SKU), then by title. Numbers inside bins and SKUs sort as
 * numbers ("A-2" before "A-10").
 */
export type WalkingStop = { bin: string | null; sku: string | null; title: string }

/** What the walking order goes by, for the screen's subtitle. */
export type WalkingOrder = "bin_then_sku" | "sku"

const natural = new Intl.Collator("en", { numeric: true, sensitivity: "base" })

/** Present values first, then natural order. */
function compareOptional(a: string | null, b: string | null): number {
  if (a && b) return natural.compare(a, b)
  return a ? -1 : b ? 1 : 0
}

export function compareWalkingStops(a: WalkingStop, b: WalkingStop): number {
  return compareOptional(a.bin, b.bin) || compareOptional(a.sku, b.sku) || natural.compare(a.title, b.title)
}

/** The lines in walking order, and what that order went by. */
export function inWalkingOrder<T extends WalkingStop>(stops: T[]): { stops: T[]; order: WalkingOrder } {
  return {
    stops: [...stops].sort(compareWalkingStops),
    order: stops.some((s) => s.bin) ? "bin_then_sku" : "sku",
  }
}

/** A bin from an inventory level's metadata, when it holds a usable one. */
export function binOf(metadata: Record<string, unknown> | null | undefined): string | null {
  const bin = metadata?.bin
  return typeof bin === "string" && bin.trim() ? bin.trim().slice(0, 40) : null
}
