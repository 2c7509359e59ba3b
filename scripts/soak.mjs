// npm run test:soak: the model-based test of Medusa order flows at soak size. The commands are
// split into shards that run side by side, one per core, each with its own app, database and
// seed; the soak passes when every shard kept every invariant and together they ran the total.
//
//   SOAK_COMMANDS  commands in all (default 20000)
//   SOAK_SHARDS    shards side by side (default: the machine's cores)
//   SOAK_SEED      seed of the first shard, the others count up from it (default: today, YYYYMMDD)
//
// Each shard's output goes to .data/soak/shard-<n>.log; a failing shard's fast-check report (seed,
// path, shrunk commands) is printed, and the other shards are stopped.
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const outDir = path.join(root, ".data/soak")

function positiveInt(name, fallback) {
  const raw = process.env[name]
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`)
  return value
}

const total = positiveInt("SOAK_COMMANDS", 20_000)
const shardCount = positiveInt("SOAK_SHARDS", os.availableParallelism())
const firstSeed = positiveInt("SOAK_SEED", Number(new Date().toISOString().slice(0, 10).replaceAll("-", "")))
const share = Math.ceil(total / shardCount)

function startShard(index) {
  const seed = firstSeed + index
  const log = path.join(outDir, `shard-${index}.log`)
  const summaryFile = path.join(outDir, `shard-${index}.json`)
  fs.rmSync(summaryFile, { force: true })
  const env = {
    ...process.env,
    ORDER_MODEL_SEED: String(seed),
    // Up to 700 commands a run, as many runs as the share needs.
    ORDER_MODEL_COMMANDS: "700",
    ORDER_MODEL_RUNS: String(Math.max(20, Math.ceil(share / 50))),
    ORDER_MODEL_STOP_AFTER_COMMANDS: String(share),
    ORDER_MODEL_MIN_COMMANDS: String(share),
    ORDER_MODEL_SUMMARY_FILE: summaryFile,
    // Only used when no DATABASE_URL / DB_HOST is set: each shard its own embedded server.
    EMBEDDED_PG_PORT: String(54450 + index),
    EMBEDDED_PG_DIR: `.data/soak/pg-${index}`,
  }
  const out = fs.openSync(log, "w")
  const child = spawn("node", ["scripts/with-db.mjs", "--profile", "test", "--", "npm", "run", "test:integration:model"], {
    cwd: root,
    env,
    stdio: ["ignore", out, out],
    detached: true,
  })
  console.log(`[soak] shard ${index}: seed ${seed}, ${share} commands, log ${path.relative(root, log)}`)
  const done = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code: code ?? 1, signal })))
  return { index, seed, log, summaryFile, child, done }
}

function readSummary(shard) {
  try {
    return JSON.parse(fs.readFileSync(shard.summaryFile, "utf8"))
  } catch {
    return null
  }
}

/** The fast-check report of a failed shard: from "Property failed" to the end of its trace. */
function failureReport(shard) {
  const text = fs.readFileSync(shard.log, "utf8")
  const at = text.indexOf("Property failed")
  return at === -1 ? text.split("\n").slice(-80).join("\n") : text.slice(at, at + 20_000)
}

function stop(shards) {
  for (const shard of shards) {
    if (shard.child.exitCode === null) {
      try {
        process.kill(-shard.child.pid, "SIGTERM")
      } catch {
        // already gone
      }
    }
  }
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true })
  const started = Date.now()
  console.log(`[soak] ${total} commands in ${shardCount} shard(s)`)
  const shards = Array.from({ length: shardCount }, (_, i) => startShard(i))
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => (stop(shards), process.exit(1)))

  let failed = null
  await Promise.all(
    shards.map(async (shard) => {
      const { code } = await shard.done
      if (code !== 0 && !failed) {
        failed = shard
        stop(shards)
      }
    })
  )

  const summaries = shards.map((shard) => ({ shard, summary: readSummary(shard) }))
  let commands = 0
  for (const { shard, summary } of summaries) {
    commands += summary?.commands ?? 0
    console.log(
      `[soak] shard ${shard.index} (seed ${shard.seed}): ` +
        (summary ? `${summary.commands} commands in ${summary.runs} runs, ${summary.refused} refused by Medusa, ${summary.seconds} s` : "no summary")
    )
  }
  const minutes = ((Date.now() - started) / 60_000).toFixed(1)
  if (failed) {
    console.error(`[soak] shard ${failed.index} (seed ${failed.seed}) failed after ${minutes} min:\n${failureReport(failed)}`)
    process.exit(1)
  }
  if (commands < total) {
    console.error(`[soak] only ${commands} of ${total} commands ran (${minutes} min)`)
    process.exit(1)
  }
  console.log(`[soak] every invariant held after each of ${commands} commands (${minutes} min)`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
