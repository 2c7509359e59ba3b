import { z } from "@medusajs/framework/zod"
import {
  countryCodeProblem,
  ffrnProblem,
  glnProblem,
  phoneProblem,
  supplierUrlProblem,
} from "../../../modules/lot/domain/lot-supplier"
import { boundedText, metadataSchema, requiredText } from "../../utils/validators"

/** Text checked by one of the supplier rules; its message names the field and what is expected. */
const ruled = (what: string, max: number, problem: (value: string) => string | null, normalize = (v: string) => v.trim()) =>
  boundedText(what, max)
    .transform(normalize)
    .superRefine((value, ctx) => {
      const found = problem(value)
      if (found) {
        ctx.addIssue({ code: "custom", message: found })
      }
    })

// Identifiers are read the way people copy them from documents: spaces (and dashes in an FFRN) dropped.
const digitsOnly = (separators: RegExp) => (value: string) => value.replace(separators, "")

const optionalText = (what: string, max: number) => boundedText(what, max).trim().nullable().optional()

const SupplierFields = {
  address_1: optionalText("address_1", 200),
  address_2: optionalText("address_2", 200),
  city: optionalText("city", 100),
  province: optionalText("province", 100),
  postal_code: optionalText("postal_code", 20),
  country_code: ruled("country_code", 2, countryCodeProblem, (v) => v.trim().toLowerCase()).nullable().optional(),
  phone: ruled("phone", 40, phoneProblem).nullable().optional(),
  gln: ruled("gln", 20, glnProblem, digitsOnly(/\s/g)).nullable().optional(),
  ffrn: ruled("ffrn", 20, ffrnProblem, digitsOnly(/[\s-]/g)).nullable().optional(),
  url: ruled("url", 500, supplierUrlProblem).nullable().optional(),
  metadata: metadataSchema("metadata").nullable().optional(),
}

const name = requiredText("name", 200, "name is required: the supplier's business name")

/** POST /admin/lot-suppliers: a supplier, its name required. */
export const AdminCreateLotSupplier = z.object({ name, ...SupplierFields }).strict()
export type AdminCreateLotSupplierType = z.infer<typeof AdminCreateLotSupplier>

/** POST /admin/lot-suppliers/:id: the fields to change; null clears an optional one. */
export const AdminUpdateLotSupplier = z.object({ name: name.optional(), ...SupplierFields }).strict()
export type AdminUpdateLotSupplierType = z.infer<typeof AdminUpdateLotSupplier>

/** GET /admin/lot-suppliers: search (name, city, GLN, FFRN) and page, ordered by name. */
export const AdminListLotSuppliersParams = z
  .object({
    q: boundedText("q", 200).trim().optional(),
    offset: z.coerce.number({ error: "offset must be a number" }).int("offset must be a whole number").min(0, "offset cannot be negative").default(0),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be at least 1")
      .max(200, "limit must be at most 200")
      .default(50),
  })
  .strict()
export type AdminListLotSuppliersParamsType = z.infer<typeof AdminListLotSuppliersParams>
