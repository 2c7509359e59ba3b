// The admin extensions in a real browser, against the seeded demo store:
//   login -> inventory item "Greek yogurt 500 g": lot policy (edit), lots table, receive a lot
//   (a refused duplicate first, its API message shown), hold it with a reason, transfer part,
//   scrap part -> order #1: allocated lots and pick list -> Lots page (sidebar): list, status
//   filter, search, open -> lot detail: stock per location, timeline newest first, release
//   (test results, note, who), reject (reason + danger prompt) -> scan a GS1 string to jump to the lot.
// Every wait is bounded (15 s per action, 45-60 s for a first page load).
import assert from "node:assert/strict"
import { api, isoDay, pickOption, post, reveal } from "./support/page.mjs"

const ADMIN_EMAIL = "admin@medusa-lots.test"
const ADMIN_PASSWORD = "lots-demo-2026"
const ITEM_TITLE = "Greek yogurt 500 g"
const ORDER_EMAIL = "sanne.devries@example.nl"
const LOCATION = "Cold store — Utrecht"
const OTHER_LOCATION = "Main warehouse — Rotterdam"

const lotRow = (page, lotNumber) =>
  page.getByTestId("item-lots-section").locator(`[data-testid="item-lot-row"][data-lot-number="${lotNumber}"]`)

/** The lot's own node at the top of its trace on the lot page. */
const traceRoot = (page) => page.getByTestId("lot-trace-tree").locator('[data-testid="trace-node"][data-kind="lot"]').first().locator("> div")

