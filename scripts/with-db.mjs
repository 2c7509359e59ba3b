#!/usr/bin/env node
// Runs a command with a PostgreSQL server at hand. Without DATABASE_URL / DB_HOST it starts an
// embedded PostgreSQL (data under .data/, ignored by git), so `npm run demo` and `npm test` need
// no database server on the machine (see scripts/lib/database.mjs). When REDIS_URL is set, it
// first checks that a Redis answers there, so a wrong URL fails at once with one line.
//
//   node scripts/with-db.mjs [--profile demo|test] -- <command> [args...]
import { spawn } from "node:child_process"
import { resolveProfile, startDatabase, withEnv } from "./lib/database.mjs"
import { pingRedis } from "./lib/redis-ping.mjs"

function parseArgs(argv) {
  const sep = argv.indexOf("--")
  const own = sep === -1 ? [] : argv.slice(0, sep)
  const command = sep === -1 ? argv : argv.slice(sep + 1)
  const profileIdx = own.indexOf("--profile")
  const profile = resolveProfile(profileIdx === -1 ? "demo" : own[profileIdx + 1])
  if (!command.length) throw new Error("Usage: with-db.mjs [--profile demo|test] -- <command>")
  return { profile, command }
}

async function main() {
  const { profile, command } = parseArgs(process.argv.slice(2))
  // The tests run the app in one process with Medusa's in-memory modules (they watch its local
  // event bus): a REDIS_URL meant for a deployment must not reach them.
  if (profile.name === "test" && process.env.REDIS_URL) {
    console.log("[with-db] tests run in one process: REDIS_URL is ignored")
    delete process.env.REDIS_URL
  }
  if (process.env.REDIS_URL) {
    await pingRedis(process.env.REDIS_URL).catch((err) => {
      throw new Error(`REDIS_URL: ${err.message}. Start Redis there, fix REDIS_URL, or unset it.`)
    })
  }
  const database = await startDatabase(profile)
  console.log(`[with-db] ${database.description}`)

  let stopping = false
  const stop = async (code) => {
    if (stopping) return
    stopping = true
    await database.stop()
    process.exit(code)
  }
  const env = withEnv(process.env, database.env)
  // The test runner empties every table between tests with TRUNCATE, which the lot history refuses
  // unless the session allows it (see Migration20261206220000); only the tests' sessions do.
  if (profile.name === "test") {
    env.PGOPTIONS = [process.env.PGOPTIONS, "-c lot_tracking.allow_history_truncate=on"].filter(Boolean).join(" ")
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
