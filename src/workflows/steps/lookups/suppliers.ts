import { MedusaError } from "@medusajs/framework/utils"
import type LotModuleService from "../../../modules/lot/service"

/** A live supplier by id; NOT_FOUND in a merchant's words when there is none (or it was deleted). */
export async function requireSupplier(lots: LotModuleService, supplierId: string) {
  const [supplier] = await lots.listLotSuppliers({ id: supplierId })
  return supplier ?? supplierNotFound(supplierId)
}

export function supplierNotFound(supplierId: string): never {
  throw new MedusaError(
    MedusaError.Types.NOT_FOUND,
    `Supplier with id: ${supplierId} was not found; it may have been deleted. Choose the supplier again from the list.`
  )
}

/** Refuses a GLN another live supplier already has (a GLN names one location). */
export async function refuseTakenGln(lots: LotModuleService, gln: string | null | undefined, exceptId?: string): Promise<void> {
  if (!gln) {
    return
  }
  const [other] = await lots.listLotSuppliers({ gln })
  if (other && other.id !== exceptId) {
    throw new MedusaError(
      MedusaError.Types.DUPLICATE_ERROR,
      `Supplier ${other.name} (${other.id}) already has GLN ${gln}; a GLN names one location. Edit that supplier instead.`
    )
  }
}
