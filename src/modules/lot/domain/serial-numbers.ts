/**
 * Serial numbers: one unit inside a lot, unique per inventory item. How a typed or scanned serial
 * is normalised and checked against GS1's rules for AI (21), and how a range such as
 * SN0001-SN0500 becomes its serials. Pure functions, no I/O.
 */
import { aiEntry } from "./gs1-ai"
import { capitalise, describeChar, firstOutsideCset, printable } from "./gs1-core"
import { normalizeCodeSpacing } from "./lot-number-template"

/** The most serials one receipt takes (one request, received all or nothing). */
export const MAX_SERIALS_PER_RECEIPT = 100_000

/**
 * GS1 AI (21) SERIAL holds 1 to 20 characters of GS1 character set 82 (GS1 General
 * Specifications); the length is read from the AI table generated from GS1's Barcode Syntax
 * Dictionary, so the two cannot disagree.
 */
export const MAX_SERIAL_NUMBER_LENGTH = serialFieldMaxLength()

function serialFieldMaxLength(): number {
  const field = aiEntry("21")?.components[0]
  if (!field) {
    throw new Error("GS1 AI (21) is missing from the AI table")
  }
  return field.max
}

const CSET82_SYMBOLS = `! " % & ' ( ) * + , - . / : ; < = > ? _`

export class SerialNumberError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "SerialNumberError"
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

/**
 * A serial as stored: surrounding whitespace removed and inner runs of whitespace made one space,
 * the same spacing rule as lot numbers. Unlike lot numbers, serials keep their case: GS1 serials
 * are case-sensitive (character set 82 has both cases, and "ab12" and "AB12" are two units in an
 * SGTIN), so upper-casing could merge two real units into one.
 */
export function normalizeSerialNumber(raw: string): string {
  return normalizeCodeSpacing(raw)
}

/**
 * Why a (normalised) serial number cannot be used, in words for the merchant, or null when GS1
 * AI (21) accepts it: 1 to 20 characters, each from GS1 character set 82.
 */
export function serialNumberProblem(serial: string): string | null {
  if (serial === "") {
    return "The serial number is empty."
  }
  if (serial.length > MAX_SERIAL_NUMBER_LENGTH) {
    return `Serial number "${printable(serial)}" is ${serial.length} characters long; GS1 allows at most ${MAX_SERIAL_NUMBER_LENGTH}.`
  }
  const outside = firstOutsideCset("X", serial)
  if (outside) {
    return (
      `Serial number "${printable(serial)}" has ${characterInWords(serial, outside.index)} at position ${outside.index + 1}; ` +
      `serial numbers may hold only letters A-Z and a-z, digits and ${CSET82_SYMBOLS}`
    )
  }
  return null
}

function characterInWords(text: string, index: number): string {
  const code = text.codePointAt(index) ?? 0
  if (code === 0x20) {
    return "a space"
  }
  const char = String.fromCodePoint(code)
  // Letters such as "é" are shown as well as coded: the merchant sees the glyph, support the code.
  return code > 0x9f ? `"${char}" (${describeChar(char)})` : describeChar(char)
}

/** A range's ends: the text before the number, the first and last numbers, and the digits' width. */
export type SerialRange = { prefix: string; first: bigint; last: bigint; width: number; count: number }

/** The longest text that can be a range: two serials of the most characters and the hyphen. */
const MAX_RANGE_LENGTH = 2 * MAX_SERIAL_NUMBER_LENGTH + 1

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57
}

/** "SN0042" → { prefix: "SN", digits: "0042" }; digits is "" when the serial does not end in one. */
function splitTrailingNumber(serial: string): { prefix: string; digits: string } {
  let cut = serial.length
  while (cut > 0 && isDigitCode(serial.charCodeAt(cut - 1))) {
    cut--
  }
  return { prefix: serial.slice(0, cut), digits: serial.slice(cut) }
}

/**
 * The hyphen that splits `text` into two serials with the same text before a trailing number
 * ("SN-01-SN-05" splits at its second hyphen), or -1. Serials may hold hyphens themselves, so this
 * is what tells a range from a serial.
 */
function rangeHyphen(text: string): number {
  if (text.length > MAX_RANGE_LENGTH) {
    return -1
  }
  for (let index = text.indexOf("-"); index !== -1; index = text.indexOf("-", index + 1)) {
    const first = splitTrailingNumber(text.slice(0, index))
    const last = splitTrailingNumber(text.slice(index + 1))
    if (first.digits && last.digits && first.prefix === last.prefix) {
      return index
    }
  }
  return -1
}

