// The Medusa app under test: the demo database (migrate, seed, admin user) and a production
// build served by `medusa start`. The build runs in a copy of the project in a temp dir, so the
// run never writes into the project (and never clobbers the plugin build in .medusa/server).
import fs from "node:fs"
import path from "node:path"
import { freePort, run, start, stop, waitForHttp } from "./processes.mjs"

// What the app needs to build (medusa-config.ts reads the environment through
// scripts/lib/deployment-config.ts); node_modules is linked, not copied.
const APP_FILES = ["src", "medusa-config.ts", "scripts/lib/deployment-config.ts", "package.json", "tsconfig.json"]

/** Migrates and seeds the demo database and creates the admin user (scripts/demo.mjs). */
export async function prepareDatabase({ root, logDir }) {
  return run("Demo database (migrate, seed, admin user)", process.execPath, [path.join(root, "scripts/demo.mjs")], {
    cwd: root,
    env: { ...process.env, DEMO_NO_SERVER: "1" },
    logFile: path.join(logDir, "demo-db.log"),
    timeoutMs: 240_000,
  })
}

/** Copies the app into `appDir` and runs `medusa build` there (backend + admin). */
export async function buildApp({ root, appDir, logDir }) {
  fs.rmSync(appDir, { recursive: true, force: true })
  fs.mkdirSync(appDir, { recursive: true })
  for (const entry of APP_FILES) {
    fs.mkdirSync(path.dirname(path.join(appDir, entry)), { recursive: true })
    fs.cpSync(path.join(root, entry), path.join(appDir, entry), { recursive: true })
  }
  fs.symlinkSync(path.join(root, "node_modules"), path.join(appDir, "node_modules"), "dir")
  return run("medusa build", path.join(root, "node_modules/.bin/medusa"), ["build"], {
    cwd: appDir,
    env: { ...process.env, NODE_ENV: "production" },
    logFile: path.join(logDir, "build.log"),
    // A busy machine builds slowly: E2E_BUILD_TIMEOUT_MS gives it longer.
    timeoutMs: Number(process.env.E2E_BUILD_TIMEOUT_MS || 300_000),
  })
}

/**
 * `medusa start` from the build on a free port. NODE_ENV=test: over plain http a production
 * server would mark the session cookie Secure (the config also sets `secure: false`).
 */
export async function startServer({ root, appDir, logDir, preferredPort }) {
  const port = await freePort(preferredPort)
  const serverDir = path.join(appDir, ".medusa/server")
  const proc = start(path.join(root, "node_modules/.bin/medusa"), ["start"], {
    cwd: serverDir,
    env: { ...process.env, NODE_ENV: "test", PORT: String(port) },
    logFile: path.join(logDir, "server.log"),
  })
  const baseUrl = `http://localhost:${port}`
  try {
    await waitForHttp(`${baseUrl}/health`, { timeoutMs: 120_000, proc })
    // The admin's index.html comes from the build; make sure it is served too.
    await waitForHttp(`${baseUrl}/app/`, { timeoutMs: 30_000, proc })
  } catch (error) {
    await stop(proc)
    throw error
  }
  return { baseUrl, stop: () => stop(proc) }
}
