import { CheckCircleSolid, Minus, Plus, XMark } from "@medusajs/icons"
import { Badge, Button, clx, IconButton, Text } from "@medusajs/ui"
import { formatDay } from "../../lib/format"
import { lineProgressText, pickedOf, restOf, type Pick, type PickLine } from "../../lib/picking"
import { ProgressBar } from "./progress-bar"

/**
 * One line of the pick: what it is and where (bin, SKU), "2 of 3 picked", the lots to take in
 * strategy order (the first is the FEFO lot), what was taken from which lot — each editable —
 * and for a line without lots a plain "Picked" confirm. Tapping it makes it the line the next
 * scan's quantity is for.
 */
export const PickLineCard = ({
  line,
  picks,
  active,
  plainUnits,
  onSelect,
  onConfirmPlain,
  onChangePick,
}: {
  line: PickLine
  picks: Pick[]
  active: boolean
  /** Units the plain confirm takes (the set quantity on the active line, else the rest). */
  plainUnits: number
  onSelect: () => void
  onConfirmPlain: () => void
  onChangePick: (pick: Pick, units: number) => void
}) => {
  const rest = restOf(line, picks)
  const done = rest === 0
  const own = picks.filter((p) => p.line_item_id === line.line_item_id)
  const where = [line.bin && `Bin ${line.bin}`, line.sku && `SKU ${line.sku}`].filter(Boolean).join(" · ")

  return (
    <li
      className={clx("flex flex-col gap-y-3 px-4 py-4 sm:px-6", active && "bg-ui-bg-highlight", done && "bg-ui-bg-subtle")}
      onClick={onSelect}
      data-testid="pick-line"
      data-line-id={line.line_item_id}
      data-sku={line.sku ?? ""}
      data-active={active}
      data-done={done}
    >
      <div className="flex items-start gap-x-3">
        {line.thumbnail ? (
          <img src={line.thumbnail} alt="" className="border-ui-border-base h-12 w-12 shrink-0 rounded-md border object-cover" />
        ) : null}
        <div className="flex min-w-0 flex-1 flex-col">
          <Text weight="plus" className="break-words">
            {line.title}
            {line.variant_title ? <span className="text-ui-fg-subtle font-normal"> · {line.variant_title}</span> : null}
          </Text>
          {where && (
            <Text size="small" className="text-ui-fg-subtle break-words">
              {where}
            </Text>
          )}
        </div>
        <div className="flex shrink-0 flex-col items-end gap-y-1">
          <Text size="small" weight="plus" data-testid="pick-line-progress" className="whitespace-nowrap">
            {done && <CheckCircleSolid className="text-ui-tag-green-icon mr-1 inline align-[-4px]" />}
            {lineProgressText(line, picks)}
          </Text>
          {!line.tracked && <Badge size="2xsmall">No lots</Badge>}
        </div>
      </div>
      <ProgressBar value={pickedOf(picks, line.line_item_id)} max={line.quantity} />

      {line.tracked && !done && (
        <ul className="flex flex-col gap-y-1" data-testid="pick-line-lots">
          {line.lots.length ? (
            line.lots.map((lot, index) => (
              <li key={lot.lot_id} className="flex flex-wrap items-baseline gap-x-2" data-lot-number={lot.lot_number}>
                <Text size="small" className="text-ui-fg-subtle">
                  {index === 0 ? "Take lot" : "or lot"}
                </Text>
                <Text size="small" weight="plus" className="min-w-0 font-mono break-words">
                  {lot.lot_number}
                </Text>
                <Text size="small" className="text-ui-fg-subtle">
                  {lot.quantity} allocated{lot.expires_at ? ` · expires ${formatDay(lot.expires_at)}` : ""}
                </Text>
              </li>
            ))
          ) : (
            <Text size="small" className="text-ui-fg-error">
              No lot is allocated here: scan any eligible lot of this item.
            </Text>
          )}
        </ul>
      )}

      {own.length > 0 && (
        <ul className="flex flex-col gap-y-2" data-testid="pick-line-picks">
          {own.map((pick) => (
            <li key={pick.lot_id ?? "plain"} className="flex items-center gap-x-2" data-testid="pick-row" data-lot-number={pick.lot_number ?? ""}>
              <Text size="small" className="min-w-0 flex-1 break-words">
                {pick.lot_number ? (
                  <>
                    Lot <span className="font-mono font-medium">{pick.lot_number}</span>
                  </>
                ) : (
                  "Picked"
                )}
              </Text>
              <IconButton size="large" aria-label={`One fewer from ${pick.lot_number ?? "this line"}`} onClick={() => onChangePick(pick, pick.quantity - 1)}>
                <Minus />
              </IconButton>
              <Text weight="plus" className="w-8 text-center" data-testid="pick-row-quantity">
                {pick.quantity}
              </Text>
              <IconButton
                size="large"
                aria-label={`One more from ${pick.lot_number ?? "this line"}`}
                disabled={done}
                onClick={() => onChangePick(pick, pick.quantity + 1)}
              >
                <Plus />
              </IconButton>
              <IconButton size="large" variant="transparent" aria-label={`Remove ${pick.lot_number ?? "pick"}`} onClick={() => onChangePick(pick, 0)}>
                <XMark />
              </IconButton>
            </li>
          ))}
        </ul>
      )}

      {!line.tracked && !done && (
        <Button
          variant="secondary"
          size="large"
          className="h-12 w-full"
          data-testid="pick-line-confirm"
          onClick={(event) => {
            // Not also a tap on the line (which would reset the quantity set for it).
            event.stopPropagation()
            onConfirmPlain()
          }}
        >
          Confirm {plainUnits} picked
        </Button>
      )}
    </li>
  )
}
