// Correcting a lot in a real browser, on a lot of its own (received through the API):
//   desktop (1440×900): lot page -> "…" -> Edit: the drawer shows the lot's values -> an expiry
//   before manufacture is refused in the form -> new expiry, a supplier picked from the records,
//   a note -> the history shows "Expiry: <old> → <new>" and the supplier -> an expiry that has
//   passed expires the lot (its status follows) -> phone (390×844): the drawer and the history fit
//   the screen, a note edited there shows as old → new. Before it expires, the lot is split into two
//   new lots from its menu (the drawer also at phone width); afterwards the item page records a lot
//   made from one of them ("Record production"), traced back to it.
import assert from "node:assert/strict"
import { api, isoDay, post, reveal, shownDay, unreachableText, unreachableTextAtRest } from "./support/page.mjs"

const ITEM_TITLE = "Greek yogurt 500 g"
const LOCATION = "Cold store — Utrecht"
const DESKTOP = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }

export async function lotEditFlow({ baseUrl, ui, shots }) {
  const { page, step } = ui
  const stamp = Date.now().toString(36).toUpperCase()
  const lotNumber = `E2E-EDIT-${stamp}`
  const supplierName = `Melkerij Oost ${stamp}`
  const ctx = {}
  const general = page.getByTestId("lot-general-section")
  const drawer = page.getByTestId("lot-edit-drawer")
  const latestEntry = page.getByTestId("lot-event").first()

  const openEdit = async () => {
    await general.getByRole("button", { name: `Actions for lot ${lotNumber}` }).click()
    await page.getByRole("menuitem", { name: "Edit", exact: true }).click()
    await drawer.waitFor()
  }

  await step("a lot of its own, received through the API; its page at 1440×900", async () => {
    await page.setViewportSize(DESKTOP)
    const { inventory_items } = await api(page, baseUrl, `/admin/inventory-items?q=${encodeURIComponent(ITEM_TITLE)}&fields=id,title`)
    const item = inventory_items.find((i) => i.title === ITEM_TITLE)
    const { stock_locations } = await api(page, baseUrl, "/admin/stock-locations?fields=id,name&limit=50")
    const location = stock_locations.find((l) => l.name === LOCATION)
    assert.ok(item && location, `"${ITEM_TITLE}" and "${LOCATION}" are seeded`)
    await post(page, baseUrl, "/admin/lot-suppliers", { name: supplierName, city: "Deventer", country_code: "nl" })
    const { lot } = await post(page, baseUrl, "/admin/lots", {
      inventory_item_id: item.id,
      location_id: location.id,
      quantity: 6,
      lot_number: lotNumber,
      manufactured_at: isoDay(-2),
      expires_at: isoDay(20),
      supplier_lot_number: "MO-9",
    })
    ctx.lotId = lot.id
    ctx.itemId = item.id
    await page.goto(`${baseUrl}/app/lots/${lot.id}`)
    await general.getByRole("heading", { name: lotNumber }).waitFor({ timeout: 45_000 })
  })

  await step("Edit opens a drawer with the lot's values; an expiry before manufacture is refused in the form", async () => {
    await openEdit()
    assert.equal(await drawer.locator("#edit-lot-manufactured").inputValue(), isoDay(-2))
    assert.equal(await drawer.locator("#edit-lot-expires").inputValue(), isoDay(20))
    assert.equal(await drawer.locator("#edit-lot-supplier-lot").inputValue(), "MO-9")
    await drawer.locator("#edit-lot-expires").fill(isoDay(-3))
    await drawer.getByRole("button", { name: "Save" }).click()
    await drawer.getByText("The expiry date must be after the manufacture date.").waitFor()
  })

  await step("new expiry, a supplier from the records and a note: the history shows each change old → new", async () => {
    await drawer.locator("#edit-lot-expires").fill(isoDay(45))
    await drawer.locator("#edit-lot-supplier").fill(supplierName)
    await drawer.getByRole("list", { name: "Matching suppliers" }).getByRole("button", { name: new RegExp(`^${supplierName}`) }).click()
    await drawer.getByTestId("edit-lot-supplier-picked").getByText(supplierName).waitFor()
    await drawer.locator("#edit-lot-notes").fill("E2E: expiry misread on the delivery note")
    await shots.save("lot-edit.png")
    await drawer.getByRole("button", { name: "Save" }).click()
    await drawer.waitFor({ state: "hidden" })
    await page.getByText(`Lot ${lotNumber} saved`).first().waitFor()
    assert.equal(await latestEntry.getAttribute("data-event-type"), "edited")
    await latestEntry.getByText(`Expiry: ${shownDay(isoDay(20))} → ${shownDay(isoDay(45))}`).waitFor()
    await latestEntry.getByText(`Supplier: — → “${supplierName}”`).waitFor()
    await latestEntry.getByText("Notes: — → “E2E: expiry misread on the delivery note”").waitFor()
    await general.getByText(supplierName).first().waitFor()
    const { lot } = await api(page, baseUrl, `/admin/lots/${ctx.lotId}`)
    assert.equal(lot.expires_at.slice(0, 10), isoDay(45))
    assert.equal(lot.supplier, supplierName)
    assert.equal(lot.events[0].actor_id?.startsWith("user_"), true, "the history names who edited")
  })

  await step("Split into new lots: refused past what may move, fits a phone, then two new lots keep the link", async () => {
    const split = page.getByTestId("lot-split-drawer")
    const openSplit = async () => {
      await general.getByRole("button", { name: `Actions for lot ${lotNumber}` }).click()
      await page.getByRole("menuitem", { name: "Split into new lots" }).click()
      await split.waitFor()
    }
    await page.setViewportSize(PHONE)
    try {
      await openSplit()
      assert.deepEqual(await unreachableTextAtRest(split), [], "text off-screen in the split drawer at 390 px")
      await split.getByRole("button", { name: "Cancel" }).click()
      await split.waitFor({ state: "hidden" })
    } finally {
      await page.setViewportSize(DESKTOP)
    }
    await openSplit()
    await split.getByLabel("Units of new lot 1").fill("7")
    await split.getByRole("button", { name: "Split", exact: true }).click()
    await split.getByText("7 units are more than the 6 that can move here").waitFor()
    await split.getByLabel("Units of new lot 1").fill("2")
    await split.getByLabel("Lot number of new lot 1").fill(`${lotNumber}-A`)
    await split.getByRole("button", { name: "Add new lot" }).click()
    await split.getByLabel("Units of new lot 2").fill("1")
    await split.getByRole("button", { name: "Split", exact: true }).click()
    await split.waitFor({ state: "hidden" })
    const { lot: parent } = await api(page, baseUrl, `/admin/lots/${ctx.lotId}`)
    assert.equal(parent.stock.reduce((sum, s) => sum + s.quantity, 0), 3, "3 units left in the split lot")
    const { trace } = await api(page, baseUrl, `/admin/lots/${ctx.lotId}/trace?direction=forward`)
    const made = trace.tables.lots.rows.filter((l) => l.depth === 1)
    assert.equal(made.length, 2, `two new lots trace back to it (${made.map((l) => l.lot_number).join(", ")})`)
    assert.ok(made.some((l) => l.lot_number === `${lotNumber}-A`), "one numbered in the form, the other by the item's template")
    // The trace tree opens a new lot's level when asked: its 2 units on hand.
    const child = page
      .getByTestId("lot-trace-tree")
      .locator('[data-testid="trace-node"][data-kind="lot"]')
      .filter({ has: page.getByRole("link", { name: `${lotNumber}-A`, exact: true }) })
    await child.getByRole("button", { name: `Open ${lotNumber}-A` }).click()
    await child.locator('[data-testid="trace-node"][data-kind="on_hand"]').getByText("2 units", { exact: true }).waitFor()
  })

  await step("Print label: for a label printer, 3 copies; the choice is remembered", async () => {
    const options = page.getByTestId("label-print-drawer")
    const openLabel = async () => {
      await general.getByRole("button", { name: `Actions for lot ${lotNumber}` }).click()
      await page.getByRole("menuitem", { name: "Print label" }).click()
      await options.waitFor()
    }
    await openLabel()
    await options.locator("#label-layout").click()
    await page.getByRole("option", { name: "Label printer (one label per page)" }).click()
    await options.locator("#label-size").click()
    await page.getByRole("option", { name: "Large, 100 × 60 mm" }).click()
    await options.locator("#label-copies").fill("3")
    const [label, tab] = await Promise.all([
      page.waitForResponse((res) => res.url().includes(`/admin/lots/${ctx.lotId}/label?`)),
      page.context().waitForEvent("page"),
      options.getByRole("button", { name: "Print", exact: true }).click(),
    ])
    assert.equal(label.status(), 200, await label.text().catch(() => ""))
    const query = new URL(label.url()).searchParams
    assert.deepEqual([query.get("format"), query.get("size"), query.get("copies")], ["pdf", "large", "3"])
    await tab.close()
    await options.waitFor({ state: "hidden" })
    await page.setViewportSize(PHONE)
    try {
      await openLabel()
      assert.equal(await options.locator("#label-size").textContent(), "Large, 100 × 60 mm", "the last size is remembered")
      assert.deepEqual(await unreachableTextAtRest(options), [], "text off-screen in the label drawer at 390 px")
      await options.getByRole("button", { name: "Cancel" }).click()
      await options.waitFor({ state: "hidden" })
    } finally {
      await page.setViewportSize(DESKTOP)
    }
  })

  await step("an expiry that has passed expires the lot: the warning says so and the status follows", async () => {
    await openEdit()
    await drawer.locator("#edit-lot-expires").fill(isoDay(-1))
    await drawer.getByRole("button", { name: "Save" }).click()
    await drawer.waitFor({ state: "hidden" })
    await page.getByText("is past its new expiry date: it is now expired").first().waitFor()
    await general.locator('[data-lot-status="expired"]').waitFor()
    await page.getByTestId("lot-event").filter({ hasText: "passed its expiry date" }).first().waitFor()
  })

  await step("on a phone (390×844): the drawer and the history fit; a note edited there shows old → new", async () => {
    await page.setViewportSize(PHONE)
    try {
      await page.reload()
      await general.getByRole("heading", { name: lotNumber }).waitFor({ timeout: 45_000 })
      await openEdit()
      await drawer.getByText("This lot is expired, which is final").waitFor()
      // The drawer slides in from the right: measure once it has come to rest.
      assert.deepEqual(await unreachableTextAtRest(drawer), [], "text off-screen in the drawer at 390 px")
      await drawer.locator("#edit-lot-notes").fill("E2E: checked on a phone")
      await drawer.getByRole("button", { name: "Save" }).click()
      await drawer.waitFor({ state: "hidden" })
      await latestEntry.getByText("Notes: “E2E: expiry misread on the delivery note” → “E2E: checked on a phone”").waitFor()
      const timeline = page.getByTestId("lot-timeline-section")
      await reveal(timeline)
      assert.deepEqual(await unreachableText(timeline), [], "text off-screen in the history at 390 px")
      await shots.save("lot-edit-phone.png")
    } finally {
      await page.setViewportSize({ width: 1440, height: 960 })
    }
  })

  await step("Record production on the item page: a lot made from one of the new lots, traced back to it", async () => {
    await page.goto(`${baseUrl}/app/inventory/${ctx.itemId}`)
    const section = page.getByTestId("item-lots-section")
    await section.getByRole("button", { name: "Record production" }).click({ timeout: 45_000 })
    const produce = page.getByTestId("produce-lot-drawer")
    await produce.getByRole("button", { name: "Record production" }).click()
    await produce.getByText("Pick at least one lot that goes into it.").waitFor()
    await produce.locator("#produce-location").click()
    await page.getByRole("option", { name: LOCATION }).click()
    await produce.locator("#produce-inputs").fill(`${lotNumber}-a`)
    await produce.getByRole("button", { name: new RegExp(`${lotNumber}-A`) }).click()
    await produce.getByLabel(`Units used of lot ${lotNumber}-A`).fill("1")
    await produce.locator("#produce-quantity").fill("1")
    await produce.locator("#produce-lot-number").fill(`${lotNumber}-P`)
    await page.setViewportSize(PHONE)
    try {
      assert.deepEqual(await unreachableTextAtRest(produce), [], "text off-screen in the production drawer at 390 px")
    } finally {
      await page.setViewportSize(DESKTOP)
    }
    await produce.getByRole("button", { name: "Record production" }).click()
    await produce.waitFor({ state: "hidden" })
    const { lots } = await api(page, baseUrl, `/admin/lots?q=${encodeURIComponent(`${lotNumber}-P`)}&limit=5`)
    assert.equal(lots.length, 1, "the lot made is recorded")
    const { trace } = await api(page, baseUrl, `/admin/lots/${lots[0].id}/trace?direction=backward`)
    assert.ok(trace.tables.lots.rows.some((l) => l.lot_number === `${lotNumber}-A`), "its backward trace reaches the lot it was made from")
  })
}
