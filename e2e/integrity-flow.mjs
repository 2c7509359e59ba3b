// The integrity page in a real browser, after the other flows (it leaves the store as it found it):
//   Lots page -> "Integrity check" opens /app/lots/integrity (not the lot page): all items in balance ->
//   Medusa's stocked quantity of a lot-tracked item changed outside the lots (Medusa's own API) ->
//   the page shows a "Stock" finding that needs a person -> "Repair now" (disabled while it runs)
//   shows what it found, corrected and left -> the same page at phone width fits the screen ->
//   the stock is put back and the page is in balance again.
import assert from "node:assert/strict"
import { api, post, reveal, unreachableText } from "./support/page.mjs"

const EXTRA_UNITS = 5
const DESKTOP = { width: 1440, height: 960 }
const PHONE = { width: 390, height: 844 }

/** The integrity report once it holds (subscribers of the earlier flows may still be settling). */
async function balancedReport(page, baseUrl) {
  let report
  for (let attempt = 0; attempt < 10; attempt++) {
    report = await api(page, baseUrl, "/admin/lots/reconciliation")
    if (report.in_balance) return report
    await page.waitForTimeout(1_500)
  }
  assert.fail(`the store should be in balance, but: ${report.findings.map((f) => `${f.check}: ${f.message}`).join(" | ")}`)
}

export async function integrityFlow({ baseUrl, ui, shots }) {
  const { page, step } = ui
  const ctx = {}
  const integrityPage = page.getByTestId("integrity-page")
  const status = integrityPage.getByTestId("integrity-status")

  await step("Lots page -> Integrity check: every lot-tracked item in balance", async () => {
    const report = await balancedReport(page, baseUrl)
    await page.goto(`${baseUrl}/app/lots`)
    await page.getByTestId("lots-page").getByRole("link", { name: "Integrity check", exact: true }).click()
    await page.waitForURL(/\/app\/lots\/integrity$/)
    await status.getByText(`All ${report.checked_items} lot-tracked items are in balance`).waitFor({ timeout: 45_000 })
    assert.equal(await status.getAttribute("data-in-balance"), "true")
    assert.equal(await page.getByTestId("lot-detail-page").count(), 0, "the static segment wins over /lots/:id")
    await integrityPage.getByTestId("integrity-findings").getByText("Nothing to look into").waitFor()
  })

  await step("Medusa's stock changed outside the lots: a Stock finding that needs a person", async () => {
    const { lots } = await api(page, baseUrl, "/admin/lots?status=released&limit=1&fields=%2Binventory_item.title")
    const [lot] = lots
    assert.ok(lot?.stock.length, "a released lot with stock")
    ctx.itemId = lot.inventory_item_id
    ctx.locationId = lot.stock[0].location_id
    const levelPath = `/admin/inventory-items/${ctx.itemId}/location-levels`
    const { inventory_levels } = await api(page, baseUrl, `${levelPath}?location_id=${ctx.locationId}`)
    ctx.stocked = inventory_levels[0].stocked_quantity
    ctx.levelPath = `${levelPath}/${ctx.locationId}`
    await post(page, baseUrl, ctx.levelPath, { stocked_quantity: ctx.stocked + EXTRA_UNITS })

    await page.reload()
    await status.getByText("1 problem found").waitFor({ timeout: 45_000 })
    assert.equal(await status.getAttribute("data-in-balance"), "false")
    const finding = integrityPage.locator('[data-testid="integrity-finding"][data-check="stock"]')
    await finding.getByText("Stock", { exact: true }).waitFor()
    await finding.getByText(`Medusa holds ${EXTRA_UNITS} units more than the lots`, { exact: false }).waitFor()
    await finding.getByText("Needs a person").waitFor()
    await finding.getByRole("cell", { name: (ctx.stocked + EXTRA_UNITS).toLocaleString("en-GB"), exact: true }).waitFor()
    await finding.getByRole("link", { name: lot.inventory_item.title, exact: true }).waitFor()
  })

  await step("Repair now: disabled while it runs, then what it found, corrected and left", async () => {
    const button = integrityPage.getByTestId("integrity-repair")
    // The request waits until the button has been seen disabled, so the check cannot race the repair.
    let letThrough
    const held = new Promise((resolve) => (letThrough = resolve))
    await page.route("**/admin/lots/reconciliation/repair", async (route) => {
      await held
      await route.continue()
    })
    const answered = page.waitForResponse((res) => res.url().endsWith("/admin/lots/reconciliation/repair"))
    await button.click()
    await page.waitForFunction(() => document.querySelector('[data-testid="integrity-repair"]')?.disabled === true)
    letThrough()
    const repair = await (await answered).json()
    await page.unroute("**/admin/lots/reconciliation/repair")

    const result = integrityPage.getByTestId("integrity-repair-result")
    await result.waitFor()
    const figure = (testId, n) => result.getByTestId(testId).getByText(String(n), { exact: true }).waitFor()
    await figure("integrity-repair-found", repair.found.length)
    await figure("integrity-repair-corrected", repair.corrections.length)
    await figure("integrity-repair-left", repair.after.findings.length)
    assert.ok(repair.after.findings.some((f) => f.check === "stock" && f.inventory_item_id === ctx.itemId), "stock drift is left for a person")
    await result.getByText(/left for a person\.$/).waitFor()
    for (const correction of repair.corrections) await result.getByText(correction.message, { exact: false }).first().waitFor()
    await integrityPage.locator('[data-testid="integrity-finding"][data-check="stock"]').waitFor()
    assert.ok(await button.isEnabled(), "the button is back once the repair answered")
    await reveal(integrityPage)
    await shots.save("integrity-page.png")
  })

  await step("the integrity page at phone width: nothing cut off", async () => {
    await page.setViewportSize(PHONE)
    try {
      await integrityPage.getByTestId("integrity-findings").waitFor()
      await page.waitForTimeout(300)
      assert.deepEqual(await unreachableText(integrityPage), [], "text off-screen at 390 px")
      await reveal(integrityPage)
      await shots.save("integrity-page-phone.png")
    } finally {
      await page.setViewportSize(DESKTOP)
    }
  })

  await step("stock put back: in balance again", async () => {
    await post(page, baseUrl, ctx.levelPath, { stocked_quantity: ctx.stocked })
    const report = await balancedReport(page, baseUrl)
    await page.reload()
    await status.getByText(`All ${report.checked_items} lot-tracked items are in balance`).waitFor({ timeout: 45_000 })
  })
}
