/**
 * Lot-number templates (for generating lot numbers when a merchant receives
 * stock without typing one) and merchant-configured patterns (for validating
 * hand-typed lot numbers). Pure functions, no I/O.
 */
import { RE2JS } from "re2js"
import { DAY_MS } from "./time-units"

export const DEFAULT_LOT_NUMBER_TEMPLATE = "{SKU}-{YYMMDD}-{SEQ:3}"

export const MAX_LOT_NUMBER_LENGTH = 64

const MAX_PATTERN_LENGTH = 200
const DEFAULT_SEQ_WIDTH = 4
const SEQ_MARKER = "{SEQ}"

export class LotNumberTemplateError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "LotNumberTemplateError"
    // Keeps `instanceof` working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

export type LotNumberContext = {
  sku?: string | null
  date: Date
  plant?: string | null
  line?: string | null
}

const DATE_TOKENS = ["YY", "YYYY", "MM", "DD", "YYMMDD", "YYYYMMDD", "JJJ", "YJJJ"] as const
const SIMPLE_TOKENS = ["SKU", ...DATE_TOKENS, "PLANT", "LINE"] as const

type DateToken = (typeof DATE_TOKENS)[number]
type SimpleToken = (typeof SIMPLE_TOKENS)[number]

type TemplatePart =
  | { kind: "literal"; text: string }
  | { kind: "token"; name: SimpleToken }
  | { kind: "seq"; width: number }

const ALLOWED_TOKENS_TEXT = [...SIMPLE_TOKENS.map((t) => `{${t}}`), "{SEQ}", "{SEQ:n}"].join(", ")

function isSimpleToken(name: string): name is SimpleToken {
  return (SIMPLE_TOKENS as readonly string[]).includes(name)
}

function parseToken(body: string, template: string): TemplatePart {
  if (isSimpleToken(body)) {
    return { kind: "token", name: body }
  }
  if (body === "SEQ") {
    return { kind: "seq", width: DEFAULT_SEQ_WIDTH }
  }
  if (body.startsWith("SEQ:")) {
    const widthText = body.slice(4)
    const width = /^\d+$/.test(widthText) ? Number(widthText) : NaN
    if (!(width >= 1 && width <= 9)) {
      throw new LotNumberTemplateError(
        `Sequence width in {${body}} must be a whole number from 1 to 9 in lot-number template "${template}"`
      )
    }
    return { kind: "seq", width }
  }
  throw new LotNumberTemplateError(
    `Unknown token {${body}} in lot-number template "${template}"; allowed tokens: ${ALLOWED_TOKENS_TEXT}`
  )
}

function parseTemplate(template: string): TemplatePart[] {
  if (typeof template !== "string" || template.trim() === "") {
    throw new LotNumberTemplateError("Lot-number template is empty; enter text and/or tokens such as {SKU}-{YYMMDD}-{SEQ:3}")
  }

  const parts: TemplatePart[] = []
  let literal = ""
  let i = 0
  while (i < template.length) {
    const ch = template[i]
    if (ch === "}") {
      throw new LotNumberTemplateError(
        `Unmatched "}" at position ${i + 1} in lot-number template "${template}"`
      )
    }
    if (ch !== "{") {
      literal += ch
      i++
      continue
    }
    const close = template.indexOf("}", i + 1)
    const nextOpen = template.indexOf("{", i + 1)
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      throw new LotNumberTemplateError(
        `Unclosed "{" at position ${i + 1} in lot-number template "${template}"`
      )
    }
    if (literal) {
      parts.push({ kind: "literal", text: literal })
      literal = ""
    }
    parts.push(parseToken(template.slice(i + 1, close), template))
    i = close + 1
  }
  if (literal) {
    parts.push({ kind: "literal", text: literal })
  }

  if (parts.filter((p) => p.kind === "seq").length > 1) {
    throw new LotNumberTemplateError(
      `Lot-number template "${template}" has more than one {SEQ} token; use at most one`
    )
  }
  return parts
}

export function validateLotNumberTemplate(template: string): void {
  parseTemplate(template)
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0")
}

function dayOfYearUtc(date: Date): number {
  const startOfDay = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
  const startOfYear = Date.UTC(date.getUTCFullYear(), 0, 1)
  return Math.round((startOfDay - startOfYear) / DAY_MS) + 1
}

function resolveDateToken(name: DateToken, date: Date): string {
  const year = date.getUTCFullYear()
  const yy = pad(year % 100, 2)
  const yyyy = pad(year, 4)
  const mm = pad(date.getUTCMonth() + 1, 2)
  const dd = pad(date.getUTCDate(), 2)
  const jjj = pad(dayOfYearUtc(date), 3)
  switch (name) {
    case "YY":
      return yy
    case "YYYY":
      return yyyy
    case "MM":
      return mm
    case "DD":
      return dd
    case "YYMMDD":
      return yy + mm + dd
    case "YYYYMMDD":
      return yyyy + mm + dd
    case "JJJ":
      return jjj
    case "YJJJ":
      return String(year % 10) + jjj
  }
}

function sanitizeSku(sku: string | null | undefined): string {
  const cleaned = (sku ?? "").toUpperCase().replace(/[^A-Z0-9-]/g, "")
  return cleaned || "ITEM"
}

