/**
 * The application identifiers (AIs) of GS1's Barcode Syntax Dictionary (gs1-ai-table.ts,
 * generated from GS1's file) and the lookups the readers need. Pure functions, no I/O.
 */
import { AI_ENTRIES } from "./gs1-ai-table"

/** GS1 character sets: N digits, X set 82, Y set 39, Z set 64 (base64url). */
export type Gs1Cset = "N" | "X" | "Y" | "Z"

/** One part of an AI's data, read in order: "N13,csum" is 13 digits with a check digit. */
export type AiComponent = {
  cset: Gs1Cset
  min: number
  max: number
  /** May be left out once the data is exhausted (only trailing components are optional). */
  optional?: true
  /** Names of GS1's content checks for this part (see gs1-linters.ts). */
  linters?: readonly string[]
}

export type AiEntry = {
  ai: string
  /** A predefined length (GS1 General Specifications): no FNC1 follows it in an element string. */
  predefined?: true
  /** May be a GS1 Digital Link data attribute, i.e. a query parameter. */
  dlAttribute?: true
  components: readonly AiComponent[]
  /**
   * Each requirement must hold; one holds when any of its alternatives does, an alternative
   * being AIs that must all be present. "31nn" matches 3100..3199 (see matchesAiPattern).
   */
  req?: readonly (readonly (readonly string[])[])[]
  /** AIs (or patterns) that must not appear together with this one. */
  ex?: readonly string[]
  /**
   * Present only for a GS1 Digital Link primary key: its alternative lists of key qualifiers,
   * each in the order they must follow the key in the path ([] = the key takes none).
   */
  dlQualifiers?: readonly (readonly string[])[]
  /** GS1's data title, e.g. "BATCH/LOT". */
  title: string
}

const BY_AI: ReadonlyMap<string, AiEntry> = new Map(AI_ENTRIES.map((entry) => [entry.ai, entry]))

export function aiEntry(ai: string): AiEntry | undefined {
  return BY_AI.get(ai)
}

/** The AI spelled at `index` of `text` (no AI is the start of another), or undefined. */
export function matchAi(text: string, index: number): AiEntry | undefined {
  for (let length = 2; length <= 4; length++) {
    const entry = BY_AI.get(text.slice(index, index + length))
    if (entry) {
      return entry
    }
  }
  return undefined
}

/** The digits to name in an "unknown AI" message: as many as it takes to leave every known AI. */
export function unknownAiDigits(text: string, index: number): string {
  const digits = /^\d{0,4}/.exec(text.slice(index))![0]
  for (let length = 2; length < digits.length; length++) {
    const prefix = digits.slice(0, length)
    if (!AI_ENTRIES.some((entry) => entry.ai.startsWith(prefix))) {
      return prefix
    }
  }
  return digits
}

/** True when `ai` is `pattern`, where each "n" of the pattern stands for any digit ("310n"). */
export function matchesAiPattern(pattern: string, ai: string): boolean {
  return pattern.length === ai.length && [...pattern].every((char, index) => char === "n" || char === ai[index])
}

// Words a picker reads in messages, for the AIs whose fields we use; GS1's title for the rest.
const WORDS: Record<string, string> = {
  "00": "SSCC",
  "01": "GTIN",
  "02": "GTIN of contained items",
  "10": "lot",
  "11": "production date",
  "12": "due date",
  "13": "packaging date",
  "15": "best-before date",
  "16": "sell-by date",
  "17": "expiry date",
  "20": "variant",
  "21": "serial",
  "22": "consumer product variant",
  "30": "count",
  "37": "count of trade items",
}

export function aiWords(entry: AiEntry): string {
  return WORDS[entry.ai] ?? (/^310\d$/.test(entry.ai) ? "net weight (kg)" : entry.title)
}

/**
 * The implied decimal places of an AI, or undefined. GS1 General Specifications: the last digit of
 * the measures 31nn..36nn and of the amounts, prices and percentages 390n..395n says where the
 * decimal point goes in the (last) numeric part of the data; the dictionary file does not say it.
 */
export function decimalPlaces(ai: string): number | undefined {
  return /^(3[1-6]\d|39[0-5])\d$/.test(ai) ? Number(ai[3]) : undefined
}
