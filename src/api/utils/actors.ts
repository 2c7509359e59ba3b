import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** Who did something, as the admin shows it. */
export type AdminActor = { id: string; email: string | null; name: string | null }

/**
 * Each row with the admin user its `actor_id` names (one user lookup for all of them). An id no
 * user has any more (a deleted user, an API key) is still shown as itself.
 */
export async function withActors<T extends { actor_id?: string | null }>(scope: MedusaContainer, rows: T[]): Promise<(T & { actor: AdminActor | null })[]> {
  const actorIds = [...new Set(rows.map((r) => r.actor_id).filter((id): id is string => !!id))]
  const users = actorIds.length
    ? await scope.resolve(Modules.USER).listUsers({ id: actorIds }, { select: ["id", "email", "first_name", "last_name"] })
    : []
  const actors = new Map(
    users.map((u): [string, AdminActor] => [u.id, { id: u.id, email: u.email ?? null, name: [u.first_name, u.last_name].filter(Boolean).join(" ") || null }])
  )
  return rows.map((r) => ({ ...r, actor: r.actor_id ? (actors.get(r.actor_id) ?? { id: r.actor_id, email: null, name: null }) : null }))
}
