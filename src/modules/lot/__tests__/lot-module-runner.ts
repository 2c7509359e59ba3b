import path from "node:path"

import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaError } from "@medusajs/framework/utils"

import { LOT_MODULE } from ".."
import type LotModuleService from "../service"

type RunnerContext = Parameters<Parameters<typeof moduleIntegrationTestRunner<LotModuleService>>[0]["testSuite"]>[0]

export type LotModuleSpecContext = RunnerContext & {
  /** Runs a statement on a fresh connection of the test database. */
  sql: <T extends Record<string, unknown>[] = Record<string, unknown>[]>(query: string, params?: unknown[]) => Promise<T>
}

/**
 * Runs `suite` against the lot module on its own database, built from the module's real
 * migrations (incl. the hand-written append-only trigger on lot_event) instead of a schema the
 * runner derives from the models, which would omit the trigger.
 */
export function lotModuleSpec(suite: (context: LotModuleSpecContext) => void, options: { dbName?: string } = {}) {
  moduleIntegrationTestRunner<LotModuleService>({
    moduleName: LOT_MODULE,
    resolve: "./src/modules/lot",
    dbName: options.dbName,
    pathToMigrations: path.join(__dirname, "..", "migrations"),
    testSuite: (context) =>
      suite({
        ...context,
        sql: (query, params = []) => context.MikroOrmWrapper.forkManager().execute(query, params),
      }),
  })
}

/** Resolves to the rejection of `promise`; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<MedusaError> {
  try {
    await promise
  } catch (error) {
    return error as MedusaError
  }
  throw new Error("Expected the call to be refused, but it succeeded")
}
