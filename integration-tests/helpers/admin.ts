import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

type Api = { post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: any }> }

/**
 * Registers an admin through the real emailpass provider and logs in over HTTP, returning the
 * headers that authorize /admin requests.
 */
export async function loginAsAdmin(api: Api, container: MedusaContainer, email = "admin@lots.test") {
  const password = "supersecret-password"
  const auth = container.resolve(Modules.AUTH)
  const users = container.resolve(Modules.USER)
  const user = await users.createUsers({ email, first_name: "Quality", last_name: "Lead" })
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
  if (error || !authIdentity) {
    throw new Error(`admin registration failed: ${error}`)
  }
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return { user, headers: { authorization: `Bearer ${data.token}` } }
}
