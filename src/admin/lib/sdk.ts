import Medusa from "@medusajs/js-sdk"

/**
 * The backend the dashboard talks to. Medusa's admin bundler defines `__BACKEND_URL__` (the
 * dashboard's own setting) in every admin build; the `typeof` guard keeps this module safe where
 * it is not defined, falling back to the same origin the admin is served from.
 */
const backendUrl = typeof __BACKEND_URL__ === "string" && __BACKEND_URL__ ? __BACKEND_URL__ : "/"

/** JS SDK client that uses the admin's session cookie (the user is already logged in). */
export const sdk = new Medusa({
  baseUrl: backendUrl,
  debug: false,
  auth: { type: "session" },
})