/**
 * True when a list entry is written as a range: a hyphen between two serials that share their
 * text up to a trailing number. "A1-B5" is therefore one serial in a list, while "SN9-SN10" is a
 * range (refused for its widths) and so is "2024-0001" (refused as backwards).
 */
export function looksLikeSerialRange(text: string): boolean {
  return rangeHyphen(text) !== -1
}

/** The hyphen to report a refused range around: the splitting one, else the one nearest the middle. */
function hyphenForProblem(text: string): number {
  const splitting = rangeHyphen(text)
  if (splitting !== -1) {
    return splitting
  }
  let best = -1
  for (let index = text.indexOf("-"); index !== -1; index = text.indexOf("-", index + 1)) {
    if (best === -1 || Math.abs(index - text.length / 2) < Math.abs(best - text.length / 2)) {
      best = index
    }
  }
  return best
}

/**
 * Reads "FIRST-LAST" without expanding it: the same text before a number on both sides, numbers
 * of the same width (zero padding is part of the serial, so SN9-SN10 is refused: SN9 and SN10
 * differ in length and no one padding covers both), first ≤ last, and at most `maxCount` serials.
 */
export function readSerialRange(text: string, maxCount: number = MAX_SERIALS_PER_RECEIPT): SerialRange | { problem: string } {
  checkMaxCount(maxCount)
  const range = normalizeSerialNumber(text)
  const hyphen = hyphenForProblem(range)
  const firstSerial = range.slice(0, hyphen)
  const lastSerial = range.slice(hyphen + 1)
  if (hyphen === -1 || !firstSerial || !lastSerial) {
    return { problem: `"${printable(range)}" is not a range: write the first and last serial numbers joined by "-", e.g. SN0001-SN0500.` }
  }
  const endProblem = serialNumberProblem(firstSerial) ?? serialNumberProblem(lastSerial)
  if (endProblem) {
    return { problem: `In the range ${printable(range)}: ${endProblem}` }
  }
  const first = splitTrailingNumber(firstSerial)
  const last = splitTrailingNumber(lastSerial)
  if (!first.digits || !last.digits) {
    return { problem: `The range ${range} must end in a number on both sides, e.g. SN0001-SN0500.` }
  }
  if (first.prefix !== last.prefix) {
    return {
      problem: `The range ${range} changes the text before the number (${prefixInWords(first.prefix)} then ${prefixInWords(last.prefix)}); only the number may change.`,
    }
  }
  const width = Math.max(first.digits.length, last.digits.length)
  if (first.digits.length !== last.digits.length) {
    const padded = `${first.prefix}${first.digits.padStart(width, "0")}-${last.prefix}${last.digits.padStart(width, "0")}`
    return {
      problem:
        `The numbers in the range ${range} have different widths (${first.digits.length} and ${last.digits.length} digits); ` +
        `write both with the same zero padding, e.g. ${padded}.`,
    }
  }
  const firstNumber = BigInt(first.digits)
  const lastNumber = BigInt(last.digits)
  if (firstNumber > lastNumber) {
    return { problem: `The range ${range} runs backwards: ${lastSerial} comes before ${firstSerial}. Write the lower serial number first.` }
  }
  const count = lastNumber - firstNumber + 1n
  if (count > BigInt(maxCount)) {
    return {
      problem: `The range ${range} holds ${count.toLocaleString("en-GB")} serial numbers; at most ${maxCount.toLocaleString("en-GB")} can be received at once.`,
    }
  }
  return { prefix: first.prefix, first: firstNumber, last: lastNumber, width, count: Number(count) }
}

function prefixInWords(prefix: string): string {
  return prefix === "" ? "no text" : `"${prefix}"`
}

function checkMaxCount(maxCount: number): void {
  if (!Number.isSafeInteger(maxCount) || maxCount < 1) {
    throw new RangeError(`The maximum number of serials must be a positive whole number, got ${maxCount}`)
  }
}

/** Every serial of a range read by readSerialRange, in order, zero padding kept. */
export function serialsInRange(range: SerialRange): string[] {
  const serials = new Array<string>(range.count)
  for (let offset = 0; offset < range.count; offset++) {
    serials[offset] = range.prefix + (range.first + BigInt(offset)).toString().padStart(range.width, "0")
  }
  return serials
}

