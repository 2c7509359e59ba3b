#!/usr/bin/env node
// The demo, from an empty database to a running admin:
//   1. medusa db:migrate                       (tables of Medusa and the lot module)
//   2. medusa exec ./src/scripts/seed.ts       (demo store with lots; a no-op when already seeded)
//   3. medusa user -e ... -p ...               (the admin login; skipped when it exists)
//   4. medusa develop                          (foreground; Ctrl-C stops it, then with-db stops PostgreSQL)
//
// Run it through `npm run demo`, which starts an embedded PostgreSQL and sets DATABASE_URL.
// DEMO_NO_SERVER=1 stops after step 3 (for tests and CI). Nothing is written to the project folder:
// `medusa develop` restarts on every file change there.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./lib/demo-login.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const medusaBin = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "medusa.cmd" : "medusa")

const PORT = Number(process.env.PORT || 9000)
const BASE_URL = `http://localhost:${PORT}`
const noServer = ["1", "true", "yes"].includes(String(process.env.DEMO_NO_SERVER || "").toLowerCase())

const log = (message) => console.log(`[demo] ${message}`)
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`

// ---------------------------------------------------------------------------------------------
// Child processes and signals

/** The running step: { child, group } (group = it leads its own process group). */
let current = null
let stopSignal = null

function forward(signal) {
  if (!current) return
  try {
    if (current.group) process.kill(-current.child.pid, signal)
    else current.child.kill(signal)
  } catch {
    // Already gone.
  }
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (stopSignal) return
    stopSignal = signal
    log(`${signal} received, stopping...`)
    // `medusa develop` prompts on SIGINT and leaves its server behind on SIGTERM; it runs in its
    // own process group, so SIGTERM to the group stops the watcher and the server together.
    forward(current?.group ? "SIGTERM" : signal)
    if (!current) process.exit(signalExitCode(signal))
  })
}

function signalExitCode(signal) {
  return 128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal] ?? 0)
}

/**
 * Runs a command to completion. `capture` also collects its output (still echoed);
 * `group` starts it in its own process group.
 */
function run(command, args, { capture = false, group = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: process.env,
      stdio: group ? ["ignore", "inherit", "inherit"] : capture ? ["inherit", "pipe", "pipe"] : "inherit",
      detached: group,
    })
    current = { child, group }
    let output = ""
    if (capture) {
      child.stdout.on("data", (chunk) => {
        output += chunk
        process.stdout.write(chunk)
      })
      child.stderr.on("data", (chunk) => {
        output += chunk
        process.stderr.write(chunk)
      })
    }
    child.on("error", (err) => {
      current = null
      reject(err)
    })
    child.on("exit", (code, signal) => {
      current = null
      resolve({ code: code ?? (signal ? signalExitCode(signal) : 1), signal, output, pid: child.pid })
    })
  })
}

const medusa = (args, options) => run(medusaBin, args, options)

async function step(title, fn) {
  const started = Date.now()
  log(`${title}...`)
  const result = await fn()
  if (stopSignal) process.exit(signalExitCode(stopSignal))
  log(`${title}: done in ${seconds(started)}`)
  return result
}

function fail(message) {
  console.error(`[demo] ${message}`)
  process.exit(1)
}

// ---------------------------------------------------------------------------------------------
// Admin user

/** true / false when the database can say whether the admin can log in, null when it cannot be asked. */
async function adminUserExists() {
  if (!process.env.DATABASE_URL) return null
  let client
  try {
    const { default: pg } = await import("pg")
    client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    const user = await client.query(`SELECT 1 FROM "user" WHERE email = $1 AND deleted_at IS NULL`, [ADMIN_EMAIL])
    const identity = await client.query(
      `SELECT 1 FROM provider_identity WHERE entity_id = $1 AND provider = 'emailpass' AND deleted_at IS NULL`,
      [ADMIN_EMAIL]
    )
    return user.rowCount > 0 && identity.rowCount > 0
  } catch {
    return null
  } finally {
    await client?.end().catch(() => {})
  }
}

async function ensureAdminUser() {
  if (await adminUserExists()) {
    log(`Admin user ${ADMIN_EMAIL} already exists.`)
    return
  }
  const { code, output } = await medusa(["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], { capture: true })
  if (code === 0 || stopSignal) return
  if (/already exists|duplicate/i.test(output)) {
    log(`Admin user ${ADMIN_EMAIL} already exists (keeping it).`)
    return
  }
  fail(`Creating the admin user failed (exit code ${code}).`)
}

// ---------------------------------------------------------------------------------------------
// Banner and server

function banner(title) {
  const lines = [
    title,
    "",
    `Admin     ${BASE_URL}/app`,
    `E-mail    ${ADMIN_EMAIL}`,
    `Password  ${ADMIN_PASSWORD}`,
    "",
    "Try: Inventory -> Greek yogurt 500 g (lots, expiry, quarantine)",
    "     npm run reconcile   (lot stock vs Medusa stock)",
  ]
  const width = Math.max(...lines.map((l) => l.length))
  const bar = "=".repeat(width + 4)
  console.log(["", bar, ...lines.map((l) => `| ${l.padEnd(width)} |`), bar, ""].join("\n"))
}

/** Polls /health while the server runs and announces when it answers. */
async function announceWhenUp(isRunning) {
  const started = Date.now()
  while (isRunning() && !stopSignal) {
    try {
      const res = await fetch(`${BASE_URL}/health`, { signal: AbortSignal.timeout(2000) })
      if (res.ok) {
        banner(`The lot-tracking demo is up (server ready after ${seconds(started)}). Ctrl-C stops it.`)
        return
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/** After the watcher exits, wait for the rest of its group (the forked server) before PostgreSQL stops. */
async function waitForGroup(pid, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (groupAlive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  if (groupAlive(pid)) {
    log("The server did not stop in time; killing it.")
    try {
      process.kill(-pid, "SIGKILL")
    } catch {
      // Gone meanwhile.
    }
  }
}

async function serve() {
  let running = true
  const done = medusa(["develop"], { group: true })
  announceWhenUp(() => running)
  const { code, pid } = await done
  running = false
  await waitForGroup(pid)
  if (stopSignal) {
    log("Server stopped.")
    process.exit(0)
  }
  process.exit(code)
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(medusaBin)) fail(`${medusaBin} not found: run \`npm install\` first.`)
  if (!process.env.DATABASE_URL) {
    log("DATABASE_URL is not set: Medusa will use the one in .env, if any. `npm run demo` sets it for you.")
  }
  const started = Date.now()

  await step("Migrating the database (medusa db:migrate)", async () => {
    const { code } = await medusa(["db:migrate"])
    if (code !== 0 && !stopSignal) fail(`medusa db:migrate failed (exit code ${code}).`)
  })

  await step("Seeding the demo store (medusa exec ./src/scripts/seed.ts)", async () => {
    const { code } = await medusa(["exec", "./src/scripts/seed.ts"])
    if (code !== 0 && !stopSignal) {
      fail(
        `Seeding failed (exit code ${code}). Fix the error and run \`npm run demo\` again: the seed resumes. ` +
          "To start from scratch, stop the demo and delete .data/pg-demo."
      )
    }
  })

  await step(`Admin user ${ADMIN_EMAIL}`, ensureAdminUser)

  log(`Database ready in ${seconds(started)}.`)
  if (noServer) {
    banner("The lot-tracking demo database is ready (DEMO_NO_SERVER=1: not starting the server).")
    return
  }
  banner(`Starting the lot-tracking demo (medusa develop) on ${BASE_URL} ...`)
  await serve()
}

main().catch((err) => fail(err?.stack || String(err)))
