// Headless Chromium through playwright-core, with bounded waits and named, timed steps.
import fs from "node:fs"
import path from "node:path"
import { chromium } from "playwright-core"

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
]

// The plugin's admin routes (src/api/admin), as the browser requests them.
const PLUGIN_ROUTE =
  /^\/admin\/(lots|lot-suppliers|recalls|picking|traceability|inventory-items\/[^/]+\/(lot-|untracked-stock)|orders\/[^/]+\/(lots|pick-|trace)|returns\/[^/]+\/lots)/

export async function launch({ shotsDir }) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH)`)
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000 })
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, locale: "en-GB", timezoneId: "Europe/Amsterdam" })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.setDefaultNavigationTimeout(60_000)
  const pageErrors = []
  page.on("pageerror", (error) => pageErrors.push(error.message))
  // The plugin's own errors fail the step they happen in: a console error (a refused request
  // logs "Failed to load resource", which the refusal tests expect), any 5xx, and a refused GET
  // of the plugin's routes (its screens must never ask for something the server turns down).
  const ownErrors = []
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) ownErrors.push(`console: ${message.text().slice(0, 300)}`)
  })
  page.on("response", (response) => {
    const method = response.request().method()
    const status = response.status()
    if (status >= 500 || (status >= 400 && method === "GET" && PLUGIN_ROUTE.test(new URL(response.url()).pathname))) {
      ownErrors.push(`${status} ${method} ${response.url()}`)
    }
  })
  if (process.env.E2E_CONSOLE) {
    page.on("console", (message) => {
      if (["error", "warning"].includes(message.type())) console.log(`    [browser ${message.type()}] ${message.text().slice(0, 300)}`)
    })
    page.on("response", (response) => {
      if (response.status() >= 400) console.log(`    [browser http ${response.status()}] ${response.request().method()} ${response.url()}`)
    })
  }

  let current = null
  return {
    page,
    pageErrors,
    /**
     * Runs one named step; on failure saves a screenshot of the moment and rethrows with the
     * step's name. `{ medusaScreens: true }`: the step drives Medusa's own screens, whose console
     * errors are Medusa's (printed, not failed on).
     */
    async step(title, fn, { medusaScreens = false } = {}) {
      current = title
      ownErrors.length = 0
      const started = Date.now()
      try {
        await fn()
      } catch (error) {
        const file = path.join(shotsDir, `FAILED-${title.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.png`)
        await page.screenshot({ path: file }).catch(() => {})
        error.message = `step "${title}" failed: ${error.message}\n    screenshot: ${file}`
        throw error
      }
      if (pageErrors.length) {
        throw new Error(`step "${title}": the page threw: ${pageErrors.join(" | ")}`)
      }
      const failing = medusaScreens ? ownErrors.filter((e) => !e.startsWith("console: ")) : ownErrors
      if (failing.length) {
        throw new Error(`step "${title}": ${failing.join(" | ")}`)
      }
      if (ownErrors.length) console.log(`    (Medusa's own screen logged: ${ownErrors.join(" | ").slice(0, 200)})`)
      console.log(`  ok  ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
    },
    /** A screenshot without the toasts (they would cover the widget being shown). */
    async shot(name) {
      const file = path.join(shotsDir, name)
      const hideToasts = await page.addStyleTag({ content: "[data-sonner-toaster] { display: none !important; }" })
      await page.mouse.move(700, 40)
      await page.screenshot({ path: file })
      await hideToasts.evaluate((element) => element.remove())
      return file
    },
    get currentStep() {
      return current
    },
    close: () => browser.close(),
  }
}
