import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner, type MedusaSuiteOptions } from "@medusajs/test-utils"

/** One suite (integration-tests/http/suites/): registers its tests and hooks against the booted app. */
export type Suite = (options: MedusaSuiteOptions) => void

/**
 * Runs several suites in ONE app the runner boots: creating the database, running every Medusa
 * migration and starting the app costs a fixed ~10 s per runner (far more on a busy machine), so
 * the suites share a runner per group instead of paying it once each.
 *
 * Each suite keeps what it had with a runner of its own: its own `describe`, so its hooks apply to
 * its tests only, and every test starts from the freshly migrated database (the runner restores it
 * from a template before each test). What the suites of a group share is the app process: a
 * workflow hook handler or an event-bus subscriber a suite registers stays registered for the
 * other suites of the group (and only one handler per hook per process is allowed: two suites of
 * a group must not hook the same workflow hook).
 *
 * One suite alone: run its group file with `-t <suite name>`, e.g.
 * `node scripts/with-db.mjs --profile test -- npm run test:integration:http -- lots-admin -t lot-status`.
 */
export function runSuitesInOneApp(suites: Record<string, Suite>) {
  medusaIntegrationTestRunner({
    inApp: true,
    env: {},
    testSuite: (options) => {
      for (const [name, suite] of Object.entries(suites)) {
        describe(name, () => {
          suite(options)
          afterEach(async () => await expectWorkflowsSettled(options))
        })
      }
    },
  })
}

const FINISHED = ["not_started", "done", "reverted", "failed"]
const ACTIVE_STEP_STATES = ["invoking", "compensating"]
// A stored execution unchanged this long, with no step running, will not move again.
const STALE_AFTER_MS = 10_000

/**
 * The runner waits for stored workflow executions after each test by polling forever (its own
 * timeout throws inside a timer, where nothing catches it): a stuck execution shows only as a
 * hook timeout minutes later. Waiting here first names the execution and the step it stopped on.
 *
 * Medusa 2.21's orchestrator can leave a stored checkout (`complete-cart`) in
 * `waiting_to_compensate` for good when its reservation step fails (not enough stock) while the
 * steps parallel to it finish: the checkpoint is stale, no step runs, nothing will resume it.
 * Those are marked failed (and named in a warning) so the next test can start; an execution with a
 * step still running fails the test.
 */
async function expectWorkflowsSettled({ getContainer }: MedusaSuiteOptions, timeoutMs = 60_000) {
  const container = getContainer()
  const engine = container.resolve(Modules.WORKFLOW_ENGINE, { allowUnregistered: true }) as
    | { listWorkflowExecutions(filter: object): Promise<StoredExecution[]> }
    | undefined
  if (!engine) {
    return
  }
  const deadline = Date.now() + timeoutMs
  let running: StoredExecution[] = []
  do {
    running = await engine.listWorkflowExecutions({ state: { $nin: FINISHED } })
    if (!running.length) {
      return
    }
    const stale = running.filter((e) => Date.now() - new Date(e.updated_at).getTime() > STALE_AFTER_MS && !activeSteps(e).length)
    if (stale.length === running.length) {
      console.warn(`Stale stored workflow executions marked failed: ${JSON.stringify(stale.map(describeExecution))}`)
      const pg = container.resolve<{ raw(sql: string, bindings: unknown[]): Promise<unknown> }>(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(`UPDATE workflow_execution SET state = 'failed' WHERE id = ANY(?)`, [stale.map((e) => e.id)])
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  } while (Date.now() < deadline)
  throw new Error(`Workflow executions still running ${timeoutMs / 1000} s after the test:\n${JSON.stringify(running.map(describeExecution), null, 2)}`)
}

type StoredStep = { id?: string; definition?: { action?: string }; invoke?: { state?: string }; compensate?: { state?: string } }
type StoredExecution = {
  id: string
  workflow_id: string
  transaction_id: string
  state: string
  updated_at: string | Date
  execution?: { steps?: Record<string, StoredStep> }
}

const activeSteps = (e: StoredExecution) =>
  Object.values(e.execution?.steps ?? {}).filter(
    (s) => ACTIVE_STEP_STATES.includes(s.invoke?.state ?? "") || ACTIVE_STEP_STATES.includes(s.compensate?.state ?? "")
  )

function describeExecution(e: StoredExecution) {
  const steps = Object.values(e.execution?.steps ?? {}).filter((s) => s.invoke?.state && !["done", "not_started", "skipped"].includes(s.invoke.state))
  return {
    workflow_id: e.workflow_id,
    transaction_id: e.transaction_id,
    state: e.state,
    steps: steps.map((s) => `${s.definition?.action ?? s.id}: ${s.invoke?.state}/${s.compensate?.state ?? "-"}`),
  }
}
