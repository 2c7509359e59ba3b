// The Picking screen in a real browser, after the other flows:
//   desktop (1440×900): Picking in the sidebar -> choose the location (kept in the address) -> the
//   orders to pick, oldest first -> phone (390×844): open the seeded order -> lines in walking
//   order, scan field focused -> a refused code in the server's words -> a lot number and a GS1
//   code confirm lines -> a pick edited after its scan -> a quantity set before the scan, the
//   FEFO lot for part of a line and a later-expiring lot for the rest (warning declined, then
//   confirmed) -> nothing off-screen -> Finish -> Medusa's fulfillment holds exactly the scanned lots.
import assert from "node:assert/strict"
import { api, isoDay, post, reveal, unreachableText } from "./support/page.mjs"

const DESKTOP = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }
// A seeded order nothing else fulfills (src/scripts/seed/store.ts), and its item that gets split.
const ORDER_EMAIL = "sanne.devries@example.nl"
const SPLIT_SKU = "DAI-YOG-500"

/** A GS1 element string (GTIN + lot) when the lot fits AI (10), at most 20 characters; else the lot number typed. */
const codeFor = (line, lot) => (line.barcode && lot.length <= 20 ? `(01)${line.barcode.padStart(14, "0")}(10)${lot}` : lot.toLowerCase())

const natural = new Intl.Collator("en", { numeric: true, sensitivity: "base" })

