#!/usr/bin/env node
// npm run test:e2e — the admin extensions in a real browser (e2e/admin.e2e.mjs), on a fresh
// embedded PostgreSQL (port 54421, data in a temp dir outside the project) seeded with the demo
// store. After the server and database have stopped, the main screenshots are copied into
// docs/screenshots/. Exit code: the test's.
//
// Needs Chromium at /usr/bin/chromium (apt-get install -y chromium) or CHROMIUM_PATH.
// E2E_KEEP_DB=1 reuses the previous run's database (faster; the seed is idempotent).
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const tmp = process.env.E2E_TMP || path.join(os.tmpdir(), "lots-e2e")
const pgDir = process.env.E2E_PG_DIR || path.join(tmp, "pg")
const shotsDir = path.join(tmp, "shots")
const SCREENSHOTS = [
  "inventory-item-lots.png",
  "order-lots.png",
  "lots-page.png",
  "lot-detail.png",
  "expiry-page.png",
  "lot-trace.png",
  "recalls-page.png",
  "recall-customers.png",
  "recall-progress.png",
  "mock-recall.png",
  "integrity-page.png",
  "picking-phone.png",
  "order-pick-phone.png",
  "lot-release-phone.png",
]
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

if (!fs.existsSync(chromium)) {
  console.error(`[test:e2e] ${chromium} not found. Install it: apt-get update && apt-get install -y chromium`)
  process.exit(1)
}
if (!process.env.E2E_KEEP_DB) fs.rmSync(pgDir, { recursive: true, force: true })
fs.mkdirSync(tmp, { recursive: true })

const started = Date.now()
// with-db.mjs joins EMBEDDED_PG_DIR onto the project root, so hand it a path relative to it.
const env = {
  ...process.env,
  E2E_TMP: tmp,
  EMBEDDED_PG_PORT: process.env.EMBEDDED_PG_PORT || "54421",
  EMBEDDED_PG_DIR: path.relative(root, pgDir),
}
const child = spawn(
  process.execPath,
  [path.join(root, "scripts/with-db.mjs"), "--profile", "demo", "--", process.execPath, path.join(root, "e2e/admin.e2e.mjs")],
  { cwd: root, env, stdio: "inherit" }
)
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal))

child.on("exit", (code, signal) => {
  const status = code ?? (signal ? 1 : 0)
  if (status === 0) {
    const target = path.join(root, "docs/screenshots")
    fs.mkdirSync(target, { recursive: true })
    for (const name of SCREENSHOTS) fs.copyFileSync(path.join(shotsDir, name), path.join(target, name))
    console.log(`[test:e2e] screenshots copied to docs/screenshots/ (${SCREENSHOTS.join(", ")})`)
  }
  console.log(`[test:e2e] ${status === 0 ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  process.exit(status)
})