/**
 * "SN0001-SN0500" → SN0001, SN0002, …, SN0500. Throws a SerialNumberError in the merchant's words
 * for a range that cannot be read or holds more than `maxCount` serials; the count is checked
 * before any serial is made, so a slip like SN00000001-SN99999999 costs nothing.
 */
export function expandSerialRange(text: string, maxCount: number = MAX_SERIALS_PER_RECEIPT): string[] {
  const range = readSerialRange(text, maxCount)
  if ("problem" in range) {
    throw new SerialNumberError(range.problem)
  }
  return serialsInRange(range)
}

export type SerialListOptions = {
  /** The most serials the whole list may hold (default MAX_SERIALS_PER_RECEIPT). */
  maxCount?: number
  /**
   * Read entries like SN0001-SN0500 as ranges (default true). Off for a file of serials that
   * themselves look like ranges, e.g. 2024-0001.
   */
  ranges?: boolean
}

/** The serials, in the order given, or every problem found (the first MAX_LISTED_PROBLEMS of them). */
export type SerialListResult = { serials: string[] } | { problems: string[] }

/** Past this many, problems are counted rather than listed: a wrong file should not flood the screen. */
export const MAX_LISTED_PROBLEMS = 100

/** Line breaks end a line; commas, semicolons and tabs separate entries on one. */
const LINE_BREAK = /\r\n|\r|\n/
const ENTRY_SEPARATOR = /[,;\t]/

/**
 * Reads a pasted list or a file's text: entries separated by line breaks, commas, semicolons or
 * tabs, each a serial or (unless `ranges` is off) a range; blank lines and entries are skipped.
 * Every problem names its line (and entry, when the line has several), including each serial
 * given twice and where it was given first. Time and memory grow linearly with the text.
 */
export function parseSerialList(text: string, options: SerialListOptions = {}): SerialListResult {
  const maxCount = options.maxCount ?? MAX_SERIALS_PER_RECEIPT
  checkMaxCount(maxCount)
  const readRanges = options.ranges ?? true
  const firstSeenAt = new Map<string, string>()
  const serials: string[] = []
  const problems: string[] = []
  let problemCount = 0
  const report = (problem: string) => {
    problemCount++
    if (problems.length < MAX_LISTED_PROBLEMS) {
      problems.push(problem)
    }
  }
  const add = (serial: string, where: string) => {
    const earlier = firstSeenAt.get(serial)
    if (earlier !== undefined) {
      report(`${capitalise(where)}: serial number ${serial} is given twice, first on ${earlier}.`)
      return
    }
    firstSeenAt.set(serial, where)
    serials.push(serial)
  }

  // Set when the list passes maxCount: reading stops there, since nothing past it can be received.
  let overflow: string | null = null
  const lines = text.split(LINE_BREAK)
  lines: for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const entries = lines[lineIndex].split(ENTRY_SEPARATOR).map(normalizeSerialNumber).filter((entry) => entry !== "")
    for (let entryIndex = 0; entryIndex < entries.length; entryIndex++) {
      const entry = entries[entryIndex]
      const where = entries.length > 1 ? `line ${lineIndex + 1}, entry ${entryIndex + 1}` : `line ${lineIndex + 1}`
      if (readRanges && looksLikeSerialRange(entry)) {
        const range = readSerialRange(entry, maxCount)
        if ("problem" in range) {
          report(`${capitalise(where)}: ${range.problem}`)
        } else if (serials.length + range.count > maxCount) {
          overflow = tooMany(where, maxCount)
          break lines
        } else {
          for (const serial of serialsInRange(range)) {
            add(serial, `${where} (range ${entry})`)
          }
        }
        continue
      }
      const problem = serialNumberProblem(entry)
      if (problem) {
        report(`${capitalise(where)}: ${problem}`)
      } else if (serials.length >= maxCount) {
        overflow = tooMany(where, maxCount)
        break lines
      } else {
        add(entry, where)
      }
    }
  }
  if (problemCount > problems.length) {
    problems.push(`…and ${(problemCount - problems.length).toLocaleString("en-GB")} more problems.`)
  }
  if (overflow) {
    problems.push(overflow)
  }
  if (problems.length > 0) {
    return { problems }
  }
  if (serials.length === 0) {
    return { problems: ["The list holds no serial numbers."] }
  }
  return { serials }
}

function tooMany(where: string, maxCount: number): string {
  return `${capitalise(where)}: the list goes past ${maxCount.toLocaleString("en-GB")} serial numbers, the most one receipt takes; receive the rest in another receipt.`
}
