#!/usr/bin/env node
// Helper for scripts/test-host.sh (the "install the packed plugin into a stock Medusa app" test).
// Each subcommand does one thing and says PASS/FAIL where it checks something; exit code 1 on FAIL.
//
//   host-package <plugin-root> <tarball> <out-file>   write the host app's package.json
//   pack-check <npm-pack-json-file>                   the tarball holds the built plugin
//   install-check <host-dir> <name>                   the host resolves the plugin and one Medusa
//   free-port <preferred>                             print a free TCP port (preferred if free)
//   create-db <server-url> <name>                     create database <name>, print its URL
//   drop-db <server-url> <name>                       drop it (forcefully), never fails
//   tables <db-url> <migrations-dir> <table...>       tables exist, the dir's migrations ran
//   wait-health <base-url> <seconds> [pid]            wait for GET /health -> 200
//   http <base-url> <email> <password>                the HTTP checks against the running host
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
let failures = 0
const pass = (what) => console.log(`PASS ${what}`)
const fail = (what, why) => {
  failures++
  console.log(`FAIL ${what}${why ? ` -- ${why}` : ""}`)
}
const check = (ok, what, why) => (ok ? pass(what) : fail(what, why))

// ---------------------------------------------------------------------------------------------

function hostPackage(pluginRoot, tarball, outFile) {
  const pkg = JSON.parse(fs.readFileSync(`${pluginRoot}/package.json`, "utf8"))
  const peers = pkg.peerDependencies ?? {}
  const dev = pkg.devDependencies ?? {}
  // The exact version the plugin is developed and tested against (devDependencies), falling
  // back to the peer range: the host gets the same pins, so versions never drift.
  const pinned = (name) => dev[name] ?? peers[name]
  const dependencies = {}
  for (const name of Object.keys(peers)) dependencies[name] = pinned(name)
  dependencies[pkg.name] = `file:${tarball}`
  // What the Medusa app starter has for running medusa-config.ts through ts-node + swc.
  const devDependencies = {}
  for (const name of ["typescript", "ts-node", "@swc/core", "@types/node"]) {
    if (!dev[name]) throw new Error(`${name} missing from the plugin's devDependencies`)
    devDependencies[name] = dev[name]
  }
  const host = {
    name: "lot-tracking-host-app",
    version: "0.0.0",
    private: true,
    description: "Throwaway stock Medusa app that installs the packed medusa-lot-tracking plugin",
    scripts: { dev: "medusa develop", start: "medusa start" },
    dependencies,
    devDependencies,
    engines: { node: ">=20" },
  }
  fs.writeFileSync(outFile, JSON.stringify(host, null, 2) + "\n")
  console.log(
    `host dependencies: ${Object.entries(dependencies)
      .map(([n, v]) => `${n}@${v}`)
      .join(" ")}`
  )
}

function packCheck(jsonFile) {
  const [info] = JSON.parse(fs.readFileSync(jsonFile, "utf8"))
  const files = new Set(info.files.map((f) => f.path))
  const must = [
    "package.json",
    ".medusa/server/src/modules/lot/index.js",
    ".medusa/server/src/modules/lot/service.js",
    ".medusa/server/src/api/middlewares.js",
    ".medusa/server/src/api/admin/lots/route.js",
    ".medusa/server/src/api/admin/inventory-items/[id]/lot-policy/route.js",
    ".medusa/server/src/workflows/index.js",
  ]
  const missing = must.filter((f) => !files.has(f))
  const migrations = [...files].filter((f) => /^\.medusa\/server\/src\/modules\/lot\/migrations\/Migration.*\.js$/.test(f))
  const links = [...files].filter((f) => /^\.medusa\/server\/src\/links\/.*\.js$/.test(f))
  const typescript = [...files].filter((f) => /\.ts$/.test(f) && !/\.d\.ts$/.test(f))
  check(
    !missing.length && migrations.length > 0 && links.length > 0 && typescript.length === 0,
    `npm pack: ${info.filename} (${info.entryCount} files, ${(info.size / 1024).toFixed(0)} kB) holds the built plugin (${migrations.length} migrations, ${links.length} links)`,
    [
      missing.length && `missing ${missing.join(", ")}`,
      !migrations.length && "no compiled migrations",
      !links.length && "no compiled links",
      typescript.length && `TypeScript sources packed: ${typescript.slice(0, 5).join(", ")}`,
    ]
      .filter(Boolean)
      .join("; ")
  )
}