export async function adminFlow({ baseUrl, ui, shots }) {
  const { page, step } = ui
  const lotNumber = `E2E-${Date.now().toString(36).toUpperCase()}`
  const holdReason = "E2E: customer complaint under investigation"
  const ctx = {}

  await step("log in at /app/login", async () => {
    await page.goto(`${baseUrl}/app/login`)
    await page.fill("input[name=email]", ADMIN_EMAIL)
    await page.fill("input[name=password]", ADMIN_PASSWORD)
    await page.click("button[type=submit]")
    await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: 45_000 })
    const { inventory_items } = await api(page, baseUrl, `/admin/inventory-items?q=${encodeURIComponent(ITEM_TITLE)}&fields=id,title`)
    const item = inventory_items.find((i) => i.title === ITEM_TITLE)
    assert.ok(item, `inventory item "${ITEM_TITLE}" not found through the API`)
    ctx.itemId = item.id
  })

  await step("inventory item page shows the lot policy and the lots widget", async () => {
    await page.goto(`${baseUrl}/app/inventory/${ctx.itemId}`)
    const policy = page.getByTestId("lot-policy-section")
    await policy.waitFor({ timeout: 45_000 })
    await policy.getByTestId("lot-policy-tracked").getByText("Tracked").waitFor()
    await policy.getByText("FEFO — first expired, first out").waitFor()
    await policy.getByText("28 days").waitFor()
    const section = page.getByTestId("item-lots-section")
    await reveal(section)
    // The widget's first page: FEFO order, 10 lots.
    const { lots, count } = await api(
      page,
      baseUrl,
      `/admin/lots?inventory_item_id=${ctx.itemId}&order=expires_at&limit=10&fields=id,lot_number`
    )
    assert.ok(count >= 3, `expected the seeded lots of ${ITEM_TITLE}, got ${count}`)
    for (const lot of lots) await section.getByRole("link", { name: lot.lot_number, exact: true }).waitFor()
    ctx.existingLotNumber = lots[0].lot_number
    // An expired seeded lot shows its expiry in words.
    await section.getByText(/Expired \d+ days? ago|days? left/).first().waitFor()
  })

  await step("edit the lot policy in its drawer", async () => {
    const policy = page.getByTestId("lot-policy-section")
    await policy.getByRole("button", { name: "Edit policy" }).click()
    const drawer = page.getByTestId("lot-policy-drawer")
    await drawer.waitFor()
    await drawer.locator("#policy-min-remaining").fill("seven")
    await drawer.getByRole("button", { name: "Save" }).click()
    await drawer.getByText("Enter a whole number of days.").waitFor()
    await drawer.locator("#policy-min-remaining").fill("7")
    await drawer.getByRole("button", { name: "Save" }).click()
    await drawer.waitFor({ state: "hidden" })
    await policy.getByText("7 days").waitFor()
    const { lot_policy } = await api(page, baseUrl, `/admin/inventory-items/${ctx.itemId}/lot-policy`)
    assert.equal(lot_policy.min_remaining_shelf_life_days, 7)
    assert.equal(lot_policy.shelf_life_days, 28, "fields not edited keep their values")
  })

  await step("receive form shows the API's refusal in words (duplicate lot number)", async () => {
    const section = page.getByTestId("item-lots-section")
    await section.getByRole("button", { name: "Receive lot" }).click()
    const drawer = page.getByTestId("receive-lot-drawer")
    await drawer.waitFor()
    await pickOption(page, "#receive-location", LOCATION)
    await drawer.locator("#receive-quantity").fill("24")
    await drawer.locator("#receive-lot-number").fill(ctx.existingLotNumber)
    await drawer.getByRole("button", { name: "Receive", exact: true }).click()
    // The toast carries the API's message, which names the existing lot.
    await page.getByText("The lot was not received").waitFor()
    await page.getByText(new RegExp(ctx.existingLotNumber.replace(/[-]/g, "\\-"))).last().waitFor()
    assert.ok(await drawer.isVisible(), "the form should stay open after a refusal")
  })

  await step("receive a new lot through the form; it appears in the table", async () => {
    const drawer = page.getByTestId("receive-lot-drawer")
    await drawer.locator("#receive-lot-number").fill(lotNumber.toLowerCase())
    await drawer.locator("#receive-manufactured").fill(isoDay(-1))
    // Expiring soon, so FEFO order puts it on the widget's first page however many lots exist.
    await drawer.locator("#receive-expires").fill(isoDay(2))
    // The supplier picker searches the supplier records; a name it does not know is added on the spot.
    await drawer.locator("#receive-supplier").fill("Zuivelcoöperatie Noord")
    await drawer.getByRole("button", { name: "Add “Zuivelcoöperatie Noord” as a new supplier" }).click()
    await drawer.getByTestId("receive-supplier-picked").getByText("Zuivelcoöperatie Noord").waitFor()
    await drawer.locator("#receive-supplier-lot").fill("ZCN-E2E-1")
    await drawer.getByRole("button", { name: "Receive", exact: true }).click()
    await drawer.waitFor({ state: "hidden" })
    await page.getByText("Lot received").first().waitFor()
    const row = lotRow(page, lotNumber)
    await row.waitFor()
    await row.locator('[data-lot-status="released"]').waitFor()
    await row.getByText(LOCATION).waitFor()
    await row.getByText("24", { exact: true }).first().waitFor()
    await row.getByText("2 days left").waitFor()
    const { lots } = await api(page, baseUrl, `/admin/lots?q=${lotNumber}&fields=id,lot_number,status`)
    assert.equal(lots.length, 1, "the received lot is in the API")
    ctx.lotId = lots[0].id
  })

  await step("hold the lot with a reason; its status badge changes", async () => {
    const row = lotRow(page, lotNumber)
    await row.getByRole("button", { name: `Actions for lot ${lotNumber}` }).click()
    await page.getByRole("menuitem", { name: "Put on hold" }).click()
    const drawer = page.getByTestId("lot-hold-drawer")
    await drawer.waitFor()
    // Without a reason the form refuses.
    await drawer.getByRole("button", { name: "Put on hold" }).click()
    await drawer.getByText("Say why").waitFor()
    await drawer.locator("#lot-hold-reason").fill(holdReason)
    await drawer.getByRole("button", { name: "Put on hold" }).click()
    await drawer.waitFor({ state: "hidden" })
    await row.locator('[data-lot-status="on_hold"]').waitFor()
    const { lot } = await api(page, baseUrl, `/admin/lots/${ctx.lotId}`)
    assert.equal(lot.status, "on_hold")
  })

  await step("transfer part of the lot to another location", async () => {
    const row = lotRow(page, lotNumber)
    await row.getByRole("button", { name: `Actions for lot ${lotNumber}` }).click()
    await page.getByRole("menuitem", { name: "Transfer" }).click()
    const drawer = page.getByTestId("lot-transfer-drawer")
    await drawer.waitFor()
    await drawer.getByText("24 of 24 units can move").waitFor() // one source: chosen for you
    await pickOption(page, "#transfer-to", OTHER_LOCATION)
    await drawer.locator("#transfer-quantity").fill("30")
    await drawer.getByRole("button", { name: "Transfer" }).click()
    await drawer.getByText("At most 24 units can move").waitFor()
    await drawer.locator("#transfer-quantity").fill("4")
    await drawer.getByRole("button", { name: "Transfer" }).click()
    await drawer.waitFor({ state: "hidden" })
    const section = page.getByTestId("item-lots-section")
    await section.locator(`[data-lot-number="${lotNumber}"]`).filter({ hasText: OTHER_LOCATION }).getByText("4", { exact: true }).waitFor()
    await section.locator(`[data-lot-number="${lotNumber}"]`).filter({ hasText: LOCATION }).getByText("20", { exact: true }).waitFor()
  })

  await step("write off scrapped units with an adjustment", async () => {
    const row = lotRow(page, lotNumber)
    await row.getByRole("button", { name: `Actions for lot ${lotNumber}` }).click()
    await page.getByRole("menuitem", { name: "Adjust stock" }).click()
    const drawer = page.getByTestId("lot-adjust-drawer")
    await drawer.waitFor()
    await pickOption(page, "#adjust-location", LOCATION)
    await pickOption(page, "#adjust-reason", "Scrap")
    await drawer.locator("#adjust-amount").fill("2")
    await drawer.getByRole("button", { name: "Adjust" }).click()
    await drawer.waitFor({ state: "hidden" })
    const section = page.getByTestId("item-lots-section")
    await section.locator(`[data-lot-number="${lotNumber}"]`).filter({ hasText: LOCATION }).getByText("18", { exact: true }).waitFor()
    await reveal(page.getByTestId("lot-policy-section"))
    await shots.save("inventory-item-lots.png")
  })

  await step("order page shows its allocated lots and the pick list", async () => {
    const { orders } = await api(page, baseUrl, "/admin/orders?fields=id,email,display_id&limit=50")
    const order = orders.find((o) => o.email === ORDER_EMAIL)
    assert.ok(order, `order of ${ORDER_EMAIL} not found`)
    const { lines } = await api(page, baseUrl, `/admin/orders/${order.id}/lots`)
    const allocated = lines.flatMap((l) => l.allocated)
    assert.ok(allocated.length > 0, "the seeded order has allocated lots")
    await page.goto(`${baseUrl}/app/orders/${order.id}`)
    const section = page.getByTestId("order-lots-section")
    await section.waitFor({ timeout: 45_000 })
    for (const a of allocated) {
      const row = section.locator(`[data-testid="order-lot-allocation"][data-lot-number="${a.lot_number}"]`)
      await row.getByText(a.location_name).waitFor()
      await row.getByRole("cell", { name: String(a.quantity), exact: true }).waitFor()
    }
    const pickList = page.getByTestId("pick-list-section")
    await pickList.getByText(allocated[0].location_name).waitFor()
    await pickList.getByText(allocated[0].lot_number).waitFor()
    await reveal(section)
    await shots.save("order-lots.png")

    // The pick station's scan: the allocated lot is confirmed; a later-expiring lot of the item at
    // that location is asked about first, and not taken when the picker goes for the earlier one.
    const scanField = page.getByTestId("pick-scan-form")
    const result = page.getByTestId("pick-scan-result")
    await scanField.locator("input").fill(allocated[0].lot_number.toLowerCase())
    await scanField.locator("input").press("Enter")
    await result.filter({ hasText: allocated[0].lot_number }).waitFor()
    assert.equal(await result.getAttribute("role"), "status", `a confirmation: ${await result.textContent()}`)
    const { lot: earlier } = await api(page, baseUrl, `/admin/lots/${allocated[0].lot_id}`)
    const later = `E2E-LATER-${Date.now().toString(36).toUpperCase()}`
    const expires = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10)
    await post(page, baseUrl, "/admin/lots", {
      inventory_item_id: earlier.inventory_item_id, location_id: allocated[0].location_id, lot_number: later, quantity: 5, status: "released", expires_at: expires,
    })
    await scanField.locator("input").fill(later)
    await scanField.locator("input").press("Enter")
    const question = page.getByRole("alertdialog")
    await question.getByText(`Take lot ${later}?`).waitFor()
    await question.getByRole("button", { name: `Pick lot ${allocated[0].lot_number}` }).click()
    await result.filter({ hasText: `Not taken: pick lot ${allocated[0].lot_number} first.` }).waitFor()
    const { lines: after } = await api(page, baseUrl, `/admin/orders/${order.id}/lots`)
    assert.deepEqual(after.flatMap((l) => l.allocated).map((a) => a.lot_number), allocated.map((a) => a.lot_number), "nothing moved")
  })

  await step("Lots page from the sidebar: lots with status and expiry", async () => {
    await page.getByRole("link", { name: "Lots", exact: true }).first().click()
    await page.waitForURL(/\/app\/lots$/)
    const lotsPage = page.getByTestId("lots-page")
    await lotsPage.locator("tbody tr").nth(10).waitFor()
    await lotsPage.locator("tbody tr").filter({ hasText: lotNumber }).locator('[data-lot-status="on_hold"]').waitFor()
    await lotsPage.getByText(/of \d+ results/).waitFor()
  })

  await step("filter the Lots page by status", async () => {
    const lotsPage = page.getByTestId("lots-page")
    await lotsPage.getByTestId("lots-filter-menu").getByRole("button").click()
    await page.getByRole("menuitem", { name: "Status" }).click()
    await page.locator("[data-radix-popper-content-wrapper]").getByText("Quarantine", { exact: true }).click()
    await page.keyboard.press("Escape")
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="lots-page"] tbody tr')]
      return rows.length > 0 && rows.every((row) => row.querySelector('[data-lot-status="quarantine"]'))
    }, null, { timeout: 15_000 })
    const { count } = await api(page, baseUrl, "/admin/lots?status=quarantine&limit=1")
    await lotsPage.locator("tbody tr").nth(count - 1).waitFor()
    assert.equal(await lotsPage.locator("tbody tr").count(), count, "one row per quarantined lot")
    await lotsPage.getByRole("button", { name: "Clear all" }).click()
    await lotsPage.locator("tbody tr").nth(10).waitFor()
  })

  await step("search the Lots page by lot number, open the lot", async () => {
    const search = page.getByPlaceholder("Search lot, SKU or product")
    await search.fill(lotNumber.slice(0, -2).toLowerCase())
    const rows = page.getByTestId("lots-page").locator("tbody tr")
    await rows.filter({ hasText: lotNumber }).waitFor()
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="lots-page"] tbody tr').length === n,
      1,
      { timeout: 15_000 }
    )
    await rows.filter({ hasText: lotNumber }).getByText("On hold").waitFor()
    await rows.filter({ hasText: lotNumber }).click()
    await page.waitForURL(new RegExp(`/app/lots/${ctx.lotId}$`))
  })

  await step("lot detail shows stock per location and the timeline, newest first", async () => {
    const detail = page.getByTestId("lot-detail-page")
    await detail.waitFor()
    await detail.getByRole("heading", { name: lotNumber }).waitFor()
    await detail.getByTestId("lot-general-section").locator('[data-lot-status="on_hold"]').waitFor()
    const stock = detail.getByTestId("lot-stock-section")
    await stock.getByRole("row").filter({ hasText: LOCATION }).getByRole("cell", { name: "18", exact: true }).first().waitFor()
    await stock.getByRole("row").filter({ hasText: OTHER_LOCATION }).getByRole("cell", { name: "4", exact: true }).first().waitFor()
    const events = detail.getByTestId("lot-event")
    await events.nth(4).waitFor()
    const types = await events.evaluateAll((items) => items.map((item) => item.getAttribute("data-event-type")))
    const at = (type) => types.indexOf(type)
    for (const type of ["scrapped", "transferred_out", "transferred_in", "held", "received"]) {
      assert.ok(at(type) !== -1, `timeline has a ${type} entry (got ${types.join(", ")})`)
    }
    assert.ok(at("scrapped") < at("held") && at("held") < at("received"), `newest first (got ${types.join(", ")})`)
    await events.filter({ hasText: "Put on hold" }).getByText(`Reason: ${holdReason}`).waitFor()
    await events.filter({ hasText: "Received" }).getByText(/\+24 units/).waitFor()
    await shots.save("lot-detail.png")
  })

  await step("release the lot with its test results: a failed test is refused, the passed ones land on the timeline with who released it", async () => {
    const general = page.getByTestId("lot-general-section")
    await general.getByRole("button", { name: `Actions for lot ${lotNumber}` }).click()
    await page.getByRole("menuitem", { name: "Release" }).click()
    const drawer = page.getByTestId("lot-release-drawer")
    await drawer.getByRole("button", { name: "Add test result" }).click()
    await drawer.getByLabel("Test 1", { exact: true }).fill("Listeria")
    await drawer.getByLabel("Result of test 1").fill("Not detected")
    await drawer.getByLabel("Outcome of test 1").click()
    await page.getByRole("option", { name: "Failed" }).click()
    await drawer.getByRole("button", { name: "Release" }).click()
    await drawer.getByText("A lot with a failed test cannot be released").waitFor()
    await drawer.getByLabel("Outcome of test 1").click()
    await page.getByRole("option", { name: "Passed" }).click()
    await drawer.locator("#lot-release-note").fill("E2E: QC panel OK")
    await drawer.getByRole("button", { name: "Release" }).click()
    await drawer.waitFor({ state: "hidden" })
    await general.locator('[data-lot-status="released"]').waitFor()
    const released = page.getByTestId("lot-event").first()
    await released.getByText("Released").first().waitFor()
    await released.getByText("Test: Listeria — Not detected (passed)").waitFor()
    await released.getByText("Note: E2E: QC panel OK").waitFor()
    await released.getByTestId("lot-event-actor").getByText(/^By /).waitFor()
    // The trace on the same page follows the release (it used to keep the old status).
    await traceRoot(page).locator('[data-lot-status="released"]').waitFor()
  })

  await step("reject the lot: a reason, then a danger prompt", async () => {
    const general = page.getByTestId("lot-general-section")
    await general.getByRole("button", { name: `Actions for lot ${lotNumber}` }).click()
    await page.getByRole("menuitem", { name: "Reject" }).click()
    const drawer = page.getByTestId("lot-reject-drawer")
    await drawer.locator("#lot-reject-reason").fill("E2E: failed microbiology test")
    await drawer.getByRole("button", { name: "Reject lot" }).click()
    const prompt = page.getByRole("alertdialog")
    await prompt.getByText("Rejection is final").waitFor()
    await prompt.getByRole("button", { name: "Reject lot" }).click()
    await drawer.waitFor({ state: "hidden" })
    await general.locator('[data-lot-status="rejected"]').waitFor()
    await traceRoot(page).locator('[data-lot-status="rejected"]').waitFor()
    const { lot } = await api(page, baseUrl, `/admin/lots/${ctx.lotId}`)
    assert.equal(lot.status, "rejected")
    // Rejected is final: the menu offers neither release nor hold any more.
    await general.getByRole("button", { name: `Actions for lot ${lotNumber}` }).click()
    assert.ok(await page.getByRole("menuitem", { name: "Release" }).isDisabled())
    await page.keyboard.press("Escape")
  })

  await step("scan a GS1 code on the Lots page to jump to the lot", async () => {
    await page.goto(`${baseUrl}/app/lots`)
    const scan = page.locator("#lot-scan")
    await scan.fill(`(01)08712345100018(17)${isoDay(2).slice(2).replace(/-/g, "")}(10)${lotNumber.toLowerCase()}`)
    await scan.press("Enter")
    await page.waitForURL(new RegExp(`/app/lots/${ctx.lotId}$`))
    await page.getByTestId("lot-detail-page").getByRole("heading", { name: lotNumber }).waitFor()
    await page.goto(`${baseUrl}/app/lots`)
    await scan.fill("NO-SUCH-LOT-42")
    await scan.press("Enter")
    await page.getByText("No lot NO-SUCH-LOT-42 in this store.").waitFor()
  })

  return { lotNumber }
}
