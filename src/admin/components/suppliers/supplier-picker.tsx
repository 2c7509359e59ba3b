import { XMarkMini } from "@medusajs/icons"
import { Badge, Button, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { useCreateLotSupplier, useLotSuppliers } from "../../hooks/lot-suppliers"
import { errorMessage } from "../../lib/format"
import type { LotSupplier } from "../../types"

export type PickedSupplier = Pick<LotSupplier, "id" | "name">

const MATCHES = 8

/**
 * Search suppliers by name, city, GLN or FDA number (GET /admin/lot-suppliers?q=) and pick one;
 * a name with no match can be added on the spot (details follow on the Suppliers page).
 */
export const SupplierPicker = ({
  id,
  value,
  onChange,
}: {
  id: string
  value: PickedSupplier | null
  onChange: (supplier: PickedSupplier | null) => void
}) => {
  const [search, setSearch] = useState("")
  const q = search.trim()
  const { data, isFetching, error } = useLotSuppliers({ q, limit: MATCHES, offset: 0 }, { enabled: q.length > 0 && !value })
  const create = useCreateLotSupplier()
  const matches = q ? (data?.lot_suppliers ?? []) : []

  if (value) {
    return (
      <div data-testid={`${id}-picked`}>
        <Badge size="small" className="gap-x-1">
          {value.name}
          <button type="button" aria-label={`Remove supplier ${value.name}`} onClick={() => onChange(null)}>
            <XMarkMini />
          </button>
        </Badge>
      </div>
    )
  }
  const addNew = async () => {
    const { lot_supplier } = await create.mutateAsync({ name: q })
    onChange({ id: lot_supplier.id, name: lot_supplier.name })
    setSearch("")
  }
  return (
    <div className="flex flex-col gap-y-2" data-testid={`${id}-picker`}>
      <Input id={id} type="search" placeholder="Search suppliers" value={search} autoComplete="off" onChange={(e) => setSearch(e.target.value)} />
      {error ? (
        <Text size="small" className="text-ui-fg-error">
          {errorMessage(error)}
        </Text>
      ) : (
        q &&
        !isFetching && (
          <ul className="shadow-borders-base divide-y rounded-lg" aria-label="Matching suppliers">
            {matches.map((supplier) => (
              <li key={supplier.id}>
                <button
                  type="button"
                  className="hover:bg-ui-bg-base-hover flex w-full items-center justify-between px-3 py-2 text-left"
                  onClick={() => {
                    onChange({ id: supplier.id, name: supplier.name })
                    setSearch("")
                  }}
                >
                  <span className="txt-compact-small-plus">{supplier.name}</span>
                  <span className="txt-compact-small text-ui-fg-subtle">{[supplier.city, supplier.country_code?.toUpperCase()].filter(Boolean).join(", ")}</span>
                </button>
              </li>
            ))}
            <li className="px-3 py-2">
              <Button type="button" size="small" variant="transparent" onClick={addNew} isLoading={create.isPending}>
                Add “{q}” as a new supplier
              </Button>
            </li>
          </ul>
        )
      )}
    </div>
  )
}
