export const defaultAdminLotFields = [
  "id",
  "lot_number",
  "inventory_item_id",
  "status",
  "manufactured_at",
  "expires_at",
  "best_before_at",
  "received_at",
  "supplier",
  "supplier_lot_number",
  "supplier_id",
  "supplier_details",
  "exempt_source",
  "tlc_assigned_by",
  "receipt_document_type",
  "receipt_document_number",
  "notes",
  "metadata",
  "created_at",
  "updated_at",
  "stock.id",
  "stock.location_id",
  "stock.quantity",
  "stock.allocated_quantity",
  "stock.quarantined_quantity",
]

export const retrieveLotTransformQueryConfig = {
  defaults: defaultAdminLotFields,
  isList: false,
}

export const listLotTransformQueryConfig = {
  ...retrieveLotTransformQueryConfig,
  defaultLimit: 50,
  isList: true,
}
