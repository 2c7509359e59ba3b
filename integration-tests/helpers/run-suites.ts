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
        describe(name, () => suite(options))
      }
    },
  })
}
