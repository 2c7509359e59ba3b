// The plugin's views follow Medusa's own actions, in a real browser, without reloading the page:
//   order #2 (nothing else fulfills it): its Lots section and pick list show open allocations ->
//   Medusa's own "Fulfill items" drawer -> "Create Fulfillment" -> back on the same page (the
//   widget's element is still the one marked before), the pick list and the Lots section show what
//   the API now answers (lots shipped, nothing left to pick) instead of the picks of before.
import assert from "node:assert/strict"
import { api } from "./support/page.mjs"

// A seeded order no other flow touches (src/scripts/seed/store.ts).
const ORDER_EMAIL = "lukas.becker@example.de"

export async function refreshFlow({ baseUrl, ui }) {
  const { page, step } = ui
  const ctx = {}
  const pickList = page.getByTestId("pick-list-section")
  const lotsSection = page.getByTestId("order-lots-section")

  await step("order page before Medusa's fulfillment: open allocations in the pick list", async () => {
    const { orders } = await api(page, baseUrl, "/admin/orders?fields=id,email&limit=50")
    ctx.order = orders.find((o) => o.email === ORDER_EMAIL)
    assert.ok(ctx.order, `order of ${ORDER_EMAIL} not found`)
    const before = await api(page, baseUrl, `/admin/orders/${ctx.order.id}/pick-list`)
    ctx.picks = before.locations.flatMap((l) => l.picks)
    assert.ok(ctx.picks.length > 0, "the seeded order has lots to pick")
    await page.goto(`${baseUrl}/app/orders/${ctx.order.id}`)
    await pickList.waitFor({ timeout: 45_000 })
    for (const pick of ctx.picks) await pickList.getByText(pick.lot_number, { exact: true }).waitFor()
    assert.equal(await lotsSection.getByTestId("order-lot-shipment-status").count(), 0, "nothing fulfilled yet")
    // A page reload or a remount would replace this element; refreshed data must not need either.
    await page.getByTestId("order-lots-widget").evaluate((element) => element.setAttribute("data-e2e-same-page", "yes"))
  })

  await step("Medusa's own drawer: Fulfill items -> Create Fulfillment", async () => {
    const header = page.getByRole("heading", { name: "Unfulfilled Items" }).first().locator("xpath=..")
    await header.getByRole("button").click()
    await page.getByRole("menuitem", { name: "Fulfill items" }).click()
    await page.waitForURL(new RegExp(`/app/orders/${ctx.order.id}/fulfillment`))
    const create = page.getByRole("button", { name: "Create Fulfillment" })
    await page.waitForFunction(
      () => [...document.querySelectorAll("button")].some((b) => b.textContent?.trim() === "Create Fulfillment" && !b.disabled),
      null,
      { timeout: 30_000 }
    )
    // The drawer takes the order's shipping option only once the location's options have loaded;
    // a click before that is answered "Shipping option is required", so wait and click again.
    const created = page.getByText("Fulfillment created successfully")
    for (let attempt = 1; ; attempt++) {
      await page.waitForLoadState("networkidle")
      await create.click()
      const outcome = await Promise.race([
        created.waitFor({ timeout: 30_000 }).then(() => "created"),
        page.getByText("Shipping option is required").waitFor({ timeout: 30_000 }).then(() => "too early"),
      ])
      if (outcome === "created") break
      assert.ok(attempt < 5, "Medusa's drawer never took the shipping option")
      await page.waitForTimeout(1_000)
    }
    await page.waitForURL(new RegExp(`/app/orders/${ctx.order.id}$`))
  }, { medusaScreens: true })

  await step("the Lots section and the pick list follow without a reload", async () => {
    const after = await api(page, baseUrl, `/admin/orders/${ctx.order.id}/pick-list`)
    const left = after.locations.flatMap((l) => l.picks)
    assert.ok(left.length < ctx.picks.length, `Medusa's fulfillment took picks off the list (${ctx.picks.length} before, ${left.length} after)`)
    const leftLots = new Set(left.map((p) => p.lot_number))
    for (const pick of ctx.picks.filter((p) => !leftLots.has(p.lot_number))) {
      await pickList.getByText(pick.lot_number, { exact: true }).waitFor({ state: "detached", timeout: 15_000 })
    }
    if (left.length === 0) await pickList.getByText("Nothing to pick").waitFor()
    const { lines } = await api(page, baseUrl, `/admin/orders/${ctx.order.id}/lots`)
    for (const lot of lines.flatMap((l) => l.shipped)) {
      await lotsSection
        .locator(`[data-testid="order-lot-allocation"][data-lot-number="${lot.lot_number}"]`)
        .getByTestId("order-lot-shipment-status")
        // Medusa's words for a fulfillment not yet shipped.
        .getByText("Awaiting shipping")
        .first()
        .waitFor()
    }
    const same = await page.getByTestId("order-lots-widget").getAttribute("data-e2e-same-page")
    assert.equal(same, "yes", "the page was not reloaded nor the widget remounted")
  })
}