/** Real directory of package `id` as Node resolves it from `fromDir` (exports-proof). */
function packageDir(id, fromDir) {
  // createRequire on a file in fromDir: resolving through require(...) of this script would let
  // Node self-reference the plugin when run from its own project.
  const req = createRequire(path.join(fromDir, "__resolve__.js"))
  let entry
  try {
    entry = req.resolve(`${id}/package.json`)
  } catch {
    entry = req.resolve(id) // packages whose "exports" hide package.json
  }
  let dir = path.dirname(fs.realpathSync(entry))
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, "package.json")
    if (fs.existsSync(file) && JSON.parse(fs.readFileSync(file, "utf8")).name === id) return dir
    dir = path.dirname(dir)
  }
  throw new Error(`no package.json for ${id} above ${entry}`)
}

function installCheck(hostDir, name) {
  const pluginDir = packageDir(name, hostDir)
  const installed = path.join(hostDir, "node_modules", name)
  check(
    pluginDir === fs.realpathSync(installed) && !fs.lstatSync(installed).isSymbolicLink(),
    `the host resolves ${name} from its own node_modules (a copy from the tarball, not a link)`,
    pluginDir
  )
  // One copy of Medusa's packages for host and plugin, or the plugin's module and workflows
  // would register in a container the app never sees.
  const ids = ["@medusajs/framework", "@medusajs/medusa", "@medusajs/utils"]
  const dupes = ids.filter((id) => packageDir(id, pluginDir) !== packageDir(id, hostDir))
  const version = JSON.parse(fs.readFileSync(path.join(packageDir(ids[0], hostDir), "package.json"), "utf8")).version
  check(
    !dupes.length,
    `host and plugin share one copy of @medusajs/framework, medusa, utils (framework ${version})`,
    `duplicated: ${dupes.join(", ")}`
  )
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)))
  })
}

async function freePort(preferred) {
  for (let port = Number(preferred); port < Number(preferred) + 50; port++) {
    if (await portIsFree(port)) return console.log(port)
  }
  const server = net.createServer()
  await new Promise((r) => server.listen(0, "127.0.0.1", r))
  const { port } = server.address()
  await new Promise((r) => server.close(r))
  console.log(port)
}

// ---------------------------------------------------------------------------------------------

async function adminClient(serverUrl) {
  const { Client } = require("pg")
  // Prefer the database named in the URL; fall back to the maintenance database.
  for (const database of [new URL(serverUrl).pathname.slice(1), "postgres"].filter(Boolean)) {
    const url = new URL(serverUrl)
    url.pathname = `/${database}`
    const client = new Client({ connectionString: url.toString() })
    try {
      await client.connect()
      return client
    } catch (err) {
      if (database === "postgres") throw err
    }
  }
  throw new Error("cannot connect")
}

const quoteIdent = (name) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`)
  return `"${name}"`
}

async function createDb(serverUrl, name) {
  const client = await adminClient(serverUrl)
  try {
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`)
  } finally {
    await client.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  console.log(url.toString())
}

