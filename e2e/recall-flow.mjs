// The traceability screens in a real browser, after e2e/admin-flow.mjs has logged in:
//   Expiry page (sidebar) -> the lot the demo seed shipped to a customer: trace section forward
//   (lot -> shipment -> customer, mass balance) and backward (supplier) -> "Start recall" opens the
//   Recalls page with the lot picked -> preview scope -> recall (danger prompt) -> recall detail:
//   progress, mark the customer notified (method and note; withdrawn with a reason, marked again; all in
//   the activity), record a recovered unit and dispose of one in stock (progress and activity), download
//   the customers CSV, close (reason + prompt) -> Recalls page list -> mock recall of the same lot: time,
//   mass balance and customers shown, exported as CSV, kept in the history.
import assert from "node:assert/strict"
import fs from "node:fs"
import { api, reveal, unreachableText, unreachableTextAtRest } from "./support/page.mjs"

// The order the demo seed fulfills and ships (src/scripts/seed/store.ts, SHIPPED_ORDER_EMAIL).
const SHIPPED_ORDER_EMAIL = "camille.dubois@example.fr"
const DESKTOP = { width: 1440, height: 960 }
const PHONE = { width: 390, height: 844 }
const units = (n) => `${n.toLocaleString("en-GB")} ${n === 1 ? "unit" : "units"}`

