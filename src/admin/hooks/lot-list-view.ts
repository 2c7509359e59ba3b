import { useCallback, useMemo } from "react"
import { useSearchParams } from "react-router-dom"
import { readLotListView, writeLotListView, type LotListView } from "../lib/lot-list-view"

/**
 * The Lots page's search, filters, sort and page, kept in the address. Changes replace the entry
 * rather than add one, so Back leaves the page — and returns to it as it was. Any change but the
 * page's starts again at the first page.
 */
export function useLotListView() {
  const [params, setParams] = useSearchParams()
  const view = useMemo(() => readLotListView(params), [params])
  const setView = useCallback(
    (change: Partial<LotListView>) => setParams(writeLotListView({ ...view, page: 0, ...change }), { replace: true }),
    [view, setParams]
  )
  return { view, setView }
}
