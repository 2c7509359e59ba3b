// The machinery `npm run test:cluster` runs the shop on: the machine's PostgreSQL and Redis (both
// optional: without them the group is skipped), a database and a Redis database of its own, the
// three `medusa start` processes of the cluster, and a start with a wrong REDIS_URL.
import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import { dropDatabase, recreateDatabase } from "../../bench/lib/db.mjs"
import { freePort, sleep, start, stop, waitForHttp } from "../../e2e/support/processes.mjs"
import { clusterProcesses } from "./cluster.mjs"
import { pingRedis, redisTarget } from "./redis-ping.mjs"

const POSTGRES_SERVER = "postgres://postgres@localhost:5432/postgres"

/** Why the group cannot run here (no PostgreSQL or no Redis answers), or null when it can. */
export async function missingService(redisUrl) {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER, connectionTimeoutMillis: 3000 })
  client.on("error", () => {})
  try {
    await client.connect()
    await client.query("SELECT 1")
  } catch (error) {
    return `no PostgreSQL answers at localhost:5432 as user postgres without a password (${error.code || error.message})`
  } finally {
    await client.end().catch(() => {})
  }
  return pingRedis(redisUrl).then(
    () => null,
    (error) => error.message
  )
}

/** A database of its own on the machine's PostgreSQL; `env` holds what Medusa and the seed read. */
export async function createDatabase(name) {
  const server = { adminUrl: POSTGRES_SERVER, name }
  await recreateDatabase(server)
  const url = `postgres://postgres@localhost:5432/${name}`
  return {
    env: { DATABASE_URL: url, DB_HOST: "localhost", DB_PORT: "5432", DB_USERNAME: "postgres", DB_PASSWORD: "", DB_NAME: name },
    drop: () => dropDatabase(server),
  }
}

/** REDIS_URL pointed at database number `db` of the same server, so nothing else on it is touched. */
export function redisDatabaseUrl(redisUrl, db) {
  const url = new URL(redisUrl)
  url.pathname = `/${db}`
  return url.toString()
}

export function describeRedis(url) {
  return `${redisTarget(url)} database ${new URL(url).pathname.slice(1)}`
}

/**
 * The cluster's three processes, started from the build in `serverDir` on free ports from
 * `firstPort`, each logging to its own file under `logDir` (debug level: job registrations and
 * runs show there). `kill(proc)` is `kill -9`; `restart(proc)` starts it again on the same port.
 * e2e/support/processes.mjs keeps track of them: its stopAll() stops whatever still runs.
 */
export async function startCluster({ medusaBin, serverDir, logDir, firstPort }) {
  const ports = []
  for (let port = firstPort; ports.length < 3; port = ports.at(-1) + 1) ports.push(await freePort(port))
  const processes = clusterProcesses(ports).map((spec, i) => ({
    ...spec,
    logFile: path.join(logDir, `${spec.name}-${spec.port}.log`),
    baseUrl: `http://localhost:${spec.port}`,
    log() {
      return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, "utf8") : ""
    },
  }))
  const launch = async (proc) => {
    proc.handle = start(medusaBin, ["start"], {
      cwd: serverDir,
      env: { ...process.env, ...proc.env, PORT: String(proc.port), LOG_LEVEL: "debug" },
      logFile: proc.logFile,
    })
    await waitForHttp(`${proc.baseUrl}/health`, { timeoutMs: 240_000, proc: proc.handle })
  }
  await Promise.all(processes.map(launch))
  return {
    processes,
    servers: processes.filter((proc) => proc.name === "server"),
    async kill(proc) {
      proc.handle.child.kill("SIGKILL")
      await proc.handle.exited
    },
    restart: launch,
  }
}

/**
 * `medusa start` with REDIS_URL at a port where nothing listens: it must exit within `withinMs`
 * with one line naming REDIS_URL, and never claim a connection. Returns what it saw.
 */
export async function startWithWrongRedisUrl({ medusaBin, serverDir, logDir, withinMs = 15_000 }) {
  const redisPort = await freePort(6390)
  const port = await freePort(9390)
  const logFile = path.join(logDir, "wrong-redis-url.log")
  const started = Date.now()
  const proc = start(medusaBin, ["start"], {
    cwd: serverDir,
    env: { ...process.env, REDIS_URL: `redis://127.0.0.1:${redisPort}`, MEDUSA_WORKER_MODE: "server", PORT: String(port) },
    logFile,
  })
  const exited = await Promise.race([proc.exited, sleep(60_000).then(() => null)])
  const seconds = (Date.now() - started) / 1000
  if (!exited) await stop(proc)
  const lines = fs
    .readFileSync(logFile, "utf8")
    .replace(/\x1b\[[0-9;]*m/g, "") // the logger's colours
    .split("\n")
    .filter((line) => line.trim())
  const problems = [
    !exited && "it was still running after 60 s",
    exited && exited.code === 0 && "it exited with code 0",
    seconds * 1000 > withinMs && `it took ${seconds.toFixed(1)} s`,
    lines.length !== 1 && `it printed ${lines.length} lines`,
    !lines.some((line) => line.includes("REDIS_URL") && line.includes(String(redisPort))) && "no line names REDIS_URL and the port",
    lines.some((line) => /established/i.test(line)) && 'it logged "established"',
  ].filter(Boolean)
  return { seconds, line: lines[0] ?? "", problems, redisPort }
}
