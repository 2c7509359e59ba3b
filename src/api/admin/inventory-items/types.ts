import type { InferTypeOf } from "@medusajs/framework/types"
import type { UntrackedStockAssignment } from "../../../modules/lot"
import type { ItemLocationStock } from "../../../modules/lot/domain/untracked-stock"
import type { LotPolicy } from "../../../modules/lot/models"
import type { ItemLotSummary } from "../../../modules/lot/sql/item-stock-sql"
import type { AdminLot } from "../lots/types"

// Responses of /admin/inventory-items/:id/*, as the handlers send them (the admin reads dates as ISO strings).

/** An item's lot policy; `id` is null for an item that never had one (shown untracked, with the defaults). */
export type AdminLotPolicy = Omit<
  InferTypeOf<typeof LotPolicy>,
  "id" | "created_at" | "updated_at" | "deleted_at"
> & { id: string | null }

export type AdminLotPolicyResponse = { lot_policy: AdminLotPolicy; default_lot_number_template: string }

export type AdminItemLotSummary = ItemLotSummary & { inventory_item_id: string; locations: ItemLocationStock[] }
export type AdminItemLotSummaryResponse = { lot_summary: AdminItemLotSummary }

export type AdminAssignUntrackedStockResponse = { lot: AdminLot; assignment: UntrackedStockAssignment }
