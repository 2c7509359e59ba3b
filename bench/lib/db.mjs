// The bench database: a fresh `lot_bench` (BENCH_DB_NAME) on the server that DATABASE_URL points at.
import pg from "pg"

export function benchDatabaseUrls(databaseUrl = process.env.DATABASE_URL, name = process.env.BENCH_DB_NAME || "lot_bench") {
  if (!databaseUrl) {
    throw new Error("DATABASE_URL is not set: run through `npm run bench` (scripts/with-db.mjs) or set it yourself")
  }
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DB_NAME "${name}" is not a plain identifier`)
  const admin = new URL(databaseUrl)
  admin.pathname = "/postgres"
  const bench = new URL(databaseUrl)
  bench.pathname = `/${name}`
  return { name, adminUrl: admin.toString(), benchUrl: bench.toString() }
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url })
  client.on("error", () => {})
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

export async function recreateDatabase({ adminUrl, name }) {
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await c.query(`CREATE DATABASE "${name}"`)
  })
}

export async function dropDatabase({ adminUrl, name }) {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
}

export function connect(url) {
  const client = new pg.Client({ connectionString: url, application_name: "lot-bench" })
  // On Ctrl-C the embedded PostgreSQL may stop before the harness has cleaned up: a dropped
  // connection must not crash the process before the server is stopped.
  client.on("error", (err) => console.error(`[bench] database connection lost: ${err.message}`))
  return client.connect().then(() => client)
}

export async function serverInfo(client) {
  const { rows } = await client.query(
    `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers,
            current_setting('work_mem') AS work_mem, current_setting('fsync') AS fsync`
  )
  return rows[0]
}
