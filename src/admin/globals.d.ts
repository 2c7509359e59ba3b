/**
 * Replaced at build time by Medusa's admin bundler (its Vite `define`) with the backend URL the
 * dashboard itself talks to: "/" when the admin is served by the Medusa server, or the
 * `admin.backendUrl` of medusa-config when the admin is hosted on its own.
 */
declare const __BACKEND_URL__: string | undefined
