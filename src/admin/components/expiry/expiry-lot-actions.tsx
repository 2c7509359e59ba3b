import { Adjustments, ArrowUpDown, Pause } from "@medusajs/icons"
import { DropdownMenu } from "@medusajs/ui"
import { useState } from "react"
import type { ExpiringLot } from "../../hooks/expiry"
import { useStockLocations } from "../../hooks/stock-locations"
import { AdjustLotDrawer } from "../lots/adjust-lot-drawer"
import { CAN_HOLD, LotActionsTrigger } from "../lots/lot-actions-menu"
import { StatusChangeDrawer } from "../lots/status-change-drawer"
import { TransferLotDrawer } from "../lots/transfer-lot-drawer"

type Dialog = "hold" | "transfer" | "write-off" | null

/**
 * What a merchant does with a lot about to expire, from its row on the Expiry page: hold it, move
 * it where it will sell in time, or write it off. The lot page has every other action.
 */
export const ExpiryLotActions = ({ lot }: { lot: ExpiringLot }) => {
  const [dialog, setDialog] = useState<Dialog>(null)
  const { locations, nameOf } = useStockLocations()
  const movable = lot.stock.some((s) => s.quantity - s.allocated_quantity > 0)
  const onOpenChange = (open: boolean) => !open && setDialog(null)

  // Clicks (also from the drawers, which React bubbles through portals) must not open the row's lot.
  return (
    <div onClick={(event) => event.stopPropagation()} className="flex justify-end">
      <DropdownMenu modal={false}>
        <LotActionsTrigger lotNumber={lot.lot_number} />
        <DropdownMenu.Content align="end">
          <DropdownMenu.Item disabled={!CAN_HOLD.includes(lot.status)} onSelect={() => setDialog("hold")} className="gap-x-2">
            <Pause className="text-ui-fg-subtle" />
            Put on hold
          </DropdownMenu.Item>
          <DropdownMenu.Item disabled={!movable || locations.length < 2} onSelect={() => setDialog("transfer")} className="gap-x-2">
            <ArrowUpDown className="text-ui-fg-subtle" />
            Transfer
          </DropdownMenu.Item>
          <DropdownMenu.Item disabled={!lot.stock.length} onSelect={() => setDialog("write-off")} className="gap-x-2">
            <Adjustments className="text-ui-fg-subtle" />
            Write off
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu>
      <StatusChangeDrawer action="hold" lot={lot} open={dialog === "hold"} onOpenChange={onOpenChange} />
      <TransferLotDrawer lot={lot} locations={locations} nameOf={nameOf} open={dialog === "transfer"} onOpenChange={onOpenChange} />
      <AdjustLotDrawer lot={lot} nameOf={nameOf} reason="scrap" open={dialog === "write-off"} onOpenChange={onOpenChange} />
    </div>
  )
}
