import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** Two stock locations and lot-tracked / untracked inventory items, made through Medusa's modules. */
export async function createWarehouse(container: MedusaContainer) {
  const locations = await container.resolve(Modules.STOCK_LOCATION).createStockLocations([
    { name: "Main warehouse" },
    { name: "Cold store" },
  ])
  const inventory = container.resolve(Modules.INVENTORY)
  const [yogurt, cola] = await inventory.createInventoryItems([
    { sku: "YOG-500", title: "Greek yogurt 500 g" },
    { sku: "COLA-330", title: "Cola 330 ml" },
  ])
  return { main: locations[0], cold: locations[1], yogurt, cola }
}

export async function stockedQuantity(container: MedusaContainer, inventoryItemId: string, locationId: string) {
  const [level] = await container
    .resolve(Modules.INVENTORY)
    .listInventoryLevels({ inventory_item_id: inventoryItemId, location_id: locationId })
  return level ? Number(level.stocked_quantity) : null
}

/** Medusa's own view of a level: what checkout may still sell at the location. */
export async function levelQuantities(container: MedusaContainer, inventoryItemId: string, locationId: string) {
  const [level] = await container
    .resolve(Modules.INVENTORY)
    .listInventoryLevels({ inventory_item_id: inventoryItemId, location_id: locationId })
  return {
    stocked: Number(level.stocked_quantity),
    reserved: Number(level.reserved_quantity),
    available: Number(level.stocked_quantity) - Number(level.reserved_quantity),
  }
}
