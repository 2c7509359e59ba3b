// The demo's admin login: scripts/demo.mjs creates it, the demo scripts print it.
export const ADMIN_EMAIL = "admin@medusa-lots.test"
export const ADMIN_PASSWORD = "lots-demo-2026"
