// The desk screens at phone size (390×844), before the picking flow ships the seeded order:
//   an order with units to pick: "Pick" in the top bar is on the first screen, the order's Lots
//   section and pick list fit, and the tap opens the Picking screen for that order and location ->
//   item page: the policy drawer fits -> Receive lot with both dates empty: the form shows the
//   expiry the shelf life gives before saving, and the lot gets exactly that day -> lot page: hold
//   with a reason, release with a test result, the reject drawer (cancelled) — each drawer fits.
// The lot goes to the warehouse the seeded order does not pick from, so later flows' FEFO is untouched.
import assert from "node:assert/strict"
import { api, isoDay, pickOption, reveal, shownDay, unreachableText, unreachableTextAtRest } from "./support/page.mjs"

const ITEM_TITLE = "Greek yogurt 500 g"
const LOCATION = "Cold store — Utrecht"
const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1440, height: 900 }
const DAY_MS = 86_400_000

/** A drawer has slid in and nothing in it is off-screen; its buttons are at least 28 px tall. */
async function expectFits(drawer, name) {
  await drawer.waitFor()
  assert.deepEqual(await unreachableTextAtRest(drawer), [], `text off-screen in the ${name} at 390 px`)
  for (const button of await drawer.getByRole("button").all()) {
    if (!(await button.isVisible())) continue
    const box = await button.boundingBox()
    assert.ok(box && box.height >= 28 && box.x >= 0 && box.x + box.width <= PHONE.width + 0.5, `a button of the ${name} is cut off or tiny: ${JSON.stringify(box)}`)
  }
}

