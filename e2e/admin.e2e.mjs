#!/usr/bin/env node
// Real-browser e2e test of the lot-tracking admin extensions.
//
// Runs inside scripts/with-db.mjs (DATABASE_URL set): prepares the demo database and a production
// build of the app in parallel, serves it with `medusa start` on a free port, drives headless
// Chromium through e2e/admin-flow.mjs, e2e/lots-page-flow.mjs, e2e/recall-flow.mjs, e2e/expiry-flow.mjs,
// e2e/integrity-flow.mjs, e2e/phone-flow.mjs, e2e/picking-flow.mjs, e2e/refresh-flow.mjs and
// e2e/lot-edit-flow.mjs, then stops everything. Nothing is written into the project: build, logs and screenshots live under
// E2E_TMP (default /tmp/lots-e2e).
// Use `npm run test:e2e` (scripts/test-e2e.mjs), which also starts a fresh embedded PostgreSQL
// and copies the screenshots into docs/screenshots afterwards.
//
// E2E_BASE_URL=http://localhost:9000 runs only the browser part against a server you run (seeded
// with the demo store); E2E_CONSOLE=1 prints the browser's console errors and failed requests.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { adminFlow } from "./admin-flow.mjs"
import { expiryFlow } from "./expiry-flow.mjs"
import { integrityFlow } from "./integrity-flow.mjs"
import { lotEditFlow } from "./lot-edit-flow.mjs"
import { lotsPageFlow } from "./lots-page-flow.mjs"
import { phoneFlow } from "./phone-flow.mjs"
import { pickingFlow } from "./picking-flow.mjs"
import { recallFlow } from "./recall-flow.mjs"
import { refreshFlow } from "./refresh-flow.mjs"
import { buildApp, prepareDatabase, startServer } from "./support/app.mjs"
import { launch } from "./support/browser.mjs"
import { stopAll } from "./support/processes.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const tmp = process.env.E2E_TMP || "/tmp/lots-e2e"
const shotsDir = process.env.E2E_SHOTS_DIR || path.join(tmp, "shots")
const logDir = path.join(tmp, "logs")
const appDir = path.join(tmp, "app")
const TOTAL_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 8 * 60_000)

const started = Date.now()
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
const log = (message) => console.log(`[e2e ${elapsed()}] ${message}`)

let server = null
let ui = null
let finishing = false

async function cleanup() {
  await ui?.close().catch(() => {})
  await server?.stop().catch(() => {})
  await stopAll()
}

async function finish(code, error) {
  if (finishing) return
  finishing = true
  if (error) {
    // The message first (steps prefix it with their name), then where it came from.
    const where = String(error.stack || "").split("\n").filter((line) => /^\s+at /.test(line)).slice(0, 4).join("\n")
    console.error(`\n[e2e] FAILED: ${error.message || error}\n${where}\n    logs: ${logDir}`)
  }
  await cleanup()
  log(code === 0 ? "PASSED" : "FAILED")
  process.exit(code)
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => finish(1, new Error(`${signal} received`)))
}
const watchdog = setTimeout(() => finish(1, new Error(`the e2e run took longer than ${TOTAL_TIMEOUT_MS / 1000} s`)), TOTAL_TIMEOUT_MS)
watchdog.unref()

async function main() {
  fs.rmSync(shotsDir, { recursive: true, force: true })
  fs.mkdirSync(shotsDir, { recursive: true })
  fs.mkdirSync(logDir, { recursive: true })
  for (const f of fs.readdirSync(logDir)) fs.rmSync(path.join(logDir, f), { force: true })

  let baseUrl = process.env.E2E_BASE_URL
  if (!baseUrl) {
    if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set: run through scripts/test-e2e.mjs (npm run test:e2e)")
    log(`preparing the demo database and building the app (in ${appDir}) in parallel...`)
    await Promise.all([
      prepareDatabase({ root, logDir }).then((seconds) => log(`database ready (${seconds.toFixed(1)} s)`)),
      buildApp({ root, appDir, logDir }).then((seconds) => log(`app built (${seconds.toFixed(1)} s)`)),
    ])
    server = await startServer({ root, appDir, logDir, preferredPort: Number(process.env.E2E_PORT || 9310) })
    baseUrl = server.baseUrl
    log(`server up at ${baseUrl}`)
  }

  ui = await launch({ shotsDir })
  const shots = { save: (name) => ui.shot(name) }
  log("browser flow:")
  const { lotNumber } = await adminFlow({ baseUrl, ui, shots })
  await lotsPageFlow({ baseUrl, ui, shots })
  await recallFlow({ baseUrl, ui, shots })
  await expiryFlow({ baseUrl, ui, shots })
  await integrityFlow({ baseUrl, ui, shots })
  await phoneFlow({ baseUrl, ui, shots })
  await pickingFlow({ baseUrl, ui, shots })
  await refreshFlow({ baseUrl, ui })
  await lotEditFlow({ baseUrl, ui, shots })
  log(`browser flow passed (lot ${lotNumber}); screenshots in ${shotsDir}`)
}

main().then(
  () => finish(0),
  (error) => finish(1, error)
)
