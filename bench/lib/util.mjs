// Small helpers shared by the harness: logging, timing, child processes, free ports.
import { spawn } from "node:child_process"
import net from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
export const projectRoot = path.resolve(benchDir, "..")

const t0 = Date.now()
export function log(...args) {
  const s = ((Date.now() - t0) / 1000).toFixed(1).padStart(6)
  console.log(`[bench ${s}s]`, ...args)
}

export async function timed(fn) {
  const start = process.hrtime.bigint()
  const value = await fn()
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 }
}

/** `step(name, fn)` runs fn and records its seconds under `timings[name]`, logging them. */
export function stepTimer(log) {
  const timings = {}
  const step = async (name, fn) => {
    const start = process.hrtime.bigint()
    await fn()
    timings[name] = Math.round(Number(process.hrtime.bigint() - start) / 1e6) / 1000
    log(`  ${name}: ${timings[name]}s`)
  }
  return { timings, step }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export function envInt(name, fallback) {
  const raw = process.env[name]
  if (raw === undefined || raw === "") return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`)
  return Math.floor(n)
}

/**
 * Runs a command to completion, capturing its output in memory (never in the project folder,
 * where `medusa develop`'s watcher would see it). Rejects with the tail of the output on failure.
 */
export function run(command, args, { env, cwd = projectRoot, timeoutMs = 180_000, label } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    const keep = (chunk) => {
      out += chunk
      if (out.length > 200_000) out = out.slice(-100_000)
    }
    child.stdout.on("data", keep)
    child.stderr.on("data", keep)
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs)
    child.on("error", (err) => {
      clearTimeout(timer)
      reject(err)
    })
    child.on("exit", (code, signal) => {
      clearTimeout(timer)
      if (code === 0) return resolve(out)
      const tail = out.split("\n").slice(-40).join("\n")
      reject(new Error(`${label ?? [command, ...args].join(" ")} failed (${signal ?? `exit ${code}`}):\n${tail}`))
    })
  })
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen(port, () => server.close(() => resolve(true)))
  })
}

/** First free TCP port from `start` upward (Medusa's default 9000 is left to the developers). */
export async function findFreePort(start) {
  for (let port = start; port < start + 200; port++) {
    if (await portIsFree(port)) return port
  }
  throw new Error(`No free port in ${start}..${start + 199}`)
}

export function percentile(sortedValues, p) {
  if (!sortedValues.length) return null
  const rank = Math.ceil((p / 100) * sortedValues.length) - 1
  return sortedValues[Math.min(sortedValues.length - 1, Math.max(0, rank))]
}