export async function pickingFlow({ baseUrl, ui, shots }) {
  const { page, step } = ui
  const ctx = {}
  const pickPage = page.getByTestId("pick-order-page")
  const lineOf = (sku) => pickPage.locator(`[data-testid="pick-line"][data-sku="${sku}"]`)
  const note = pickPage.getByTestId("pick-note")
  const scanFocused = async () =>
    assert.equal(await page.evaluate(() => document.activeElement?.id), "pick-scan", "the scan field has focus")
  const scan = async (code) => {
    await page.keyboard.type(code)
    await page.keyboard.press("Enter")
  }

  try {
    await step("Picking in the sidebar (desktop): choose the location, the orders to pick oldest first", async () => {
      await page.setViewportSize(DESKTOP)
      const { orders } = await api(page, baseUrl, "/admin/orders?fields=id,email,display_id&limit=50")
      ctx.order = orders.find((o) => o.email === ORDER_EMAIL)
      assert.ok(ctx.order, `order of ${ORDER_EMAIL} not found`)
      const { lines } = await api(page, baseUrl, `/admin/orders/${ctx.order.id}/lots`)
      const split = lines.find((l) => l.sku === SPLIT_SKU)
      assert.ok(split?.allocated.length, `the order's ${SPLIT_SKU} line is allocated`)
      ctx.location = { id: split.allocated[0].location_id, name: split.allocated[0].location_name }

      await page.getByRole("link", { name: "Picking", exact: true }).first().click()
      await page.waitForURL(/\/app\/picking\?location_id=/)
      await page.locator("#picking-location").click()
      await page.getByRole("option", { name: ctx.location.name, exact: true }).click()
      await page.waitForURL(new RegExp(`location_id=${ctx.location.id}`))
      const queue = await api(page, baseUrl, `/admin/picking/orders?location_id=${ctx.location.id}`)
      assert.ok(queue.orders.some((o) => o.order_id === ctx.order.id), "the order is waiting at its location")
      const rows = page.getByTestId("pick-queue-order")
      await rows.filter({ hasText: `#${ctx.order.display_id}` }).waitFor({ timeout: 45_000 })
      const shown = await rows.evaluateAll((links) => links.map((link) => link.getAttribute("data-order-id")))
      assert.deepEqual(shown, queue.orders.map((o) => o.order_id), "oldest first, as the API answers")
      // The location is remembered in the address.
      await page.reload()
      await page.locator("#picking-location").getByText(ctx.location.name).waitFor({ timeout: 45_000 })
      assert.deepEqual(await unreachableText(page.getByTestId("picking-page")), [], "text off-screen at 1440 px")
      await shots.save("picking-list.png")
    })

    await step("a later-expiring lot of the split item arrives at the location (through the API)", async () => {
      const { inventory_items } = await api(page, baseUrl, `/admin/inventory-items?sku=${SPLIT_SKU}&fields=id,sku`)
      ctx.laterLot = `E2E-LATE-${Date.now().toString(36).toUpperCase()}`
      await post(page, baseUrl, "/admin/lots", {
        inventory_item_id: inventory_items[0].id,
        location_id: ctx.location.id,
        lot_number: ctx.laterLot,
        quantity: 6,
        status: "released",
        expires_at: isoDay(60),
      })
    })

    await step("phone: open the order; every line in walking order (by SKU); the scan field has focus", async () => {
      await page.setViewportSize(PHONE)
      await page.getByTestId("pick-queue-order").filter({ hasText: `#${ctx.order.display_id}` }).click()
      await page.waitForURL(new RegExp(`/app/picking/${ctx.order.id}\\?location_id=`))
      await pickPage.getByTestId("pick-lines").waitFor({ timeout: 45_000 })
      ctx.sheet = await api(page, baseUrl, `/admin/picking/orders/${ctx.order.id}?location_id=${ctx.location.id}`)
      const skus = await pickPage.getByTestId("pick-line").evaluateAll((items) => items.map((item) => item.getAttribute("data-sku")))
      assert.deepEqual(skus, ctx.sheet.lines.map((l) => l.sku), "the lines as the sheet gives them")
      assert.deepEqual(skus, [...skus].sort(natural.compare), "in SKU order, as the subtitle says")
      await pickPage.getByTestId("pick-walking-order").getByText("In walking order: by SKU").waitFor()
      await scanFocused()
    })

    await step("a code that is no lot: refused in the server's words, nothing picked", async () => {
      await scan("NO-SUCH-LOT-9")
      await note.filter({ hasText: "No lot NO-SUCH-LOT-9 in this store." }).waitFor()
      assert.equal(await note.getAttribute("data-tone"), "error")
      await pickPage.getByTestId("pick-order-progress").getByText(/^0 of \d+ units picked$/).waitFor()
      await scanFocused()
    })

    await step("the other lines: a lot number, a GS1 code; a pick edited after its scan", async () => {
      const others = ctx.sheet.lines.filter((l) => l.sku !== SPLIT_SKU)
      assert.ok(others.length, "the order has lines besides the split one")
      ctx.expected = {}
      for (const [index, line] of others.entries()) {
        const card = lineOf(line.sku)
        if (!line.tracked) {
          await card.getByTestId("pick-line-confirm").click()
        } else {
          const lot = line.lots[0].lot_number
          // The first by its plain lot number, the rest by a GS1 element string where the lot fits one.
          await scan(index === 0 ? lot.toLowerCase() : codeFor(line, lot))
          ctx.expected[line.line_item_id] = { [lot]: line.quantity }
        }
        await card.getByTestId("pick-line-progress").getByText(`${line.quantity} of ${line.quantity} picked`).waitFor()
        await scanFocused()
      }
      // One fewer, then one more (a line of one unit would lose its only pick).
      const edited = others.find((l) => l.tracked && l.quantity >= 2)
      assert.ok(edited, "a lot-tracked line of two units or more to edit")
      const lot = edited.lots[0].lot_number
      await lineOf(edited.sku).getByRole("button", { name: `One fewer from ${lot}` }).click()
      await lineOf(edited.sku).getByTestId("pick-line-progress").getByText(`${edited.quantity - 1} of ${edited.quantity} picked`).waitFor()
      await lineOf(edited.sku).getByRole("button", { name: `One more from ${lot}` }).click()
      await lineOf(edited.sku).getByTestId("pick-line-progress").getByText(`${edited.quantity} of ${edited.quantity} picked`).waitFor()
      await scanFocused()
      // A reload (or a phone that drops the page) keeps what was picked.
      await page.reload()
      await pickPage.getByTestId("pick-lines").waitFor({ timeout: 45_000 })
      for (const line of others) {
        await lineOf(line.sku).getByTestId("pick-line-progress").getByText(`${line.quantity} of ${line.quantity} picked`).waitFor()
      }
      await scanFocused()
    })

    await step("split: one unit of the FEFO lot (quantity set first), the rest from a later lot after the FEFO warning", async () => {
      const line = ctx.sheet.lines.find((l) => l.sku === SPLIT_SKU)
      assert.ok(line.quantity >= 2, "the split line needs two units")
      const card = lineOf(SPLIT_SKU)
      await card.click()
      const fefo = line.lots[0].lot_number
      const quantity = pickPage.locator("#pick-quantity")
      await pickPage.getByTestId("pick-quantity").getByText(`of ${line.title}`).waitFor()
      for (let n = line.quantity; n > 1; n--) await pickPage.getByRole("button", { name: "One fewer", exact: true }).click()
      assert.equal(await quantity.inputValue(), "1")
      await scanFocused()
      // By its GS1 code (the seeded yogurt lots fit AI (10)).
      await scan(codeFor(line, fefo))
      await card.getByTestId("pick-line-progress").getByText(`1 of ${line.quantity} picked`).waitFor()

      // Declined: nothing taken, pick the FEFO lot first.
      await scan(ctx.laterLot)
      const warning = page.getByRole("alertdialog")
      await warning.getByText(`Lot ${fefo} expires first`, { exact: false }).waitFor()
      await warning.getByRole("button", { name: `Pick lot ${fefo}` }).click()
      await note.filter({ hasText: `Not taken: pick lot ${fefo} first.` }).waitFor()
      await card.getByTestId("pick-line-progress").getByText(`1 of ${line.quantity} picked`).waitFor()
      await scanFocused()

      // Confirmed: the rest from the later lot.
      await scan(ctx.laterLot)
      await warning.getByRole("button", { name: `Take lot ${ctx.laterLot}` }).click()
      await card.getByTestId("pick-line-progress").getByText(`${line.quantity} of ${line.quantity} picked`).waitFor()
      await card.locator(`[data-testid="pick-row"][data-lot-number="${fefo}"]`).getByTestId("pick-row-quantity").getByText("1", { exact: true }).waitFor()
      await card
        .locator(`[data-testid="pick-row"][data-lot-number="${ctx.laterLot}"]`)
        .getByTestId("pick-row-quantity")
        .getByText(String(line.quantity - 1), { exact: true })
        .waitFor()
      ctx.expected[line.line_item_id] = { [fefo]: 1, [ctx.laterLot]: line.quantity - 1 }
      const units = ctx.sheet.lines.reduce((sum, l) => sum + l.quantity, 0)
      await pickPage.getByTestId("pick-order-progress").getByText(`${units} of ${units} units picked`).waitFor()
      await scanFocused()
    })

    await step("one-handed at 390×844: no horizontal scroll, nothing cut off, large targets", async () => {
      assert.deepEqual(await unreachableText(pickPage), [], "text off-screen at 390 px")
      const overflow = await page.evaluate(() => [...document.querySelectorAll("*")].some((box) => box.scrollWidth > box.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(box).overflowX)))
      assert.equal(overflow, false, "no box scrolls sideways")
      for (const target of [page.getByRole("button", { name: "Enter", exact: true }), pickPage.getByTestId("pick-finish"), page.locator("#pick-scan")]) {
        const box = await target.boundingBox()
        assert.ok(box && box.height >= 44 && box.x >= 0 && box.x + box.width <= PHONE.width, `a large target inside the screen (${JSON.stringify(box)})`)
      }
      await reveal(pickPage)
      await shots.save("picking-phone.png")
    })

    await step("Finish: Medusa's fulfillment at the location with exactly the scanned lots", async () => {
      const before = await api(page, baseUrl, `/admin/orders/${ctx.order.id}?fields=id,*fulfillments`)
      await pickPage.getByTestId("pick-finish").click()
      await page.waitForURL(new RegExp(`/app/picking\\?location_id=${ctx.location.id}$`))
      const after = await api(page, baseUrl, `/admin/orders/${ctx.order.id}?fields=id,*fulfillments`)
      const known = new Set(before.order.fulfillments.map((f) => f.id))
      const created = after.order.fulfillments.filter((f) => !known.has(f.id))
      assert.equal(created.length, 1, "one Medusa fulfillment")
      assert.equal(created[0].location_id, ctx.location.id)
      const { lines } = await api(page, baseUrl, `/admin/orders/${ctx.order.id}/lots`)
      for (const [lineId, lots] of Object.entries(ctx.expected)) {
        const shipped = {}
        for (const s of lines.find((l) => l.line_item_id === lineId).shipped.filter((s) => s.fulfillment_id === created[0].id)) {
          shipped[s.lot_number] = (shipped[s.lot_number] ?? 0) + s.quantity
        }
        assert.deepEqual(shipped, lots, `line ${lineId} shipped the scanned lots`)
      }
      const queue = await api(page, baseUrl, `/admin/picking/orders?location_id=${ctx.location.id}`)
      assert.ok(!queue.orders.some((o) => o.order_id === ctx.order.id), "picked in full: no longer waiting")
    })
  } finally {
    await page.setViewportSize({ width: 1440, height: 960 })
  }
}