export async function recallFlow({ baseUrl, ui, shots }) {
  const { page, step } = ui
  const ctx = {}

  await step("Expiry page from the sidebar: windows, weeks, by location and product", async () => {
    await page.getByRole("link", { name: "Expiry", exact: true }).first().click()
    await page.waitForURL(/\/app\/expiry$/)
    const expiry = page.getByTestId("expiry-page")
    await expiry.getByTestId("expiry-card-expired").waitFor({ timeout: 45_000 })
    await expiry.getByTestId("expiry-week-chart").waitFor()
    await expiry.getByTestId("expiry-by-location").waitFor()
    await reveal(expiry)
    await shots.save("expiry-page.png")
  })

  await step("lot page of a shipped lot: forward trace to the customer, backward to the supplier", async () => {
    const { orders } = await api(page, baseUrl, "/admin/orders?fields=id,email&limit=50")
    const order = orders.find((o) => o.email === SHIPPED_ORDER_EMAIL)
    assert.ok(order, `order of ${SHIPPED_ORDER_EMAIL} not found`)
    const { lines } = await api(page, baseUrl, `/admin/orders/${order.id}/lots`)
    const shipped = lines.flatMap((l) => l.shipped)
    assert.ok(shipped.length > 0, "the demo seed ships this order's lots")
    ctx.lot = { id: shipped[0].lot_id, lot_number: shipped[0].lot_number }
    const { trace } = await api(page, baseUrl, `/admin/lots/${ctx.lot.id}/trace?direction=forward`)
    const customer = trace.tables.customers.rows[0]
    assert.ok(customer, "the forward trace reaches the customer")
    ctx.customerEmail = customer.email
    ctx.customerName = customer.name ?? customer.email

    await page.goto(`${baseUrl}/app/lots/${ctx.lot.id}`)
    const section = page.getByTestId("lot-trace-section")
    await section.waitFor({ timeout: 45_000 })
    const tree = section.locator('[data-testid="lot-trace-tree"][data-direction="forward"]')
    await tree.locator('[data-kind="shipment"]').first().waitFor()
    await tree.locator('[data-kind="customer"]').getByText(customer.name ?? customer.email).first().waitFor()
    await tree.locator('[data-kind="lot"]').first().locator('[data-mass-balance="balanced"]').first().waitFor()
    const counted = (n, one) => `${n} ${n === 1 ? one : `${one}s`}`
    await section
      .getByTestId("lot-trace-totals")
      .getByText(`${counted(trace.totals.shipments, "shipment")} to ${counted(trace.totals.customers, "customer")}`)
      .waitFor()
    await section.getByTestId("lot-trace-mass-balance").getByText(`Mass balance ${trace.totals.mass_balance_percent.toLocaleString("en-GB", { maximumFractionDigits: 2 })} %`).waitFor()
    // The customers reached, a page at a time, most units still with them first.
    await section.getByTestId("lot-trace-customers").getByText(customer.name ?? customer.email, { exact: true }).waitFor()

    await section.getByRole("tab", { name: /Backward/ }).click()
    await section.locator('[data-testid="lot-trace-tree"][data-direction="backward"]').waitFor()
    const { lot } = await api(page, baseUrl, `/admin/lots/${ctx.lot.id}`)
    if (lot.supplier) await section.getByText(`Supplier ${lot.supplier}`).waitFor()

    await section.getByRole("tab", { name: /Forward/ }).click()
    await section.locator('[data-testid="lot-trace-tree"][data-direction="forward"]').waitFor()
    await reveal(section)
    await shots.save("lot-trace.png")
  })

  await step("Start recall from the lot: the Recalls page opens with the lot picked; preview (whom it reaches), then recall", async () => {
    await page.getByTestId("lot-trace-section").getByRole("link", { name: "Start recall" }).click()
    await page.waitForURL(/\/app\/recalls\?/)
    const drawer = page.getByTestId("new-recall-drawer")
    await drawer.locator(`[data-testid="picked-lot"][data-lot-number="${ctx.lot.lot_number}"]`).waitFor({ timeout: 45_000 })
    // Without a preview there is nothing to confirm; the preview needs no reason yet.
    await drawer.getByRole("button", { name: "Preview scope" }).click()
    const preview = drawer.getByTestId("recall-preview")
    await preview.getByTestId("scope-customers").getByText("1", { exact: true }).waitFor()
    await preview.getByTestId("scope-mass-balance").waitFor()
    // The preview names whom the recall reaches, with the order number, before anything is recorded.
    const reached = preview.getByTestId("recall-preview-customer")
    await reached.getByText(new RegExp(`${ctx.customerEmail.replace(/[.]/g, "\\.")} · #\\d+`)).waitFor()
    assert.equal(await reached.count(), 1)
    // A reason is required before recalling.
    await drawer.getByRole("button", { name: "Recall lots" }).click()
    await drawer.getByText("Say why").waitFor()
    await drawer.locator("#recall-reason").fill("E2E: Listeria found in retained samples")
    await drawer.getByRole("button", { name: "Recall lots" }).click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Recall", exact: true }).click()
    await page.waitForURL(/\/app\/recalls\/rcl_/)
    ctx.recallId = new URL(page.url()).pathname.split("/").pop()
  })

  await step("recall detail: lots, customers, progress; mark the customer notified; close it", async () => {
    const detail = page.getByTestId("recall-detail-page")
    await detail.waitFor()
    await detail.locator(`[data-testid="recall-lot-row"][data-lot-number="${ctx.lot.lot_number}"]`).waitFor()
    await detail.getByTestId("progress-notified").getByText("0 / 1").waitFor()
    const row = detail.getByTestId("recall-customer-row")
    const orderNumbers = await row.getByTestId("recall-customer-orders").textContent()
    assert.match(orderNumbers ?? "", /^#\d+/, `the customer row names the order number (got "${orderNumbers}")`)

    // Mark notified asks how: refused without a method, recorded with one and a note.
    const markNotified = async (method, note) => {
      await row.getByRole("button", { name: "Mark notified" }).click()
      const drawer = page.getByTestId("mark-notified-drawer")
      await drawer.getByRole("button", { name: "Mark notified" }).click()
      await drawer.getByText("Say how they were told.").waitFor()
      await drawer.locator("#notice-method").click()
      await page.getByRole("option", { name: method, exact: true }).click()
      await drawer.locator("#notice-note").fill(note)
      await drawer.getByRole("button", { name: "Mark notified" }).click()
      await drawer.waitFor({ state: "hidden" })
    }
    await markNotified("Phone", "E2E: called, no answer")
    await detail.getByTestId("progress-notified").getByText("1 / 1").waitFor()
    await row.getByTestId("recall-customer-notice").getByText(/^Phone · /).waitFor()

    // A notice marked by mistake is withdrawn with a reason; both stay in the activity.
    await row.getByRole("button", { name: "Withdraw" }).click()
    const withdraw = page.getByTestId("withdraw-notice-drawer")
    await withdraw.locator("#withdraw-reason").fill("E2E: nobody answered, so not told")
    await withdraw.getByRole("button", { name: "Withdraw notice" }).click()
    await withdraw.waitFor({ state: "hidden" })
    await detail.getByTestId("progress-notified").getByText("0 / 1").waitFor()
    await markNotified("Letter", "E2E: letter sent to the ship-to address")
    await detail.getByTestId("progress-notified").getByText("1 / 1").waitFor()
    const activity = detail.getByTestId("recall-activity")
    await activity.first().getByText(/notified by letter$/).waitFor()
    assert.deepEqual(
      await activity.evaluateAll((items) => items.map((item) => item.getAttribute("data-action-type"))),
      ["customer_notified", "notice_withdrawn", "customer_notified"]
    )
    await reveal(detail.getByTestId("recall-customers-section"))
    await shots.save("recall-customers.png")

    // Units back without a Medusa return, and units in stock disposed of, join the progress and the activity.
    const before = (await api(page, baseUrl, `/admin/recalls/${ctx.recallId}`)).recall.progress
    assert.ok(before.outstanding_quantity > 0 && before.on_hand_quantity > 0, `units out and on hand to work with (${JSON.stringify(before)})`)
    const progress = detail.getByTestId("recall-progress-section")
    const choose = async (drawer, id, option) => {
      await drawer.locator(id).click()
      await page.getByRole("option", { name: option }).first().click()
    }
    await progress.getByRole("button", { name: "Record recovered" }).click()
    const recovery = page.getByTestId("record-recovery-drawer")
    await choose(recovery, "#recovery-lot", ctx.lot.lot_number)
    await recovery.getByRole("button", { name: "Record", exact: true }).click()
    await recovery.getByText("Enter a whole number of units greater than zero.").waitFor()
    await choose(recovery, "#recovery-customer", ctx.customerName)
    await recovery.locator("#recovery-quantity").fill("1")
    await recovery.locator("#recovery-note").fill("E2E: destroyed by the customer, photo received")
    await recovery.getByRole("button", { name: "Record", exact: true }).click()
    await recovery.waitFor({ state: "hidden" })
    await progress.getByTestId("progress-recovered").getByText(units(before.recovered_quantity + 1), { exact: true }).waitFor()

    await progress.getByRole("button", { name: "Dispose of units" }).click()
    const disposal = page.getByTestId("dispose-units-drawer")
    await choose(disposal, "#disposal-lot", ctx.lot.lot_number)
    await choose(disposal, "#disposal-location", / — \d+ units?$/)
    await disposal.locator("#disposal-quantity").fill("1")
    await disposal.locator("#disposal-note").fill("E2E: incinerated")
    await disposal.getByRole("button", { name: "Dispose", exact: true }).click()
    await disposal.waitFor({ state: "hidden" })
    await progress.getByTestId("progress-disposed").getByText(units(before.disposed_quantity + 1), { exact: true }).waitFor()
    await progress.getByTestId("progress-on-hand").getByText(units(before.on_hand_quantity - 1), { exact: true }).waitFor()
    await activity.first().getByText(new RegExp(`^1 unit of lot ${ctx.lot.lot_number} disposed of at `)).waitFor()
    assert.deepEqual(
      (await activity.evaluateAll((items) => items.map((item) => item.getAttribute("data-action-type")))).slice(0, 2),
      ["units_disposed", "units_recovered"]
    )
    const after = (await api(page, baseUrl, `/admin/recalls/${ctx.recallId}`)).recall.progress
    assert.deepEqual(
      [after.recovered_quantity, after.disposed_quantity, after.on_hand_quantity, after.outstanding_quantity],
      [before.recovered_quantity + 1, before.disposed_quantity + 1, before.on_hand_quantity - 1, before.outstanding_quantity - 1]
    )
    await reveal(progress)
    await shots.save("recall-progress.png")

    // At phone width the customers (a table that scrolls sideways) and the activity stay reachable.
    await page.setViewportSize(PHONE)
    try {
      await page.waitForTimeout(300)
      for (const id of ["recall-customers-section", "recall-activity-section"]) {
        assert.deepEqual(await unreachableText(detail.getByTestId(id)), [], `${id}: text off-screen at 390 px`)
      }
      await row.getByRole("button", { name: "Withdraw" }).click()
      const phoneDrawer = page.getByTestId("withdraw-notice-drawer")
      await phoneDrawer.locator("#withdraw-reason").waitFor()
      assert.deepEqual(await unreachableTextAtRest(phoneDrawer), [], "withdraw drawer: text off-screen at 390 px")
      await phoneDrawer.getByRole("button", { name: "Cancel" }).click()
      await phoneDrawer.waitFor({ state: "hidden" })
      await detail.getByTestId("recall-progress-section").getByRole("button", { name: "Dispose of units" }).click()
      const phoneDisposal = page.getByTestId("dispose-units-drawer")
      await phoneDisposal.locator("#disposal-quantity").waitFor()
      assert.deepEqual(await unreachableTextAtRest(phoneDisposal), [], "dispose drawer: text off-screen at 390 px")
      await phoneDisposal.getByRole("button", { name: "Cancel" }).click()
      await phoneDisposal.waitFor({ state: "hidden" })
    } finally {
      await page.setViewportSize(DESKTOP)
    }
    const { lot } = await api(page, baseUrl, `/admin/lots/${ctx.lot.id}`)
    assert.equal(lot.status, "recalled", "the recalled lot's status changed")

    // The export is fetched with the session and saved under the server's file name.
    await detail.getByRole("button", { name: "Export" }).click()
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("menuitem", { name: "Customers (CSV)" }).click(),
    ])
    assert.match(download.suggestedFilename(), /^RCL-\d{4}-\d{4}-customers\.csv$/)
    const csv = await fs.promises.readFile(await download.path(), "utf8")
    assert.ok(csv.includes(ctx.customerEmail), `the CSV lists the customer (got ${csv.slice(0, 200)})`)

    await detail.getByTestId("recall-general-section").getByRole("button", { name: "Close recall" }).click()
    const drawer = page.getByTestId("close-recall-drawer")
    await drawer.locator("#close-recall-reason").fill("E2E: customer told, units destroyed")
    await drawer.getByRole("button", { name: "Close recall" }).click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Close recall" }).click()
    await drawer.waitFor({ state: "hidden" })
    await detail.locator('[data-recall-status="closed"]').waitFor()
    const { recall } = await api(page, baseUrl, `/admin/recalls/${ctx.recallId}`)
    assert.equal(recall.status, "closed")
    ctx.recallNumber = recall.recall_number
  })

  await step("Recalls page from the sidebar: the recall in the list", async () => {
    await page.getByRole("link", { name: "Recalls", exact: true }).first().click()
    await page.waitForURL(/\/app\/recalls$/)
    const recalls = page.getByTestId("recalls-page")
    await recalls.locator("tbody tr").filter({ hasText: ctx.recallNumber }).locator('[data-recall-status="closed"]').waitFor({ timeout: 45_000 })
    await reveal(recalls)
    await shots.save("recalls-page.png")
  })

  await step("mock recall of the shipped lot: time and mass balance shown and kept in the history", async () => {
    const section = page.getByTestId("mock-recall-section")
    await section.locator("#mock-recall-lots").fill(ctx.lot.lot_number.toLowerCase())
    await section.getByRole("button", { name: new RegExp(ctx.lot.lot_number) }).click()
    await section.locator(`[data-testid="picked-lot"][data-lot-number="${ctx.lot.lot_number}"]`).waitFor()
    await section.getByRole("button", { name: "Run mock recall" }).click()
    const result = section.getByTestId("mock-recall-result")
    await result.waitFor()
    const { mock_recalls } = await api(page, baseUrl, "/admin/recalls/mock?limit=1")
    const [latest] = mock_recalls
    assert.deepEqual(latest.lot_numbers, [ctx.lot.lot_number])
    await result.getByTestId("scope-duration").getByText(`${latest.duration_ms.toLocaleString("en-GB")} ms`).waitFor()
    await result.getByTestId("scope-mass-balance").getByText(/^\d+(\.\d+)? %$/).waitFor()
    await result.getByTestId("scope-customers").getByText("1", { exact: true }).waitFor()
    assert.ok(latest.mass_balance_percent > 0, "the mass balance is recorded")
    // Whom a recall would reach, with the order number; the run exports like a recall.
    await result.getByTestId("recall-preview-customer").getByText(new RegExp(`${ctx.customerEmail.replace(/[.]/g, "\\.")} · #\\d+`)).waitFor()
    await result.getByTestId("mock-recall-export").click()
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "Customers (CSV)" }).click()])
    assert.match(download.suggestedFilename(), /^mock-recall-\d{4}-\d{2}-\d{2}-customers\.csv$/)
    const csv = await fs.promises.readFile(await download.path(), "utf8")
    assert.ok(csv.includes(ctx.customerEmail), `the mock recall's CSV lists the customer (got ${csv.slice(0, 200)})`)
    await section.locator("tbody tr").filter({ hasText: ctx.lot.lot_number }).first().waitFor()
    await reveal(section)
    await shots.save("mock-recall.png")

    // At phone width the list of recalls and the mock recall's answer stay reachable.
    await page.setViewportSize(PHONE)
    try {
      await page.waitForTimeout(300)
      assert.deepEqual(await unreachableText(page.getByTestId("recalls-page")), [], "Recalls page: text off-screen at 390 px")
      assert.deepEqual(await unreachableText(result), [], "mock recall answer: text off-screen at 390 px")
    } finally {
      await page.setViewportSize(DESKTOP)
    }
  })
}
