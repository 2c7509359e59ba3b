// Plain-fetch access to the server under test for suites that drive whole flows (storefront
// checkout, admin order actions) one request at a time, rather than a fixed endpoint under load.
//
// The harness's ctx exposes `api()` (admin, bearer token) but neither the base URL nor a way to
// send the storefront's publishable-key header, so this finds the server itself: the `medusa
// develop` process tree the harness spawned (descendants of this process, read from /proc) carries
// PORT in its environment. The admin user is then logged in again and checked against ctx.api
// (same user id), so a neighbour's bench server on another port can never be mistaken for ours.
// If a later harness exposes ctx.baseUrl / ctx.token, those are used as they are.
//
// The same process tree tells when develop's watcher restarted the server (a file in the project
// changed): the forked `medusa start` process gets a new pid. `generation()` returns it, so a
// suite can throw away and redo a measurement that saw a restart, as ctx.measureSet does.
import fs from "node:fs"
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./server.mjs"
import { sleep } from "./util.mjs"

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"])

/** pid -> parent pid of every process visible in /proc. */
function processTable() {
  const table = new Map()
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      // pid (comm) state ppid ... ; comm may contain spaces and parentheses
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      table.set(Number(entry), Number(rest[1]))
    } catch {
      // gone meanwhile
    }
  }
  return table
}

function descendants(rootPid) {
  const table = processTable()
  const out = []
  const queue = [rootPid]
  while (queue.length) {
    const pid = queue.shift()
    for (const [child, parent] of table) {
      if (parent === pid) {
        out.push(child)
        queue.push(child)
      }
    }
  }
  return out
}

const readProc = (pid, file) => {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, "utf8")
  } catch {
    return ""
  }
}

/** The pids of the forked `medusa start` processes (the actual server) under this harness. */
function serverPids() {
  return descendants(process.pid)
    .filter((pid) => {
      const argv = readProc(pid, "cmdline").split("\0")
      return argv.some((a) => a.endsWith("cli.js")) && argv.includes("start")
    })
    .sort((a, b) => a - b)
}

/** Resident memory of the server process (kB; the newest forked server), null when /proc cannot tell. */
export function serverRssKb() {
  const pid = serverPids().at(-1)
  const line = pid && readProc(pid, "status").split("\n").find((l) => l.startsWith("VmRSS:"))
  return line ? Number(line.replace(/\D+/g, "")) : null
}

/** A variable of the environment the harness gave `medusa develop`. */
function serverEnv(name) {
  for (const pid of descendants(process.pid)) {
    const value = readProc(pid, "environ").split("\0").find((e) => e.startsWith(`${name}=`))?.slice(name.length + 1)
    if (value) return value
  }
  return null
}

function portFromProcessTree() {
  const port = serverEnv("PORT")
  return port && /^\d+$/.test(port) ? Number(port) : null
}

export class HttpError extends Error {
  constructor(method, path, status, body) {
    super(`${method} ${path} -> ${status} ${JSON.stringify(body).slice(0, 400)}`)
    Object.assign(this, { method, path, status, body })
  }
}

/**
 * The server under test, reachable by plain fetch: `admin(method, path, body)`,
 * `store(method, path, body, publishableKey)`, `timed(...)` (same, with the latency), and
 * `generation()` for restart detection.
 */
export class MedusaHttp {
  /** `timeoutMs`: how long one request may take before the client gives up on it (default 60 s). */
  constructor({ baseUrl, token, canTrackRestarts, traceDir = null, timeoutMs = 60_000 }) {
    const host = new URL(baseUrl).hostname
    if (!LOCAL_HOSTS.has(host)) throw new Error(`Refusing to talk to ${host}: the bench only targets the local server`)
    Object.assign(this, { baseUrl, token, canTrackRestarts, traceDir, timeoutMs })
  }

  /** A string that changes whenever develop restarts the server ("" when it cannot be told). */
  generation() {
    return this.canTrackRestarts ? serverPids().join(",") : ""
  }

  async waitForHealth(timeoutMs = 180_000) {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      try {
        const res = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(2000) })
        if (res.ok) return
      } catch {
        // restarting
      }
      await sleep(250)
    }
    throw new Error(`${this.baseUrl} did not answer /health within ${timeoutMs / 1000}s`)
  }

  /** One request; returns { status, body, ms } and never throws on an HTTP status. */
  async raw(method, path, body, headers = {}) {
    let started
    let res
    for (let attempt = 1; ; attempt++) {
      started = process.hrtime.bigint()
      try {
        res = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers: { ...(body !== undefined && { "content-type": "application/json" }), ...headers },
          body: body !== undefined ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(this.timeoutMs),
        })
        break
      } catch (err) {
        // Only a refused connection is safe to repeat (the request never reached the server):
        // develop is restarting. A measurement around it is redone by withoutRestart anyway.
        if (err.cause?.code !== "ECONNREFUSED" || attempt >= 3) throw new Error(`${method} ${path}: ${err.cause?.code ?? err.message}`)
        await sleep(1000)
        await this.waitForHealth()
      }
    }
    const text = await res.text()
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    let json = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      json = text
    }
    return { status: res.status, body: json, ms }
  }

  /** A 2xx answer as { body, ms }; throws HttpError otherwise. */
  async timed(method, path, body, headers) {
    const r = await this.raw(method, path, body, headers)
    if (r.status < 200 || r.status >= 300) throw new HttpError(method, path, r.status, r.body)
    return r
  }

  async admin(method, path, body) {
    return (await this.timed(method, path, body, { authorization: `Bearer ${this.token}` })).body
  }

  adminTimed(method, path, body) {
    return this.timed(method, path, body, { authorization: `Bearer ${this.token}` })
  }

  storeTimed(method, path, body, publishableKey) {
    return this.timed(method, path, body, { "x-publishable-api-key": publishableKey })
  }
}

