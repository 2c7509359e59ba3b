import { model } from "@medusajs/framework/utils"

/**
 * A business that supplies lots (FSMA 204 master data): its name, physical address and phone
 * (the location description of 21 CFR 1.1310), and the references FDA can use instead of the
 * address (GS1 GLN, FDA Food Facility Registration Number, a web address). A receipt copies these
 * onto the lot, so a later edit or a deletion here never rewrites a past record.
 */
const LotSupplier = model
  .define("lot_supplier", {
    id: model.id({ prefix: "lotsup" }).primaryKey(),
    name: model.text().searchable(),
    address_1: model.text().nullable(),
    address_2: model.text().nullable(),
    city: model.text().searchable().nullable(),
    province: model.text().nullable(),
    postal_code: model.text().nullable(),
    country_code: model.text().nullable(),
    phone: model.text().nullable(),
    gln: model.text().searchable().nullable(),
    ffrn: model.text().searchable().nullable(),
    url: model.text().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_lot_supplier_name", on: ["name"], where: "deleted_at IS NULL" },
    // A GLN names one location: two live suppliers with the same one are a typing mistake.
    { name: "IDX_lot_supplier_gln_unique", on: ["gln"], unique: true, where: "deleted_at IS NULL AND gln IS NOT NULL" },
  ])

export default LotSupplier
