// The Expiry page in a real browser, after e2e/admin-flow.mjs has logged in:
//   the week chart carries its numbers and reads a week out on a tap -> a location row narrows the
//   list of lots (shown as a chip, kept in the address) -> another card -> Back restores the card
//   and the filter, the chip clears it -> a row's menu writes off an expired unit and holds a lot;
//   the export downloads the card's lots -> the page at phone width: nothing cut off.
import assert from "node:assert/strict"
import fs from "node:fs"
import { api, reveal, unreachableText } from "./support/page.mjs"

const DESKTOP = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }

export async function expiryFlow({ baseUrl, ui, shots }) {
  const { page, step } = ui
  const expiry = page.getByTestId("expiry-page")

  await step("Expiry page: every bar of the week chart shows its units, a tap reads the week out", async () => {
    await page.goto(`${baseUrl}/app/expiry`)
    const chart = expiry.getByTestId("expiry-week-chart")
    await chart.waitFor({ timeout: 45_000 })
    const bars = chart.locator("button[data-week]")
    const quantities = await bars.evaluateAll((items) => items.map((b) => Number(b.getAttribute("data-quantity"))))
    const filled = quantities.filter((q) => q > 0).length
    assert.ok(filled > 0, "the demo seed has stock expiring in the coming weeks")
    assert.equal(await chart.getByTestId("week-quantity").count(), filled, "one number per bar with units")
    const index = quantities.findIndex((q) => q > 0)
    await bars.nth(index).click()
    await chart.getByTestId("expiry-week-chosen").getByText(/^Week of .+: \d[\d,]* units? in \d+ lots?$/).waitFor()
  })

  await step("a location row narrows the list of lots; Back restores card and filter", async () => {
    const { by_location } = await api(page, baseUrl, "/admin/lots/expiry-summary")
    const location = by_location.find((l) => l.windows.at(-1).quantity > 0) ?? by_location[0]
    assert.ok(location, "the demo seed has stock at risk at some location")
    const locationName = location.location_name ?? location.location_id
    await expiry.getByTestId("expiry-by-location").getByTestId("expiry-breakdown-row").filter({ hasText: locationName }).click()
    await page.waitForURL((url) => url.searchParams.get("location_id") === location.location_id)
    await expiry.getByTestId("expiry-filter-location_id").getByText(`Location: ${locationName}`).waitFor()

    const widest = location.windows.at(-1).days
    await expiry.getByTestId(`expiry-card-${widest}`).click()
    await page.waitForURL((url) => url.searchParams.get("view") === String(widest))
    const { count } = await api(page, baseUrl, `/admin/lots/expiring?within_days=${widest}&location_id=${location.location_id}&limit=1`)
    assert.ok(count > 0, "lots expire at that location within the widest window")

    await page.goBack()
    await page.waitForURL((url) => !url.searchParams.has("view") && url.searchParams.get("location_id") === location.location_id)
    await expiry.getByTestId("expiry-filter-location_id").waitFor()
    await expiry.getByRole("button", { name: "Show every location" }).click()
    await page.waitForURL((url) => !url.searchParams.has("location_id"))
    await expiry.getByTestId("expiry-filters").waitFor({ state: "detached" })
  })

  await step("act from the list: write off an expired unit, hold a lot, export what the list shows", async () => {
    await page.goto(`${baseUrl}/app/expiry?view=expired`)
    const expired = await api(page, baseUrl, "/admin/lots/expiring?within_days=1&include_expired=only&limit=1")
    const [lot] = expired.lots
    assert.ok(lot, "the demo seed has expired stock on hand")
    const row = (lotNumber) => expiry.locator("tbody tr").filter({ hasText: lotNumber })
    await row(lot.lot_number).getByRole("button", { name: `Actions for lot ${lot.lot_number}` }).click({ timeout: 45_000 })
    await page.getByRole("menuitem", { name: "Write off" }).click()
    const writeOff = page.getByTestId("lot-adjust-drawer")
    await writeOff.locator("#adjust-location").click()
    await page.getByRole("option").first().click()
    await writeOff.locator("#adjust-amount").fill("1")
    await writeOff.getByRole("button", { name: "Adjust" }).click()
    await writeOff.waitFor({ state: "hidden" })
    const after = (await api(page, baseUrl, `/admin/lots/${lot.id}`)).lot
    assert.equal(after.events[0].type, "scrapped", "the write-off is in the lot's history")
    assert.equal(after.events[0].quantity, -1)
    assert.match(page.url(), /\/app\/expiry\?view=expired$/, "acting from the list stays on the Expiry page")

    // A released lot with nothing allocated: held from its row, then released again for the flows after this one.
    const widest = (await api(page, baseUrl, "/admin/lots/expiry-summary")).windows.at(-1)
    const { lots } = await api(page, baseUrl, `/admin/lots/expiring?within_days=${widest}&limit=50`)
    const free = lots.find((l) => l.status === "released" && l.allocated === 0)
    assert.ok(free, "a released lot without allocations expires within the widest window")
    await expiry.getByTestId(`expiry-card-${widest}`).click()
    await row(free.lot_number).getByRole("button", { name: `Actions for lot ${free.lot_number}` }).click()
    await page.getByRole("menuitem", { name: "Put on hold" }).click()
    const hold = page.getByTestId("lot-hold-drawer")
    await hold.locator("#lot-hold-reason").fill("E2E: close to expiry, checking quality")
    await hold.getByRole("button", { name: "Put on hold" }).click()
    await row(free.lot_number).getByText("On hold").waitFor()
    const released = await page.request.post(`${baseUrl}/admin/lots/${free.id}/release`, { data: {} })
    assert.equal(released.status(), 200, `the lot is released again: ${await released.text()}`)

    // The export holds the lots the list shows: the chosen card's, with units on hand.
    await expiry.getByTestId("expiry-export").click()
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "CSV" }).click()])
    const csv = await fs.promises.readFile(await download.path(), "utf8")
    assert.ok(csv.includes(free.lot_number), `the export lists ${free.lot_number}`)
    assert.ok(!csv.includes(lot.lot_number), `the export of the ${widest}-day card leaves out the expired ${lot.lot_number}`)
  })

  await step("the Expiry page at phone width: nothing cut off", async () => {
    await page.setViewportSize(PHONE)
    try {
      await expiry.getByTestId("expiry-week-chart").waitFor()
      await page.waitForTimeout(300)
      assert.deepEqual(await unreachableText(expiry.getByTestId("expiry-week-chart")), [], "chart text off-screen at 390 px")
      await reveal(expiry)
      await shots.save("expiry-page-phone.png")
    } finally {
      await page.setViewportSize(DESKTOP)
    }
  })
}
