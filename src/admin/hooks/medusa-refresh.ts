import { useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query"
import { useEffect } from "react"
import { pluginKeysAfterMedusaChange } from "../lib/medusa-refresh"

/** Clients already followed: the subscription lives as long as Medusa's client (the whole admin). */
const followed = new WeakSet<QueryClient>()

/**
 * Listens to the query cache for Medusa's own invalidations (they happen in its mutations'
 * onSuccess, e.g. after "Create fulfillment") and invalidates the plugin queries that show the
 * same data. The subscription stays after the view unmounts, so plugin caches of other pages are
 * marked stale too and refetch when opened instead of showing data up to Medusa's 90 s stale time.
 */
function follow(queryClient: QueryClient) {
  const pending = new Map<string, QueryKey>()
  let scheduled = false
  const flush = () => {
    scheduled = false
    const keys = [...pending.values()]
    pending.clear()
    for (const queryKey of keys) queryClient.invalidateQueries({ queryKey })
  }
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== "updated" || event.action.type !== "invalidate") return
    for (const key of pluginKeysAfterMedusaChange(event.query.queryKey)) pending.set(JSON.stringify(key), key)
    // One Medusa mutation invalidates many queries at once; refetch the plugin's once for all.
    if (pending.size && !scheduled) {
      scheduled = true
      setTimeout(flush, 0)
    }
  })
}

/** Call in every plugin view (widget or page): its data then follows Medusa's own actions. */
export function useFollowMedusaChanges() {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (followed.has(queryClient)) return
    followed.add(queryClient)
    follow(queryClient)
  }, [queryClient])
}
