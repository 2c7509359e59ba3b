import { XMarkMini } from "@medusajs/icons"
import { Badge, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { useLots } from "../../hooks/lots"
import { errorMessage } from "../../lib/format"
import { LotStatusBadge } from "../common/lot-status-badge"

export type PickedLot = { id: string; lot_number: string }

const MATCHES = 8

/** Search lots by number (GET /admin/lots?q=) and collect the ones picked, shown as removable chips. */
export const LotPicker = ({
  id,
  value,
  onChange,
}: {
  id: string
  value: PickedLot[]
  onChange: (lots: PickedLot[]) => void
}) => {
  const [search, setSearch] = useState("")
  const q = search.trim()
  const { data, isFetching, error } = useLots({ q, limit: MATCHES, offset: 0, fields: "id,lot_number,status" }, { enabled: q.length > 0 })
  const picked = new Set(value.map((l) => l.id))
  const matches = q ? (data?.lots ?? []).filter((l) => !picked.has(l.id)) : []

  return (
    <div className="flex flex-col gap-y-2" data-testid={`${id}-picker`}>
      {value.length > 0 && (
        <div className="flex flex-wrap gap-2">
          {value.map((lot) => (
            <Badge key={lot.id} size="small" className="gap-x-1 font-mono" data-testid="picked-lot" data-lot-number={lot.lot_number}>
              {lot.lot_number}
              <button type="button" aria-label={`Remove lot ${lot.lot_number}`} onClick={() => onChange(value.filter((l) => l.id !== lot.id))}>
                <XMarkMini />
              </button>
            </Badge>
          ))}
        </div>
      )}
      <Input
        id={id}
        type="search"
        placeholder="Search by lot number"
        value={search}
        autoComplete="off"
        onChange={(e) => setSearch(e.target.value)}
      />
      {error ? (
        <Text size="small" className="text-ui-fg-error">
          {errorMessage(error)}
        </Text>
      ) : q && !isFetching && matches.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          No other lot matches “{q}”.
        </Text>
      ) : (
        matches.length > 0 && (
          <ul className="shadow-borders-base divide-y rounded-lg" aria-label="Matching lots">
            {matches.map((lot) => (
              <li key={lot.id}>
                <button
                  type="button"
                  className="hover:bg-ui-bg-base-hover flex w-full items-center justify-between px-3 py-2 text-left"
                  onClick={() => {
                    onChange([...value, { id: lot.id, lot_number: lot.lot_number }])
                    setSearch("")
                  }}
                >
                  <span className="txt-compact-small-plus font-mono">{lot.lot_number}</span>
                  <LotStatusBadge status={lot.status} />
                </button>
              </li>
            ))}
          </ul>
        )
      )}
    </div>
  )
}
