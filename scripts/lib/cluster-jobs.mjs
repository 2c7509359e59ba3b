// Scheduled jobs in the cluster run once per schedule, in the worker only. Medusa registers jobs
// only where workerMode is `worker` or `shared`; the Redis workflow engine keeps one repeatable
// BullMQ job per job name, and each coming run waits in the queue as one delayed job that one
// worker takes. The test reads that registration, then makes each plugin job's pending run due
// now (BullMQ's promote: neither the schedule nor the code changes, and the run after it is
// computed from the cron as usual) and counts, per process, the runs it logged (LOG_LEVEL=debug).
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { CheckFailed } from "./cluster-checks.mjs"

const require = createRequire(import.meta.url)
const { Queue } = require("bullmq")

// @medusajs/workflow-engine-redis: its queue for scheduled jobs; each job is workflow `job-<name>`.
const JOB_QUEUE = "medusa-workflows-jobs"
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** The plugin's jobs: file and `config.name` of each src/jobs/*.ts. */
function pluginJobs(root) {
  const dir = path.join(root, "src/jobs")
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".ts"))
    .map((file) => {
      const name = fs.readFileSync(path.join(dir, file), "utf8").match(/name:\s*"([^"]+)"/)?.[1]
      if (!name) throw new Error(`src/jobs/${file}: no config name found`)
      return { file: file.replace(/\.ts$/, ".js"), name }
    })
}

const countLines = (text, needle) => text.split("\n").filter((line) => line.includes(needle)).length

/** Each job registered by the worker alone, one repeatable entry and one pending run in Redis. */
async function expectRegisteredOnce(queue, jobs, processes) {
  for (const { file, name } of jobs) {
    for (const proc of processes) {
      const registered = countLines(proc.log(), `/jobs/${file}`)
      const expected = proc.name === "worker" ? 1 : 0
      if (registered !== expected) throw new CheckFailed(`job ${name}: registered ${registered}× by the ${proc.name} on :${proc.port}, expected ${expected}×`)
    }
    const entries = (await queue.getRepeatableJobs()).filter((job) => job.key === `schedule_job-${name}`)
    if (entries.length !== 1) throw new CheckFailed(`job ${name}: ${entries.length} repeatable entries in Redis, expected 1`)
  }
}

async function pendingRun(queue, name) {
  const runs = (await queue.getDelayed()).filter((job) => job.data?.jobId === `job-${name}`)
  if (runs.length !== 1) throw new CheckFailed(`job ${name}: ${runs.length} pending runs in Redis, expected 1`)
  return runs[0]
}

async function waitUntilFinished(queue, jobId, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const job = await queue.getJob(jobId)
    if (job?.failedReason) throw new CheckFailed(`scheduled run ${jobId} failed: ${job.failedReason}`)
    if (job?.finishedOn) return
    await sleep(300)
  }
  throw new CheckFailed(`scheduled run ${jobId} did not finish within ${timeoutMs / 1000} s`)
}

/**
 * Proves registration and single runs; returns one line per job for the summary. `processes`:
 * [{ name, port, log: () => text }].
 */
export async function proveJobsRunOnce({ redis, root, processes }) {
  const queue = new Queue(JOB_QUEUE, { connection: redis })
  try {
    const jobs = pluginJobs(root)
    await expectRegisteredOnce(queue, jobs, processes)
    const ranNeedle = (name) => `executing scheduled job job-${name} `
    const before = new Map(jobs.map(({ name }) => [name, processes.map((proc) => countLines(proc.log(), ranNeedle(name)))]))
    const promoted = new Map()
    for (const { name } of jobs) {
      const run = await pendingRun(queue, name)
      await run.promote()
      promoted.set(name, run)
    }
    for (const run of promoted.values()) await waitUntilFinished(queue, run.id)
    await sleep(3000) // a second run of the same tick, if there were one, would show by now
    const lines = []
    for (const { name } of jobs) {
      const runs = processes.map((proc, i) => countLines(proc.log(), ranNeedle(name)) - before.get(name)[i])
      const where = processes.map((proc, i) => `${proc.name} :${proc.port} ${runs[i]}×`).join(", ")
      const expected = processes.map((proc) => (proc.name === "worker" ? 1 : 0))
      if (runs.join() !== expected.join()) throw new CheckFailed(`job ${name}: one due run was executed ${where}`)
      const next = await pendingRun(queue, name)
      if (next.id === promoted.get(name).id) throw new CheckFailed(`job ${name}: no next run was scheduled`)
      lines.push(`${name}: registered by the worker only; one due run executed ${where}; next run ${new Date(next.timestamp + next.delay).toISOString()}`)
    }
    return lines
  } finally {
    await queue.close()
  }
}
