// Child processes for the e2e run: each in its own process group (so a server and whatever it
// forks stop together), output to a log file outside the project, bounded waits.
import { spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

const running = new Set()

/** Starts a command in its own process group; stdout/stderr go to `logFile`. */
export function start(command, args, { cwd, env, logFile }) {
  const out = fs.openSync(logFile, "a")
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", out, out], detached: true })
  fs.closeSync(out)
  running.add(child)
  const exited = new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      running.delete(child)
      resolve({ code: code ?? (signal ? 1 : 0), signal })
    })
    child.on("error", (error) => {
      running.delete(child)
      fs.appendFileSync(logFile, `\n[e2e] could not start ${command}: ${error.message}\n`)
      resolve({ code: 1, signal: null })
    })
  })
  return { child, exited, logFile }
}

/** Runs a command to completion within `timeoutMs`; throws with the log's tail when it fails. */
export async function run(title, command, args, { timeoutMs, ...options }) {
  const started = Date.now()
  const proc = start(command, args, options)
  const timer = sleep(timeoutMs).then(() => "timeout")
  const result = await Promise.race([proc.exited, timer])
  if (result === "timeout") {
    await stop(proc)
    throw new Error(`${title} did not finish within ${timeoutMs / 1000} s\n${tail(proc.logFile)}`)
  }
  if (result.code !== 0) {
    throw new Error(`${title} failed (exit code ${result.code})\n${tail(proc.logFile)}`)
  }
  return (Date.now() - started) / 1000
}

/** SIGTERM to the process group, then SIGKILL after `graceMs`. */
export async function stop(proc, graceMs = 10_000) {
  const { child } = proc
  if (child.exitCode !== null || child.signalCode !== null) {
    return
  }
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal)
    } catch {
      // Already gone.
    }
  }
  signalGroup("SIGTERM")
  const done = await Promise.race([proc.exited.then(() => true), sleep(graceMs).then(() => false)])
  if (!done) {
    signalGroup("SIGKILL")
    await Promise.race([proc.exited, sleep(2_000)])
  }
  // The group may outlive its leader (a forked server): make sure nothing is left.
  signalGroup("SIGKILL")
}

/** Stops every child still running (on errors and signals). */
export async function stopAll() {
  await Promise.all([...running].map((child) => stop({ child, exited: new Promise((r) => child.once("exit", r)) }, 5_000)))
}

export function tail(logFile, lines = 40) {
  try {
    const text = fs.readFileSync(logFile, "utf8").trimEnd().split("\n")
    return text.slice(-lines).map((line) => `    | ${line}`).join("\n")
  } catch {
    return "    | (no output)"
  }
}

export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)))
  })
}

export async function freePort(from) {
  for (let port = from; port < from + 100; port++) {
    if (await portIsFree(port)) return port
  }
  throw new Error(`No free port in ${from}-${from + 99}`)
}

/** Polls `url` until it answers 2xx, or throws after `timeoutMs` (or when `proc` exits first). */
export async function waitForHttp(url, { timeoutMs, proc }) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (proc && (proc.child.exitCode !== null || proc.child.signalCode !== null)) {
      throw new Error(`The server exited before answering ${url}\n${tail(proc.logFile)}`)
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (res.ok) return
    } catch {
      // Not listening yet.
    }
    await sleep(500)
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s${proc ? `\n${tail(proc.logFile)}` : ""}`)
}
