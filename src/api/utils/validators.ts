import { z } from "@medusajs/framework/zod"

/** Largest quantity accepted in one request (lot stock is stored as whole units, int4). */
export const MAX_QUANTITY = 1_000_000_000

/** An id of an existing record; short and printable so it can never smuggle a payload. */
export const recordId = (what: string) =>
  z
    .string({ error: `${what} must be a text id` })
    .trim()
    .min(1, `${what} is required`)
    .max(100, `${what} is too long (at most 100 characters)`)

/** A whole number from the query string, with the field named in every refusal. */
export const queryWholeNumber = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${min}`)
    .max(max, `${what} must be at most ${max}`)

/**
 * `offset` and `limit` of a paged read. Refinements rather than .int()/.min(): Medusa rewrites
 * those messages into bounds ("too small, expected at least: '0'") a merchant has to decode.
 */
export const queryPage = (defaultLimit: number, maxLimit: number) => ({
  offset: z.coerce
    .number({ error: "offset must be a number" })
    .refine((n) => Number.isSafeInteger(n) && n >= 0, { message: "offset must be a whole number of rows to skip, 0 or more" })
    .default(0),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .refine((n) => Number.isSafeInteger(n) && n >= 1 && n <= maxLimit, { message: `limit must be a whole number of rows from 1 to ${maxLimit}` })
    .default(defaultLimit),
})

/**
 * A positive number of whole units. A refinement rather than .int()/.positive(): Medusa rewrites
 * those standard messages and, inside a list, reports a fractional number as a missing field.
 */
export const wholeQuantity = (what = "quantity") =>
  z
    .number({ error: `${what} must be a number` })
    .refine((n) => Number.isSafeInteger(n) && n > 0 && n <= MAX_QUANTITY, {
      message: `${what} must be a whole number of units between 1 and ${MAX_QUANTITY}`,
    })

/**
 * One of a fixed list of values. A refinement rather than z.enum: Medusa rewrites an enum's
 * message (and, for a value given once where a list may be, calls the field missing).
 */
export const oneOf = <const T extends readonly string[]>(what: string, values: T, message = `${what} must be one of ${values.join(", ")}`) =>
  z
    .string({ error: message })
    .refine((value) => (values as readonly string[]).includes(value), { message })
    .transform((value) => value as T[number])

/** true or false; a custom check, since Medusa rewrites a boolean schema's own message into a type name. */
export const trueOrFalse = (what: string) =>
  z.custom<boolean>((value) => typeof value === "boolean", { message: `${what} must be true or false` })

/** Text that must not be empty once trimmed; a refinement, as Medusa rewrites .min()'s message. */
export const requiredText = (what: string, max: number, message = `${what} cannot be empty`) =>
  boundedText(what, max)
    .trim()
    .refine((value) => value.length > 0, { message })

/** Free text with a visible limit. */
export const boundedText = (what: string, max: number) =>
  z.string({ error: `${what} must be text` }).max(max, `${what} is too long (at most ${max} characters)`)

/** Text a merchant may clear: trimmed, and empty or null clears it (null). */
export const clearableText = (what: string, max: number) =>
  boundedText(what, max)
    .trim()
    .transform((text) => text || null)
    .nullable()
    .optional()

/** Dates outside these years are typing mistakes (and some are beyond what PostgreSQL stores). */
const EARLIEST_YEAR = 1900
const LATEST_YEAR = 2200

/** A calendar date (YYYY-MM-DD) or an ISO date-time between 1900 and 2200; anything else is refused. */
export const isoDate = (what: string) =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: `${what} must be a date like 2027-03-31 or an ISO date-time`,
    })
    .transform((value) => new Date(value))
    .refine((date) => date.getUTCFullYear() >= EARLIEST_YEAR && date.getUTCFullYear() <= LATEST_YEAR, {
      message: `${what} must be between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`,
    })

/** How far ahead of the server's clock a past event may be dated (time zones, a clock off by a little). */
const FUTURE_TOLERANCE_MS = 36 * 60 * 60 * 1000

/** A date of something that has happened (a receipt, a manufacture): not later than tomorrow. */
export const pastDate = (what: string) =>
  isoDate(what).refine((date) => date.getTime() <= Date.now() + FUTURE_TOLERANCE_MS, {
    message: `${what} cannot be in the future`,
  })

const MAX_METADATA_BYTES = 16_384

/** Free-form key-value data, at most 16 KB as JSON (its depth is limited for every route by the input guard). */
export const metadataSchema = (what: string) =>
  z
    .record(z.string(), z.unknown(), { error: `${what} must be an object of keys and values` })
    .refine((value) => JSON.stringify(value).length <= MAX_METADATA_BYTES, {
      message: `${what} is too large (at most ${MAX_METADATA_BYTES / 1024} KB as JSON)`,
    })

// Always read as a list, so a wrong value is answered with its own message ("status must be one
// of ..."), not with the alternative's ("expected an array").
export const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(schema).max(100, "at most 100 values"))
