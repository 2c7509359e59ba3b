// What `npm run test:cluster` asserts after each round and after the crash: the worker's
// subscribers have caught up, the plugin's integrity check finds nothing, and no open allocation
// sits on a lot that may not be sold. Redis is read with Medusa's own client and queue library
// (ioredis and BullMQ, dependencies of its Redis modules), so the test sees the keys as the
// processes write them.
import { createRequire } from "node:module"
import { crashLeftovers } from "./cluster-diagnosis.mjs"
import { listLots } from "./cluster-shop.mjs"

const require = createRequire(import.meta.url)
const Redis = require("ioredis")
const { Queue } = require("bullmq")

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export class CheckFailed extends Error {}

/** A Redis connection to `url` that gives up at once instead of retrying (the caller reports). */
export function connectRedis(url) {
  return new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => null })
}

/** Medusa's event queue (event-bus-redis: queue "events-queue", BullMQ prefix = the service's class name). */
export function eventQueue(redis) {
  return new Queue("events-queue", { prefix: "RedisEventBusService", connection: redis })
}

/**
 * Waits until no event waits for or is in a subscriber: twice in a row, since a subscriber's own
 * workflow emits new events before its job completes.
 */
export async function waitForSubscribers(queue, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  let idle = 0
  while (Date.now() < deadline) {
    const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized", "paused")
    const pending = Object.values(counts).reduce((a, b) => a + b, 0)
    idle = pending === 0 ? idle + 1 : 0
    if (idle >= 2) return
    await sleep(300)
  }
  throw new CheckFailed(`the worker's subscribers did not catch up within ${timeoutMs / 1000} s`)
}

// @medusajs/locking-redis: lock keys, and how long a lock outlives a holder that stops renewing
// it — 60 s by default, two minutes for a cart being completed (completeCartWorkflow's ttl).
const LOCK_KEYS = "medusa_lock:*"
const LONGEST_LOCK_SECONDS = 120

/**
 * Waits until no lock is held in Redis (call it when nothing runs): a process killed while it held
 * a lock leaves it until the lock expires, and every flow that locks the same inventory item times
 * out until then. Returns the locks found at first and how long they took to go.
 */
export async function waitForLocksReleased(redis, timeoutMs = (LONGEST_LOCK_SECONDS + 30) * 1000) {
  const started = Date.now()
  const held = await redis.keys(LOCK_KEYS)
  for (let keys = held; keys.length; keys = await redis.keys(LOCK_KEYS)) {
    if (Date.now() - started > timeoutMs) throw new CheckFailed(`locks still held after ${timeoutMs / 1000} s: ${keys.join(", ")}`)
    await sleep(1000)
  }
  return { held, seconds: (Date.now() - started) / 1000 }
}

function describeFinding(f) {
  const where = [f.order_id && `order ${f.order_id}`, f.lot_id && `lot ${f.lot_id}`, `item ${f.inventory_item_id}`, `location ${f.location_id}`]
  return `${f.check} (${where.filter(Boolean).join(", ")}): expected ${f.expected}, actual ${f.actual}, ${f.source} side, ${f.repair} repair — ${f.message}`
}

/** GET /admin/lots/reconciliation over every item: in balance, no finding, no drift. */
export async function expectInBalance(http, when) {
  const report = await http.admin("GET", "/admin/lots/reconciliation")
  if (report.in_balance && !report.findings.length && !report.drift.length) return report
  const lines = report.findings.map((f) => `    ${describeFinding(f)}`)
  throw new CheckFailed(`${when}: the integrity check found ${report.findings.length} finding(s):\n${lines.join("\n")}`)
}

// The one finding a crash may rightly leave for a person: Medusa took a fulfillment's units off
// its stock and died before linking the fulfillment to its order, so the units never left; the
// records cannot say whether someone will ship them (see the stock check's cause).
const ORPHANED_FULFILLMENT = /belongs to no order \(the server stopped while creating it\)/

/**
 * What a repair left for a person, printed in full with what the crash left behind; the only
 * acceptable leftover is Medusa's own orphaned fulfillment, which is then resolved the way its
 * message tells a person to (Medusa's stocked quantity set to what the lots hold), so the check
 * after it shows whether the message was right.
 */
export async function expectRepairComplete(repair, databaseUrl, http) {
  const orphaned = repair.after.findings.filter((f) => f.check === "stock" && f.repair === "manual" && ORPHANED_FULFILLMENT.test(f.message))
  const left = repair.after.findings.filter((f) => !orphaned.includes(f))
  if (left.length || repair.failed.length) {
    const lines = [
      ...left.map((f) => `    left for a person: ${describeFinding(f)}`),
      ...repair.failed.map(({ finding, error }) => `    repair failed: ${describeFinding(finding)} — ${error}`),
      ...(await crashLeftovers(databaseUrl)).map((line) => `    ${line}`),
    ]
    throw new CheckFailed(`after the crash, the repair could not restore every invariant:\n${lines.join("\n")}`)
  }
  for (const f of orphaned) {
    await http.admin("POST", `/admin/inventory-items/${f.inventory_item_id}/location-levels/${f.location_id}`, { stocked_quantity: f.actual })
  }
  return orphaned.map(describeFinding)
}

/** Lots that may not be sold hold no open allocation, and each lot's status is the one the round left. */
export async function expectHeldLotsUnallocated(http, item, expectedHeld) {
  const problems = []
  for (const lot of await listLots(http, item)) {
    const allocated = lot.stock.reduce((sum, row) => sum + row.allocated_quantity, 0)
    if (lot.status !== "released" && allocated) problems.push(`${lot.lot_number} is ${lot.status} with ${allocated} unit(s) allocated`)
    const held = expectedHeld.has(lot.id)
    if (held !== (lot.status === "on_hold")) problems.push(`${lot.lot_number} is ${lot.status}, expected ${held ? "on_hold" : "released"}`)
  }
  if (problems.length) throw new CheckFailed(`held stock: ${problems.join("; ")}`)
}

/** Where a process's log says a subscriber threw (the Redis event bus logs it and goes on), with the error's line. */
export function subscriberErrors(logText) {
  const lines = logText.split("\n")
  return lines.flatMap((line, i) => (line.includes("An error occurred while processing") ? [`${line} ${lines[i + 1] ?? ""}`] : []))
}