async function login(baseUrl) {
  const res = await fetch(`${baseUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    signal: AbortSignal.timeout(10_000),
  })
  const body = await res.json().catch(() => ({}))
  if (!res.ok || !body.token) throw new Error(`login at ${baseUrl} failed: ${res.status}`)
  return body.token
}

const cache = new WeakMap()

/** The MedusaHttp of this run's server (found once per harness run). */
export async function medusaHttp(ctx) {
  if (cache.has(ctx)) return cache.get(ctx)
  const canTrackRestarts = fs.existsSync("/proc/self/stat") && serverPids().length > 0
  // The server's SQL trace (bench/lib/sql-trace.cjs), when tracing is on: lets a suite see the
  // statements the server ran during a flow, as ctx.measureSet does for loads.
  const traceDir = canTrackRestarts ? serverEnv("BENCH_SQL_TRACE_DIR") : null
  let http
  if (ctx.baseUrl && ctx.token) {
    http = new MedusaHttp({ baseUrl: ctx.baseUrl, token: ctx.token, canTrackRestarts, traceDir })
  } else {
    const port = portFromProcessTree()
    if (!port) throw new Error("could not find the port of the medusa develop process this harness started (no PORT in /proc/<pid>/environ of its descendants)")
    const baseUrl = `http://127.0.0.1:${port}`
    let token
    for (let attempt = 1; !token; attempt++) {
      await new MedusaHttp({ baseUrl, token: null }).waitForHealth()
      token = await login(baseUrl).catch((err) => {
        if (attempt >= 3) throw err
        return sleep(2000).then(() => null) // develop restarting
      })
    }
    http = new MedusaHttp({ baseUrl, token, canTrackRestarts, traceDir })
  }
  // Same server as the harness's: the logged-in user is the one ctx.api sees.
  const [mine, theirs] = await Promise.all([http.admin("GET", "/admin/users/me"), ctx.api("GET", "/admin/users/me")])
  if (mine.user?.id !== theirs.user?.id) throw new Error(`${http.baseUrl} is not the harness's server (user ${mine.user?.id} vs ${theirs.user?.id})`)
  if (!canTrackRestarts) ctx.warn("cannot see the server's process tree in /proc: restarts of medusa develop during the flow suites go unnoticed")
  cache.set(ctx, http)
  return http
}

/**
 * Runs `fn` and returns its value, unless develop restarted the server meanwhile: then waits for
 * the server and runs it again (at most `attempts` times), like ctx.measureSet does for loads.
 * Returns { value, attempts, unreliable }.
 */
export async function withoutRestart(ctx, http, label, fn, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    await http.waitForHealth()
    const before = http.generation()
    let value
    let error
    try {
      value = await fn(attempt)
    } catch (err) {
      error = err
    }
    const restarted = http.generation() !== before
    if (!restarted) {
      if (error) throw error
      return { value, attempts: attempt, unreliable: false }
    }
    if (attempt >= attempts) {
      ctx.warn(`${label}: the server restarted during all ${attempt} attempts; keeping the last (unreliable) result`)
      if (error) throw error
      return { value, attempts: attempt, unreliable: true }
    }
    ctx.warn(`${label}: the server restarted during the measurement (a project file changed); measuring again${error ? ` (it failed: ${error.message.slice(0, 120)})` : ""}`)
    await sleep(2000)
  }
}

/**
 * Runs `fn` (setup work, not a measurement) and returns its value; when it fails while develop
 * restarts the server (or on a dropped connection), waits for the server and runs it again.
 */
export async function retryOnRestart(ctx, http, label, fn, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    await http.waitForHealth()
    const before = http.generation()
    try {
      return await fn(attempt)
    } catch (err) {
      const restarted = http.generation() !== before || /ECONNRESET|ECONNREFUSED|UND_ERR_SOCKET|other side closed/.test(err.message)
      if (!restarted || attempt >= attempts) throw err
      ctx.warn(`${label}: failed while the server restarted (${err.message.slice(0, 120)}); trying again`)
      await sleep(2000)
    }
  }
}
