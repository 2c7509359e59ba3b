// Prepares and runs the Medusa app under test: migrations, admin user, `medusa develop` on a
// free port, /health, login. The server's output stays in memory (a file in the project folder
// would make develop's watcher restart it); set BENCH_SERVER_LOG=/some/path outside the
// project to keep a copy.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { log, projectRoot, run, sleep } from "./util.mjs"

export const ADMIN_EMAIL = "bench@lots.dev"
export const ADMIN_PASSWORD = "bench-pass-1"

export function medusaEnv({ benchUrl, name, port, traceDir }) {
  const env = {
    ...process.env,
    DATABASE_URL: benchUrl,
    DB_NAME: name,
    MEDUSA_DISABLE_ADMIN: "true",
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: "development",
  }
  if (port) env.PORT = String(port)
  if (traceDir) {
    const preload = path.join(projectRoot, "bench", "lib", "sql-trace.cjs")
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --require "${preload}"`.trim()
    env.BENCH_SQL_TRACE_DIR = traceDir
  }
  return env
}

export async function migrate(env) {
  await run("npx", ["medusa", "db:migrate"], { env, label: "medusa db:migrate", timeoutMs: 300_000 })
}

export async function createAdminUser(env) {
  await run("npx", ["medusa", "user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], { env, label: "medusa user" })
}

/** A running `medusa develop`, in its own process group so that stop() ends the forked server too. */
export class DevServer {
  constructor({ env, port }) {
    this.env = env
    this.port = port
    this.baseUrl = `http://127.0.0.1:${port}`
    this.lines = []
    this.restarts = [] // watcher restarts seen (they invalidate measurements)
    this.exited = null
    this.logFile = process.env.BENCH_SERVER_LOG ? fs.createWriteStream(process.env.BENCH_SERVER_LOG) : null
  }

  start() {
    this.child = spawn("npx", ["medusa", "develop"], {
      cwd: projectRoot,
      env: this.env,
      detached: true, // new process group: npx -> medusa develop -> forked `medusa start`
      stdio: ["ignore", "pipe", "pipe"],
    })
    const onData = (chunk) => {
      const text = chunk.toString()
      this.logFile?.write(text)
      for (const raw of text.split("\n")) {
        const line = raw.replace(/\x1b\[[0-9;]*m/g, "")
        if (!line.trim()) continue
        this.lines.push(line)
        if (this.lines.length > 400) this.lines.shift()
        const restart = line.match(/\[(?:Watcher|HMR)\] (?:created|modified|removed) (\S+)/)
        if (restart) {
          this.restarts.push({ at: new Date().toISOString(), file: restart[1] })
          log(`WARNING: develop's watcher restarted the server: ${line.trim()}`)
        }
      }
    }
    this.child.stdout.on("data", onData)
    this.child.stderr.on("data", onData)
    this.child.on("exit", (code, signal) => {
      this.exited = { code, signal }
    })
  }

  tail(n = 40) {
    return this.lines.slice(-n).join("\n")
  }

  async waitForHealth(timeoutMs = 180_000) {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (this.exited) {
        throw new Error(`medusa develop exited (${JSON.stringify(this.exited)}):\n${this.tail()}`)
      }
      try {
        const res = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(2000) })
        if (res.ok) return
      } catch {
        // not up yet
      }
      await sleep(250)
    }
    throw new Error(`medusa develop did not answer /health within ${timeoutMs / 1000}s:\n${this.tail()}`)
  }

  async login() {
    const res = await fetch(`${this.baseUrl}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    })
    const body = await res.json().catch(() => ({}))
    if (!res.ok || !body.token) throw new Error(`Login failed: ${res.status} ${JSON.stringify(body)}`)
    this.token = body.token
    return body.token
  }

  /**
   * JSON call to the admin API with the bearer token; throws on a non-2xx answer. When the server
   * can't be reached (develop restarting after a file change), waits for /health and tries again.
   */
  async api(method, urlPath, body) {
    for (let attempt = 1; ; attempt++) {
      let res
      try {
        res = await fetch(`${this.baseUrl}${urlPath}`, {
          method,
          headers: { authorization: `Bearer ${this.token}`, ...(body && { "content-type": "application/json" }) },
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(60_000),
        })
      } catch (err) {
        if (attempt >= 3) throw new Error(`${method} ${urlPath}: ${err.cause?.code ?? err.message}`)
        await sleep(1000)
        await this.waitForHealth()
        continue
      }
      const json = await res.json().catch(() => null)
      if (!res.ok) throw new Error(`${method} ${urlPath} -> ${res.status} ${JSON.stringify(json)}`)
      return json
    }
  }

  /** SIGTERM to the whole group, SIGKILL after a grace period. */
  async stop(graceMs = 10_000) {
    if (!this.child) return this.closeLog()
    // The group, not just npx: even when npx is gone, develop's forked server may still run.
    const group = -this.child.pid
    if (!groupAlive(group)) return this.closeLog()
    const signalGroup = (sig) => {
      try {
        process.kill(group, sig)
      } catch {
        // already gone
      }
    }
    signalGroup("SIGTERM")
    const deadline = Date.now() + graceMs
    while (Date.now() < deadline && groupAlive(group)) await sleep(100)
    if (groupAlive(group)) signalGroup("SIGKILL")
    while (groupAlive(group) && Date.now() < deadline + 5000) await sleep(100)
    this.closeLog()
  }

  closeLog() {
    this.logFile?.end()
    this.logFile = null
  }
}

function groupAlive(group) {
  try {
    process.kill(group, 0)
    return true
  } catch {
    return false
  }
}
