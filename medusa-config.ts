import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import {
  adminDisabledByEnv,
  assertRedisAnswers,
  commandConnects,
  redisModules,
  redisUrlFromEnv,
  workerModeFromEnv,
} from "./scripts/lib/deployment-config"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// Several processes (servers and a worker) share one Redis: see README "Deploying".
const redisUrl = redisUrlFromEnv()
// A wrong REDIS_URL stops the command here with one line, not seconds later in Medusa's Redis modules.
if (redisUrl && commandConnects()) assertRedisAnswers(redisUrl)

// The app the plugin runs in for the demo and the tests: this package's own src/ is the app,
// and the lot module is registered like any module of a Medusa project.
// A host app uses `plugins: [{ resolve: "medusa-lot-tracking", options }]` instead (see README).
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode: workerModeFromEnv(),
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
    // The demo runs over plain http on localhost: a Secure cookie would silently break login.
    cookieOptions: { secure: false },
  },
  admin: {
    disable: adminDisabledByEnv(),
  },
  modules: [
    ...redisModules(redisUrl),
    {
      resolve: "./src/modules/lot",
      options: {
        receive_status: process.env.LOT_RECEIVE_STATUS === "quarantine" ? "quarantine" : "released",
      },
    },
  ],
})
