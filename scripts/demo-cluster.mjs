#!/usr/bin/env node
// npm run demo:cluster — the demo deployed the way a production shop runs Medusa, on this machine:
//   1. the Redis at REDIS_URL (default redis://127.0.0.1:6379) must answer;
//   2. PostgreSQL: the demo's embedded one (.data/pg-demo), or DATABASE_URL;
//   3. migrate, seed and the admin user: scripts/demo.mjs with DEMO_NO_SERVER=1;
//   4. `medusa build`, then .medusa/server gets a link to node_modules (and .env, if there is one);
//   5. from .medusa/server, `medusa start` three times: two servers (MEDUSA_WORKER_MODE=server,
//      ports PORT and PORT+1) and a worker (MEDUSA_WORKER_MODE=worker, admin off, PORT+2).
// Ctrl-C stops the three processes, then the database. PORT defaults to 9000.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import readline from "node:readline"
import { fileURLToPath } from "node:url"
import { clusterEnv, clusterProcesses, DEFAULT_REDIS_URL } from "./lib/cluster.mjs"
import { portIsFree, resolveProfile, startDatabase } from "./lib/database.mjs"
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./lib/demo-login.mjs"
import { pingRedis, redisTarget } from "./lib/redis-ping.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const serverDir = path.join(root, ".medusa", "server")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const REDIS_URL = process.env.REDIS_URL || DEFAULT_REDIS_URL
const PORT = Number(process.env.PORT || 9000)
const PROCESSES = clusterProcesses([PORT, PORT + 1, PORT + 2])
const STOP_TIMEOUT_MS = 15_000

const log = (message) => console.log(`[demo:cluster] ${message}`)
const children = new Set()
let databaseStarting = null
let serving = false
let stopping = false

function fail(message) {
  console.error(`[demo:cluster] ${message}`)
  return shutdown(1)
}

/** Stops every child (SIGTERM, SIGKILL after a while), then the database, then exits. */
async function shutdown(code) {
  if (stopping) return
  stopping = true
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS)
          child.once("exit", () => resolve(clearTimeout(timer)))
          child.kill("SIGTERM")
        })
    )
  )
  const database = await databaseStarting?.catch(() => null)
  await database?.stop()
  process.exit(code)
}

for (const [signal, number] of [["SIGINT", 2], ["SIGTERM", 15], ["SIGHUP", 1]]) {
  process.on(signal, () => {
    log(`${signal} received, stopping...`)
    shutdown(serving ? 0 : 128 + number)
  })
}

/** Runs a command (none once stopping); resolves with its exit code. With `prefix`, each output line is tagged. */
function run(command, args, { env, cwd = root, prefix }) {
  if (stopping) return Promise.resolve(1)
  const child = spawn(command, args, { cwd, env, stdio: prefix ? ["ignore", "pipe", "pipe"] : "inherit" })
  children.add(child)
  if (prefix) {
    for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
      readline.createInterface({ input: stream }).on("line", (line) => out.write(`${prefix} ${line}\n`))
    }
  }
  return new Promise((resolve) => {
    child.on("error", () => resolve(127))
    child.on("exit", (code, signal) => {
      children.delete(child)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}

/** Runs a setup command; false when it failed or a signal came (the shutdown is then under way). */
async function step(title, command, args, options) {
  log(`${title}...`)
  const code = await run(command, args, options)
  if (code !== 0 && !stopping) fail(`${title} failed (exit code ${code}).`)
  return code === 0 && !stopping
}

/** Medusa's guide: the built app starts from .medusa/server, with its own node_modules (here a link) and .env. */
function prepareServerDir() {
  fs.rmSync(path.join(serverDir, "node_modules"), { force: true })
  fs.symlinkSync(path.relative(serverDir, path.join(root, "node_modules")), path.join(serverDir, "node_modules"))
  if (fs.existsSync(path.join(root, ".env"))) fs.copyFileSync(path.join(root, ".env"), path.join(serverDir, ".env"))
}

async function waitForHealth(port, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs
  while (!stopping && Date.now() < deadline) {
    const ok = await fetch(`http://localhost:${port}/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  if (!stopping) fail(`Nothing answers on http://localhost:${port}/health after ${timeoutMs / 1000} s.`)
}

function printWhatRunsWhere(database) {
  const [a, b, worker] = PROCESSES
  console.log(
    [
      "",
      "The lot-tracking demo runs as a cluster. Ctrl-C stops it.",
      `  server    http://localhost:${a.port}    API, admin at http://localhost:${a.port}/app`,
      `  server    http://localhost:${b.port}    API, admin at http://localhost:${b.port}/app`,
      `  worker    http://localhost:${worker.port}    subscribers and scheduled jobs (/health only)`,
      `  Redis     ${redisTarget(REDIS_URL)}    events, workflow engine, cache, locks, admin sessions`,
      `  database  ${database.description}`,
      `  admin login: ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}`,
      "",
    ].join("\n")
  )
}

async function main() {
  if (!fs.existsSync(medusaBin)) return fail(`${medusaBin} not found: run \`npm install\` first.`)
  try {
    await pingRedis(REDIS_URL)
  } catch (err) {
    return fail(`${err.message}. Start a Redis server (redis-server) or set REDIS_URL to one.`)
  }
  for (const { port } of PROCESSES) {
    if (!(await portIsFree(port))) return fail(`Port ${port} is busy: stop what runs there, or set PORT to another base port.`)
  }
  databaseStarting = startDatabase(resolveProfile("demo"))
  const database = await databaseStarting.catch((err) => fail(err.message))
  if (stopping) return
  log(database.description)
  const env = clusterEnv(process.env, { databaseEnv: database.env, redisUrl: REDIS_URL })

  const setUp =
    (await step("Migrate, seed, admin user (scripts/demo.mjs)", process.execPath, [path.join(root, "scripts/demo.mjs")], {
      env: { ...env, DEMO_NO_SERVER: "1" },
    })) && (await step("Building the app (medusa build)", medusaBin, ["build"], { env }))
  if (!setUp) return
  prepareServerDir()

  log(`Starting ${PROCESSES.length} processes (medusa start in .medusa/server)...`)
  for (const { name, port, env: own } of PROCESSES) {
    run(medusaBin, ["start"], { cwd: serverDir, env: { ...env, ...own, PORT: String(port) }, prefix: `[${name} :${port}]` }).then(
      (code) => stopping || fail(`The ${name} on port ${port} exited (code ${code}); stopping the others.`)
    )
  }
  await Promise.all(PROCESSES.map(({ port }) => waitForHealth(port)))
  if (stopping) return
  serving = true
  printWhatRunsWhere(database)
}

main().catch((err) => fail(err?.stack || String(err)))
