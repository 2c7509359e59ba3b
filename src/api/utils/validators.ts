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

/** Free text with a visible limit. */
export const boundedText = (what: string, max: number) =>
  z.string({ error: `${what} must be text` }).max(max, `${what} is too long (at most ${max} characters)`)

/** A calendar date (YYYY-MM-DD) or an ISO date-time; anything else is refused. */
export const isoDate = (what: string) =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: `${what} must be a date like 2027-03-31 or an ISO date-time`,
    })
    .transform((value) => new Date(value))

export const metadataSchema = z.record(z.string(), z.unknown())

/** A filter given once or repeated in the query string (`?status=a&status=b`), at most 100 values. */
export const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).max(100)])