async function dropDb(serverUrl, name) {
  try {
    const client = await adminClient(serverUrl)
    try {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch(async () => {
        // PostgreSQL < 13 has no FORCE.
        await client.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [name]
        )
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`)
      })
      console.log(`dropped database ${name}`)
    } finally {
      await client.end()
    }
  } catch (err) {
    console.log(`could not drop database ${name}: ${err.message}`)
  }
}

async function tables(dbUrl, migrationsDir, names) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: dbUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY($1)",
      [names]
    )
    const found = new Set(rows.map((r) => r.table_name))
    const missing = names.filter((n) => !found.has(n))
    check(!missing.length, `db:migrate created the plugin's tables: ${names.join(", ")}`, `missing ${missing.join(", ")}`)
    // ...from the plugin's own migrations, as shipped in the tarball.
    const shipped = fs
      .readdirSync(migrationsDir)
      .filter((f) => /^Migration.*\.js$/.test(f))
      .map((f) => f.replace(/\.js$/, ""))
    const { rows: ran } = await client.query("SELECT name FROM mikro_orm_migrations WHERE name = ANY($1)", [shipped])
    const ranNames = new Set(ran.map((r) => r.name))
    const notRun = shipped.filter((n) => !ranNames.has(n))
    check(
      shipped.length > 0 && !notRun.length,
      `the plugin's migrations ran: ${shipped.join(", ")}`,
      shipped.length ? `not recorded: ${notRun.join(", ")}` : `none found in ${migrationsDir}`
    )
  } finally {
    await client.end()
  }
}

// ---------------------------------------------------------------------------------------------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const alive = (pid) => {
  try {
    process.kill(Number(pid), 0)
    return true
  } catch {
    return false
  }
}

async function waitHealth(base, seconds, pid) {
  const started = Date.now()
  while (Date.now() - started < Number(seconds) * 1000) {
    if (pid && !alive(pid)) return fail("server boots", "the server process exited")
    try {
      const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) })
      if (res.status === 200) return pass(`server answers GET /health in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    } catch {}
    await sleep(500)
  }
  fail("server boots", `no 200 from ${base}/health within ${seconds} s`)
}

async function http(base, email, password) {
  const call = async (method, path, { token, body } = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body !== undefined && { "content-type": "application/json" }),
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    })
    const text = await res.text()
    let json
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    return { status: res.status, json, text: text.slice(0, 400) }
  }
  const why = (r) => `HTTP ${r.status} ${r.text}`

  const login = await call("POST", "/auth/user/emailpass", { body: { email, password } })
  const token = login.json?.token
  check(login.status === 200 && typeof token === "string", "POST /auth/user/emailpass -> 200 with a token", why(login))
  if (!token) return

  const anonymous = await call("GET", "/admin/lots")
  check(anonymous.status === 401, "GET /admin/lots without auth -> 401", why(anonymous))

  const empty = await call("GET", "/admin/lots", { token })
  check(
    empty.status === 200 && Array.isArray(empty.json?.lots) && empty.json.lots.length === 0 && empty.json.count === 0,
    'GET /admin/lots -> 200 {"lots":[],"count":0,...}',
    why(empty)
  )

  const location = await call("POST", "/admin/stock-locations", { token, body: { name: "Host test warehouse" } })
  const locationId = location.json?.stock_location?.id
  check(location.status === 200 && locationId, `POST /admin/stock-locations -> 200 (${locationId})`, why(location))

  const item = await call("POST", "/admin/inventory-items", { token, body: { sku: "HOST-SKU-1", title: "Host test item" } })
  const itemId = item.json?.inventory_item?.id
  check(item.status === 200 && itemId, `POST /admin/inventory-items -> 200 (${itemId})`, why(item))
  if (!locationId || !itemId) return

  const policy = await call("POST", `/admin/inventory-items/${itemId}/lot-policy`, { token, body: { tracked: true } })
  check(
    policy.status === 200 && policy.json?.lot_policy?.tracked === true,
    "POST /admin/inventory-items/:id/lot-policy {tracked:true} -> 200, tracked",
    why(policy)
  )

  const receive = await call("POST", "/admin/lots", {
    token,
    body: { inventory_item_id: itemId, location_id: locationId, quantity: 5, lot_number: "HOST-1" },
  })
  const lot = receive.json?.lot
  check(
    receive.status === 200 && lot?.lot_number === "HOST-1",
    `POST /admin/lots {quantity:5, lot_number:"HOST-1"} -> 200 (${lot?.id})`,
    why(receive)
  )
  check(
    lot?.status === "quarantine",
    'new lot status is "quarantine" (plugin option receive_status reached the lot module)',
    `status is ${JSON.stringify(lot?.status)}`
  )
  const stock = (lot?.stock ?? []).find((s) => s.location_id === locationId)
  check(Number(stock?.quantity) === 5, "the lot holds 5 at the location", `stock ${JSON.stringify(lot?.stock)}`)

  const level = await call("GET", `/admin/inventory-items/${itemId}/location-levels`, { token })
  const stocked = level.json?.inventory_levels?.find((l) => l.location_id === locationId)?.stocked_quantity
  check(
    level.status === 200 && Number(stocked) === 5,
    "Medusa's inventory level was raised to 5 by the plugin's workflow",
    `${why(level)}`
  )

  const listed = await call("GET", `/admin/lots?inventory_item_id=${itemId}`, { token })
  check(
    listed.status === 200 && listed.json?.count === 1 && listed.json.lots[0]?.id === lot?.id,
    "GET /admin/lots?inventory_item_id=... -> the new lot",
    why(listed)
  )
}

// ---------------------------------------------------------------------------------------------

const [command, ...args] = process.argv.slice(2)
const commands = {
  "host-package": () => hostPackage(...args),
  "pack-check": () => packCheck(...args),
  "install-check": () => installCheck(args[0], args[1]),
  "free-port": () => freePort(args[0]),
  "create-db": () => createDb(args[0], args[1]),
  "drop-db": () => dropDb(args[0], args[1]),
  tables: () => tables(args[0], args[1], args.slice(2)),
  "wait-health": () => waitHealth(args[0], args[1], args[2]),
  http: () => http(args[0], args[1], args[2]),
}
if (!commands[command]) {
  console.error(`usage: test-host-check.mjs <${Object.keys(commands).join("|")}> ...`)
  process.exit(2)
}
try {
  await commands[command]()
} catch (err) {
  fail(command, err?.stack ?? String(err))
}
process.exit(failures ? 1 : 0)
