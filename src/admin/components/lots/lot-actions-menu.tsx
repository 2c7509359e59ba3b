import { ArrowUpDown, Adjustments, CheckCircle, DocumentText, EllipsisHorizontal, Pause, PencilSquare, SquaresPlus, XCircle } from "@medusajs/icons"
import { DropdownMenu, IconButton } from "@medusajs/ui"
import { useState } from "react"
import { useStockLocations } from "../../hooks/stock-locations"
import type { Lot, LotStatus } from "../../types"
import { AdjustLotDrawer } from "./adjust-lot-drawer"
import { EditLotDrawer } from "./edit-lot-drawer"
import { LabelPrintDrawer } from "./label-print-drawer"
import { SplitLotDrawer } from "./split-lot-drawer"
import { StatusChangeDrawer } from "./status-change-drawer"
import { TransferLotDrawer } from "./transfer-lot-drawer"

// Mirrors the server's status machine (src/modules/lot/domain/lot-status.ts); the server decides.
export const CAN_RELEASE: LotStatus[] = ["quarantine", "on_hold"]
export const CAN_HOLD: LotStatus[] = ["quarantine", "released"]
export const CAN_REJECT: LotStatus[] = ["quarantine", "released", "on_hold"]

/** The "…" button that opens a lot's menu, named for screen readers (and tests) by the lot. */
export const LotActionsTrigger = ({ lotNumber }: { lotNumber: string }) => (
  <DropdownMenu.Trigger asChild>
    <IconButton size="small" variant="transparent" aria-label={`Actions for lot ${lotNumber}`}>
      <EllipsisHorizontal />
    </IconButton>
  </DropdownMenu.Trigger>
)

type Dialog = "edit" | "release" | "hold" | "reject" | "adjust" | "transfer" | "split" | "label" | null

/** The "…" menu of a lot: edit its facts, hold, release, reject, adjust stock, transfer, split, print its label. */
export const LotActionsMenu = ({ lot }: { lot: Lot }) => {
  const [dialog, setDialog] = useState<Dialog>(null)
  const { locations, nameOf } = useStockLocations()

  const movable = lot.stock.some((s) => s.quantity - s.allocated_quantity > 0)
  const splittable = lot.stock.some((s) => s.quantity - s.allocated_quantity - s.quarantined_quantity > 0)
  const onOpenChange = (open: boolean) => !open && setDialog(null)

  // Stop clicks (also from the drawers, which React bubbles through portals) reaching a clickable row.
  return (
    <div onClick={(event) => event.stopPropagation()} className="flex justify-end">
      {/* Not modal: a modal menu that opens a drawer can leave the page unclickable (Radix). */}
      <DropdownMenu modal={false}>
        <LotActionsTrigger lotNumber={lot.lot_number} />
        <DropdownMenu.Content align="end">
          {/* Any status: a rejected, recalled or expired lot's facts may still be corrected. */}
          <DropdownMenu.Item onSelect={() => setDialog("edit")} className="gap-x-2">
            <PencilSquare className="text-ui-fg-subtle" />
            Edit
          </DropdownMenu.Item>
          <DropdownMenu.Separator />
          <DropdownMenu.Item disabled={!CAN_RELEASE.includes(lot.status)} onSelect={() => setDialog("release")} className="gap-x-2">
            <CheckCircle className="text-ui-fg-subtle" />
            Release
          </DropdownMenu.Item>
          <DropdownMenu.Item disabled={!CAN_HOLD.includes(lot.status)} onSelect={() => setDialog("hold")} className="gap-x-2">
            <Pause className="text-ui-fg-subtle" />
            Put on hold
          </DropdownMenu.Item>
          <DropdownMenu.Item disabled={!CAN_REJECT.includes(lot.status)} onSelect={() => setDialog("reject")} className="gap-x-2">
            <XCircle className="text-ui-fg-subtle" />
            Reject
          </DropdownMenu.Item>
          <DropdownMenu.Separator />
          <DropdownMenu.Item disabled={!lot.stock.length} onSelect={() => setDialog("adjust")} className="gap-x-2">
            <Adjustments className="text-ui-fg-subtle" />
            Adjust stock
          </DropdownMenu.Item>
          <DropdownMenu.Item disabled={!movable || locations.length < 2} onSelect={() => setDialog("transfer")} className="gap-x-2">
            <ArrowUpDown className="text-ui-fg-subtle" />
            Transfer
          </DropdownMenu.Item>
          <DropdownMenu.Item disabled={!splittable} onSelect={() => setDialog("split")} className="gap-x-2">
            <SquaresPlus className="text-ui-fg-subtle" />
            Split into new lots
          </DropdownMenu.Item>
          <DropdownMenu.Separator />
          <DropdownMenu.Item onSelect={() => setDialog("label")} className="gap-x-2">
            <DocumentText className="text-ui-fg-subtle" />
            Print label
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu>
      <EditLotDrawer lot={lot} open={dialog === "edit"} onOpenChange={onOpenChange} />
      <StatusChangeDrawer action="release" lot={lot} open={dialog === "release"} onOpenChange={onOpenChange} />
      <StatusChangeDrawer action="hold" lot={lot} open={dialog === "hold"} onOpenChange={onOpenChange} />
      <StatusChangeDrawer action="reject" lot={lot} open={dialog === "reject"} onOpenChange={onOpenChange} />
      <AdjustLotDrawer lot={lot} nameOf={nameOf} open={dialog === "adjust"} onOpenChange={onOpenChange} />
      <LabelPrintDrawer lots={[lot]} open={dialog === "label"} onOpenChange={onOpenChange} />
      <SplitLotDrawer lot={lot} nameOf={nameOf} open={dialog === "split"} onOpenChange={onOpenChange} />
      <TransferLotDrawer
        lot={lot}
        locations={locations}
        nameOf={nameOf}
        open={dialog === "transfer"}
        onOpenChange={onOpenChange}
      />
    </div>
  )
}
