import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminLotSupplierDeleteResponse,
  AdminLotSupplierListResponse,
  AdminLotSupplierResponse,
} from "../../api/admin/lot-suppliers/types"
import { sdk } from "../lib/sdk"
import type { CreateLotSupplierBody, LotSupplierListQuery, Serialized } from "../types"
import { showError } from "./lots"
import { lotQueryKeys } from "./query-keys"

/** GET /admin/lot-suppliers — one page of suppliers by name, searched by name, city, GLN or FFRN. */
export const useLotSuppliers = (query: LotSupplierListQuery, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: lotQueryKeys.supplierList(query),
    queryFn: () => sdk.client.fetch<Serialized<AdminLotSupplierListResponse>>("/admin/lot-suppliers", { query }),
    placeholderData: (previous) => previous,
    ...options,
  })

/** POST /admin/lot-suppliers — add a supplier. */
export const useCreateLotSupplier = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateLotSupplierBody) =>
      sdk.client.fetch<Serialized<AdminLotSupplierResponse>>("/admin/lot-suppliers", { method: "POST", body }),
    onSuccess: ({ lot_supplier }) => {
      queryClient.invalidateQueries({ queryKey: lotQueryKeys.suppliers() })
      toast.success(`Supplier ${lot_supplier.name} added`)
    },
    onError: showError("The supplier was not added"),
  })
}

/** DELETE /admin/lot-suppliers/:id — retire a supplier (its lots keep their copy of its details). */
export const useDeleteLotSupplier = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<Serialized<AdminLotSupplierDeleteResponse>>(`/admin/lot-suppliers/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: lotQueryKeys.suppliers() })
      toast.success("Supplier deleted", { description: "Lots received from it keep its details." })
    },
    onError: showError("The supplier was not deleted"),
  })
}
