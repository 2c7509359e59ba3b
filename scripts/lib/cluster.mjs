// The deployment `npm run demo:cluster` runs and `npm run test:cluster` checks: one build started
// three times with `medusa start` — two HTTP servers and a worker — on one PostgreSQL and one
// Redis (README "Deploying").
import { withEnv } from "./database.mjs"

export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379"

/** The three processes on `ports` ([server, server, worker]), each with its own mode and admin switch. */
export function clusterProcesses([serverPort, secondServerPort, workerPort]) {
  return [
    { name: "server", port: serverPort, env: { MEDUSA_WORKER_MODE: "server" } },
    { name: "server", port: secondServerPort, env: { MEDUSA_WORKER_MODE: "server" } },
    { name: "worker", port: workerPort, env: { MEDUSA_WORKER_MODE: "worker", DISABLE_MEDUSA_ADMIN: "true" } },
  ]
}

/**
 * The environment every process of the cluster shares: the database, REDIS_URL, and none of the
 * per-process switches from the caller's shell (each process gets its own from clusterProcesses).
 */
export function clusterEnv(base, { databaseEnv, redisUrl }) {
  return withEnv(base, {
    ...databaseEnv,
    REDIS_URL: redisUrl,
    MEDUSA_WORKER_MODE: undefined,
    DISABLE_MEDUSA_ADMIN: undefined,
    MEDUSA_DISABLE_ADMIN: undefined,
  })
}