function requireCode(value: string | null | undefined, token: "PLANT" | "LINE", template: string): string {
  const label = token === "PLANT" ? "plant" : "line"
  const code = (value ?? "").trim()
  if (!code) {
    throw new LotNumberTemplateError(
      `Lot-number template "${template}" uses {${token}} but no ${label} code was provided`
    )
  }
  // Braces would make the "{SEQ}" marker in sequence keys ambiguous.
  if (/[{}]/.test(code)) {
    throw new LotNumberTemplateError(`The ${label} code "${code}" must not contain "{" or "}"`)
  }
  return code
}

function resolveToken(name: SimpleToken, ctx: LotNumberContext, template: string): string {
  if (name === "SKU") {
    return sanitizeSku(ctx.sku)
  }
  if (name === "PLANT") {
    return requireCode(ctx.plant, "PLANT", template)
  }
  if (name === "LINE") {
    return requireCode(ctx.line, "LINE", template)
  }
  if (!(ctx.date instanceof Date) || Number.isNaN(ctx.date.getTime())) {
    throw new RangeError(`A valid date is required to render lot-number template "${template}"`)
  }
  return resolveDateToken(name, ctx.date)
}

function renderParts(
  parts: TemplatePart[],
  ctx: LotNumberContext,
  template: string,
  renderSeq: (width: number) => string
): string {
  return parts
    .map((part) => {
      switch (part.kind) {
        case "literal":
          return part.text
        case "token":
          return resolveToken(part.name, ctx, template)
        case "seq":
          return renderSeq(part.width)
      }
    })
    .join("")
}

/**
 * The template with every token except SEQ resolved and SEQ left as "{SEQ}".
 * Callers keep one counter per key, so the sequence restarts whenever a
 * resolved token (e.g. the date) changes.
 */
export function lotNumberSequenceKey(template: string, ctx: LotNumberContext): string {
  return renderParts(parseTemplate(template), ctx, template, () => SEQ_MARKER)
}

export function renderLotNumber(template: string, ctx: LotNumberContext, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`Lot-number sequence must be a positive integer, got ${sequence}`)
  }
  const lotNumber = renderParts(parseTemplate(template), ctx, template, (width) => pad(sequence, width))
  if (lotNumber.length > MAX_LOT_NUMBER_LENGTH) {
    throw new LotNumberTemplateError(
      `Lot number "${lotNumber}" generated from template "${template}" is ${lotNumber.length} characters long; ` +
        `the maximum is ${MAX_LOT_NUMBER_LENGTH}. Shorten the template or the SKU.`
    )
  }
  return lotNumber
}

function displayPattern(pattern: string): string {
  return `${pattern.startsWith("^") ? "" : "^"}${pattern}${pattern.endsWith("$") ? "" : "$"}`
}

/** A compiled lot-number pattern: whole lot numbers only, case-insensitive. */
export type LotNumberMatcher = { test(lotNumber: string): boolean }

/**
 * Compiles a merchant's lot-number pattern with RE2 (re2js), whose matching time grows linearly
 * with the input whatever the pattern: a pattern like `(A+)+B` cannot stall a server the way a
 * backtracking engine lets it. RE2 has no look-around or back-references; such a pattern is refused.
 */
export function compileLotNumberPattern(pattern: string): LotNumberMatcher {
  if (typeof pattern !== "string" || pattern === "") {
    throw new LotNumberTemplateError("Lot-number pattern is empty")
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new LotNumberTemplateError(
      `Lot-number pattern is ${pattern.length} characters long; the maximum is ${MAX_PATTERN_LENGTH}`
    )
  }
  try {
    // Compile the bare source first: something like "A)|(B" is only valid once
    // wrapped, and would then escape the anchors and match partially.
    RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE)
    const whole = RE2JS.compile(`^(?:${pattern})$`, RE2JS.CASE_INSENSITIVE)
    return { test: (lotNumber) => whole.matches(lotNumber) }
  } catch (err) {
    const detail = err instanceof Error ? err.message.replace(/^error parsing regexp: /, "") : String(err)
    throw new LotNumberTemplateError(
      `Lot-number pattern "${pattern}" is not a valid regular expression (${detail}; look-around and back-references are not supported)`
    )
  }
}

/** Returns null when the lot number is acceptable (or no pattern is set), else a message for the merchant. */
export function checkLotNumberAgainstPattern(
  lotNumber: string,
  pattern: string | null | undefined
): string | null {
  if (pattern == null || pattern === "") {
    return null
  }
  if (compileLotNumberPattern(pattern).test(lotNumber)) {
    return null
  }
  return `Lot number "${lotNumber}" does not match this item's lot-number pattern ${displayPattern(pattern)}`
}

/**
 * The spacing rule lot and serial numbers share: no surrounding whitespace, and each run of
 * whitespace inside (tabs, line breaks, several spaces) as one space — what a person means when a
 * pasted or typed code carries stray blanks.
 */
export function normalizeCodeSpacing(raw: string): string {
  return raw.trim().replace(/\s+/g, " ")
}

/** Lot numbers are also upper-cased: "l2403-a" and "L2403-A" name the same lot. */
export function normalizeLotNumber(raw: string): string {
  return normalizeCodeSpacing(raw).toUpperCase()
}