export async function phoneFlow({ baseUrl, ui, shots }) {
  const { page, step } = ui
  const ctx = {}
  const lotNumber = `E2E-PHONE-${Date.now().toString(36).toUpperCase()}`
  const general = page.getByTestId("lot-general-section")
  const openAction = async (name) => {
    await general.getByRole("button", { name: `Actions for lot ${lotNumber}` }).click()
    await page.getByRole("menuitem", { name }).click()
  }

  await page.setViewportSize(PHONE)
  try {
    await step("phone: an order's Pick is in the top bar; its Lots section and pick list fit; the tap opens the Picking screen", async () => {
      const { stock_locations } = await api(page, baseUrl, "/admin/stock-locations?fields=id,name&limit=50")
      for (const location of stock_locations) {
        const { orders } = await api(page, baseUrl, `/admin/picking/orders?location_id=${location.id}`)
        if (orders.length) {
          ctx.order = orders[0]
          ctx.location = location
          break
        }
      }
      assert.ok(ctx.order, "a seeded order has units to pick")
      await page.goto(`${baseUrl}/app/orders/${ctx.order.order_id}`)
      const widget = page.getByTestId("order-lots-widget")
      await widget.getByTestId("pick-list-location").first().waitFor({ timeout: 45_000 })
      const pick = page.getByTestId("topbar-order-pick")
      const box = await pick.boundingBox()
      assert.ok(box && box.y + box.height <= PHONE.height && box.x + box.width <= PHONE.width, `"Pick" in the top bar, on the first screen: ${JSON.stringify(box)}`)
      await shots.save("order-pick-phone.png")
      assert.deepEqual(await unreachableText(widget), [], "text of the Lots section or the pick list off-screen at 390 px")

      // One location opens at once; several offer a choice.
      const direct = (await pick.evaluate((element) => element.tagName)) === "A"
      await pick.click()
      if (!direct) {
        await page.getByRole("menuitem", { name: new RegExp(`at ${ctx.location.name}$`) }).click()
      }
      await page.waitForURL(new RegExp(`/app/picking/${ctx.order.order_id}\\?location_id=${ctx.location.id}`))
      await page.getByTestId("pick-order-page").waitFor()
    })

    await step("phone: the lot policy drawer fits", async () => {
      const { inventory_items } = await api(page, baseUrl, `/admin/inventory-items?q=${encodeURIComponent(ITEM_TITLE)}&fields=id,title`)
      ctx.itemId = inventory_items.find((i) => i.title === ITEM_TITLE).id
      ctx.shelfLife = (await api(page, baseUrl, `/admin/inventory-items/${ctx.itemId}/lot-policy`)).lot_policy.shelf_life_days
      assert.ok(ctx.shelfLife > 0, `${ITEM_TITLE} has a shelf life`)
      await page.goto(`${baseUrl}/app/inventory/${ctx.itemId}`)
      const policy = page.getByTestId("lot-policy-section")
      await policy.waitFor({ timeout: 45_000 })
      await reveal(policy)
      await policy.getByRole("button", { name: "Edit policy" }).click()
      const drawer = page.getByTestId("lot-policy-drawer")
      await expectFits(drawer, "policy drawer")
      await drawer.getByRole("button", { name: "Cancel" }).click()
      await drawer.waitFor({ state: "hidden" })
    })

    await step("phone: Receive lot with both dates empty shows the derived expiry first, and the lot gets that day", async () => {
      const section = page.getByTestId("item-lots-section")
      await reveal(section)
      await section.getByRole("button", { name: "Receive lot" }).click()
      const drawer = page.getByTestId("receive-lot-drawer")
      await expectFits(drawer, "receive drawer")
      const expected = new Date(Date.now() + ctx.shelfLife * DAY_MS)
      await drawer.getByText(`Empty: expires ${shownDay(expected)} (received today + ${ctx.shelfLife} days shelf life).`).waitFor()
      await drawer.locator("#receive-manufactured").fill(isoDay(-3))
      const fromMade = new Date(isoDay(-3)).getTime() + ctx.shelfLife * DAY_MS
      await drawer.getByText(`Empty: expires ${shownDay(new Date(fromMade))} (manufactured + ${ctx.shelfLife} days shelf life).`).waitFor()
      await drawer.locator("#receive-manufactured").fill("")
      await pickOption(page, "#receive-location", LOCATION)
      await drawer.locator("#receive-quantity").fill("12")
      await drawer.locator("#receive-lot-number").fill(lotNumber)
      await drawer.getByRole("button", { name: "Receive", exact: true }).click()
      await drawer.waitFor({ state: "hidden" })
      const { lots } = await api(page, baseUrl, `/admin/lots?q=${lotNumber}&fields=id,lot_number,expires_at`)
      assert.equal(lots.length, 1, "the lot received on the phone")
      ctx.lotId = lots[0].id
      assert.equal(shownDay(new Date(lots[0].expires_at)), shownDay(new Date(Date.now() + ctx.shelfLife * DAY_MS)), "the expiry the form showed")
    })

    await step("phone: hold, release with a test result, and the reject drawer on the lot page fit", async () => {
      await page.goto(`${baseUrl}/app/lots/${ctx.lotId}`)
      await general.getByRole("heading", { name: lotNumber }).waitFor({ timeout: 45_000 })

      await openAction("Put on hold")
      const hold = page.getByTestId("lot-hold-drawer")
      await expectFits(hold, "hold drawer")
      await hold.locator("#lot-hold-reason").fill("E2E: checked on a phone")
      await hold.getByRole("button", { name: "Put on hold" }).click()
      await hold.waitFor({ state: "hidden" })
      await general.locator('[data-lot-status="on_hold"]').waitFor()

      await openAction("Release")
      const release = page.getByTestId("lot-release-drawer")
      await release.getByRole("button", { name: "Add test result" }).click()
      await release.getByLabel("Test 1", { exact: true }).fill("Temperature")
      await release.getByLabel("Result of test 1").fill("3.8 °C")
      await release.getByLabel("Outcome of test 1").click()
      await page.getByRole("option", { name: "Passed" }).click()
      await expectFits(release, "release drawer")
      await shots.save("lot-release-phone.png")
      await release.getByRole("button", { name: "Release" }).click()
      await release.waitFor({ state: "hidden" })
      await general.locator('[data-lot-status="released"]').waitFor()
      await page.getByTestId("lot-event").first().getByText("Test: Temperature — 3.8 °C (passed)").waitFor()

      await openAction("Reject")
      const reject = page.getByTestId("lot-reject-drawer")
      await expectFits(reject, "reject drawer")
      await reject.getByRole("button", { name: "Cancel" }).click()
      await reject.waitFor({ state: "hidden" })
      await general.locator('[data-lot-status="released"]').waitFor()
    })

  } finally {
    await page.setViewportSize(DESKTOP)
  }
}
