/**
 * GS1's association rules between AIs in one scan (the "ex" and "req" attributes of the Barcode
 * Syntax Dictionary): AIs that must not appear together, and AIs that need others with them.
 * Pure functions, no I/O.
 */
import { aiEntry, matchesAiPattern } from "./gs1-ai"
import { Gs1ParseError } from "./gs1-core"

/**
 * What to do with an AI whose required partners are missing from the scan (see parseGs1Scan):
 * "strict" refuses the scan, "lenient" reads it and reports a warning.
 */
export type AssociationPolicy = "strict" | "lenient"

export type Gs1Warning = { code: "missing_ai"; ai: string; position: number; message: string }

/** An element's AI and where it was, as the readers report it. */
export type PlacedAi = { ai: string; position: number; where: string }

// GS1: "an AI is not exclusive of itself even if it matches a pattern", and it does not meet its
// own requirement either; so both rules look only at the scan's other AIs.
const others = (placed: PlacedAi[], current: PlacedAi) => placed.filter(({ ai }) => ai !== current.ai)
const excludes = (a: PlacedAi, b: PlacedAi) => (aiEntry(a.ai)?.ex ?? []).some((pattern) => matchesAiPattern(pattern, b.ai))

/**
 * Throws conflicting_ai at the first AI (in scan order) that an AI before it excludes or that
 * excludes one before it. Always applied: another barcode on the item cannot make such a pair
 * right, and GS1's own parser has no switch for it either.
 */
export function checkExclusions(placed: PlacedAi[]): void {
  placed.forEach((current, index) => {
    const other = others(placed.slice(0, index), current).find((before) => excludes(current, before) || excludes(before, current))
    if (other) {
      throw new Gs1ParseError(`AI (${current.ai}) ${current.where}: cannot be combined with (${other.ai}) in one scan`, {
        code: "conflicting_ai",
        position: current.position,
        ai: current.ai,
      })
    }
  })
}

/** One warning per AI and requirement that no alternative of the scan's other AIs fulfils. */
export function missingPartners(placed: PlacedAi[]): Gs1Warning[] {
  const warnings: Gs1Warning[] = []
  for (const current of placed) {
    const present = (pattern: string) => others(placed, current).some(({ ai }) => matchesAiPattern(pattern, ai))
    for (const alternatives of aiEntry(current.ai)?.req ?? []) {
      if (!alternatives.some((group) => group.every(present))) {
        warnings.push({
          code: "missing_ai",
          ai: current.ai,
          position: current.position,
          message: `AI (${current.ai}) ${current.where}: GS1 requires ${describe(alternatives)} with it`,
        })
      }
    }
  }
  return warnings
}

/** [["01", "21"], ["02"]] reads "(01) + (21) or (02)". */
function describe(alternatives: readonly (readonly string[])[]): string {
  const texts = alternatives.map((group) => group.map((ai) => `(${ai})`).join(" + "))
  return texts.length === 1 ? texts[0] : `${texts.slice(0, -1).join(", ")} or ${texts[texts.length - 1]}`
}
