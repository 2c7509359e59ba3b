// The Lots page for a merchant at a desk, in a real browser, after the admin flow:
//   desktop (1440×900): a shared link with sort and page -> open a lot, Back: the same page ->
//   search by SKU, filter by location and expiry: all in the address -> open a lot, Back: the
//   same list -> export the filtered lots as CSV (the same lots as the API) -> pick two lots,
//   print their labels as one PDF -> "Go to lot" answers: a lot not in stock yet offers the
//   item's receive form filled from the scan, a wrong GTIN check digit or length is named, another
//   product's label warns before the lot opens -> phone (390×844): a filtered link, a scan answer,
//   nothing off-screen.
import assert from "node:assert/strict"
import fs from "node:fs"
import { api, reveal, unreachableText } from "./support/page.mjs"

const DESKTOP = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }
const YOGURT_SKU = "DAI-YOG-500"
const YOGURT = "Greek yogurt 500 g"
const MILK = "Fresh whole milk 1 L"
const COLD_STORE = "Cold store — Utrecht"

/** GTIN-14 of a seeded product's EAN-13 (its first 12 digits in src/scripts/seed/catalog.ts). */
function gtin14(ean12) {
  const digits = `0${ean12}`
  const sum = [...digits].reverse().reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 3 : 1), 0)
  return `${digits}${(10 - (sum % 10)) % 10}`
}
const YOGURT_GTIN = gtin14("871234510001")
const MILK_GTIN = gtin14("871234510002")

/** The lot numbers the table shows, top to bottom. */
const shownLots = (lotsPage) =>
  lotsPage.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.querySelector("td:nth-child(2)")?.textContent?.trim()))

async function expectRows(page, lotsPage, lotNumbers) {
  await page.waitForFunction(
    (expected) => {
      const rows = [...document.querySelectorAll('[data-testid="lots-page"] tbody tr')]
      return JSON.stringify(rows.map((row) => row.querySelector("td:nth-child(2)")?.textContent?.trim())) === JSON.stringify(expected)
    },
    lotNumbers,
    { timeout: 15_000 }
  ).catch(async () => assert.deepEqual(await shownLots(lotsPage), lotNumbers, "the table shows the API's lots"))
}

async function scan(page, code) {
  const field = page.locator("#lot-scan")
  await field.fill(code)
  await field.press("Enter")
}

export async function lotsPageFlow({ baseUrl, ui, shots }) {
  const { page, step } = ui
  const lotsPage = page.getByTestId("lots-page")
  const answer = lotsPage.getByTestId("lot-scan-answer")
  const ctx = {}

  await step("Lots page from a shared link: sort and page 2; a lot opened, Back returns to the same page", async () => {
    await page.setViewportSize(DESKTOP)
    const { lots, count } = await api(page, baseUrl, "/admin/lots?order=-received_at&offset=20&limit=20&fields=id,lot_number")
    assert.ok(count > 20, `the demo store has more than one page of lots (${count})`)
    await page.goto(`${baseUrl}/app/lots?order=-received_at&page=2`)
    await expectRows(page, lotsPage, lots.map((l) => l.lot_number))
    await lotsPage.getByText(`${Math.min(40, count)} of ${count} results`).waitFor()
    await lotsPage.getByText(`2 of ${Math.ceil(count / 20)} pages`).waitFor()
    const shared = page.url()
    await lotsPage.locator("tbody tr").first().click()
    await page.waitForURL(new RegExp(`/app/lots/${lots[0].id}$`))
    await page.goBack()
    await page.waitForURL(shared)
    await expectRows(page, lotsPage, lots.map((l) => l.lot_number))
  })

  await step("search by SKU, filter by location and expiry: the address keeps them", async () => {
    await page.goto(`${baseUrl}/app/lots`)
    await lotsPage.locator("tbody tr").nth(10).waitFor()
    await lotsPage.getByPlaceholder("Search lot, SKU or product").fill(YOGURT_SKU.toLowerCase())
    await page.waitForURL(/[?&]q=dai-yog-500/)
    const menu = lotsPage.getByTestId("lots-filter-menu").getByRole("button")
    await menu.click()
    await page.getByRole("menuitem", { name: "Location" }).click()
    await page.locator("[data-radix-popper-content-wrapper]").getByText(COLD_STORE, { exact: true }).click()
    await page.keyboard.press("Escape")
    await page.waitForURL(/[?&]location_id=sloc_/)
    await menu.click()
    await page.getByRole("menuitem", { name: "Expiry" }).click()
    await page.locator("[data-radix-popper-content-wrapper]").getByText("Within 30 days", { exact: true }).click()
    await page.keyboard.press("Escape")
    await page.waitForURL(/[?&]expires_to=/)

    const params = new URL(page.url()).searchParams
    // Calendar days in the browser's time zone: today and 30 days on, both ends included.
    const [from, to, dayAfter] = await page.evaluate(() =>
      [0, 30, 31].map((n) => {
        const d = new Date()
        d.setDate(d.getDate() + n)
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`
      })
    )
    assert.equal(params.get("expires_from"), from)
    assert.equal(params.get("expires_to"), to)
    ctx.filter = `q=${YOGURT_SKU}&location_id=${params.get("location_id")}&expires_after=${from}&expires_before=${dayAfter}`
    const { lots } = await api(page, baseUrl, `/admin/lots?${ctx.filter}&order=expires_at&limit=20&fields=id,lot_number,stock.location_id`)
    assert.ok(lots.length >= 2, `yogurt lots at the cold store expire within 30 days (${lots.length})`)
    ctx.lots = lots
    await expectRows(page, lotsPage, lots.map((l) => l.lot_number))
    for (const row of await lotsPage.locator("tbody tr").all()) await row.getByText(COLD_STORE).waitFor()
    ctx.filteredUrl = page.url()
    await reveal(lotsPage)
    await shots.save("lots-page.png")
  })

  await step("open a lot and go Back: search, filters and list as they were", async () => {
    await lotsPage.locator("tbody tr").first().click()
    await page.waitForURL(new RegExp(`/app/lots/${ctx.lots[0].id}$`))
    await page.getByTestId("lot-detail-page").waitFor()
    await page.goBack()
    await page.waitForURL(ctx.filteredUrl)
    assert.equal(await lotsPage.getByPlaceholder("Search lot, SKU or product").inputValue(), YOGURT_SKU.toLowerCase())
    await expectRows(page, lotsPage, ctx.lots.map((l) => l.lot_number))
    await lotsPage.getByText(COLD_STORE).first().waitFor()
  })

  await step("export the filtered lots as CSV: the API's lots, one line each at the cold store", async () => {
    await lotsPage.getByTestId("lots-export").click()
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "CSV" }).click()])
    assert.match(download.suggestedFilename(), /^lots-\d{4}-\d{2}-\d{2}\.csv$/)
    const lines = fs.readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "").split("\r\n").filter(Boolean)
    assert.match(lines[0], /^Lot number,Product,Item,SKU,Status,Expiry,Manufactured,Received,Supplier,Supplier lot,Location,On hand,Allocated,Available$/)
    const { lots: all } = await api(page, baseUrl, `/admin/lots?${ctx.filter}&limit=500&fields=id,lot_number`)
    assert.deepEqual(lines.slice(1).map((line) => line.split(",")[0]), all.map((l) => l.lot_number).sort())
    for (const line of lines.slice(1)) assert.ok(line.includes(`,${COLD_STORE},`), `only the cold store's stock: ${line}`)
  })

  await step("pick two lots and print their labels with the chosen size, barcode and copies: one PDF", async () => {
    const rows = lotsPage.locator("tbody tr")
    await rows.nth(0).getByRole("checkbox").click()
    await rows.nth(1).getByRole("checkbox").click()
    await page.getByText("2 selected").waitFor()
    await page.getByRole("button", { name: /Print labels/ }).click()
    // The options: several lots print on A4 sheets; size, barcode and copies are chosen.
    const options = page.getByTestId("label-print-drawer")
    await options.getByText("Print labels of 2 lots").waitFor()
    await options.locator("#label-size").click()
    await page.getByRole("option", { name: "Small, 50 × 25 mm" }).click()
    await options.locator("#label-symbology").click()
    await page.getByRole("option", { name: "GS1-128 (bars)" }).click()
    await options.locator("#label-copies").fill("0")
    await options.getByRole("button", { name: "Print", exact: true }).click()
    await options.getByText("Enter a whole number of copies from 1 to 100.").waitFor()
    await options.locator("#label-copies").fill("2")
    const [labels, tab] = await Promise.all([
      page.waitForResponse((res) => res.url().includes("/admin/lots/labels?")),
      page.context().waitForEvent("page"),
      options.getByRole("button", { name: "Print", exact: true }).click(),
    ])
    assert.equal(labels.status(), 200, await labels.text().catch(() => ""))
    assert.equal(labels.headers()["content-type"], "application/pdf")
    const query = new URL(labels.url()).searchParams
    assert.deepEqual(query.get("lot_ids").split(",").sort(), [ctx.lots[0].id, ctx.lots[1].id].sort())
    assert.deepEqual([query.get("size"), query.get("symbology"), query.get("copies")], ["small", "gs1-128", "2"])
    await options.waitFor({ state: "hidden" })
    await tab.close()
    await rows.nth(0).getByRole("checkbox").click()
    await rows.nth(1).getByRole("checkbox").click()
  })

  await step("Go to lot: a lot number not in stock yet offers the item's receive form, filled from the scan", async () => {
    const lotNumber = `NEW-${Date.now().toString(36).toUpperCase()}`
    const expiry = await page.evaluate(() => new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10))
    await scan(page, `(01)${YOGURT_GTIN}(17)${expiry.slice(2).replace(/-/g, "")}(10)${lotNumber.toLowerCase()}`)
    await answer.getByText(`Lot ${lotNumber} of ${YOGURT} (SKU ${YOGURT_SKU}) is not in stock yet: receive it first.`).waitFor()
    await answer.getByRole("link", { name: `Receive lot ${lotNumber}?` }).click()
    await page.waitForURL(/\/app\/inventory\/[^/?]+\?receive_code=/)
    const drawer = page.getByTestId("receive-lot-drawer")
    await drawer.waitFor({ timeout: 45_000 })
    await page.waitForFunction((n) => document.querySelector("#receive-lot-number")?.value === n, lotNumber)
    assert.equal(await drawer.locator("#receive-expires").inputValue(), expiry)
    await drawer.getByText(`Code for ${YOGURT} (SKU ${YOGURT_SKU}).`).waitFor()
    await drawer.getByRole("button", { name: "Cancel" }).click()
    await drawer.waitFor({ state: "hidden" })
    await page.waitForURL((url) => !url.searchParams.has("receive_code"))
  })

  await step("Go to lot: a GTIN's wrong check digit or length is named; another product's label warns before the lot opens", async () => {
    await page.goto(`${baseUrl}/app/lots`)
    const wrongCheck = `${YOGURT_GTIN.slice(0, 13)}${(Number(YOGURT_GTIN[13]) + 1) % 10}`
    await scan(page, `(01)${wrongCheck}(10)X-1`)
    await answer.getByText(`The GTIN's check digit is wrong: it should be ${YOGURT_GTIN[13]}, not ${wrongCheck[13]}.`, { exact: false }).waitFor()
    await scan(page, `(01)${YOGURT_GTIN.slice(1)}(10)X-1`)
    await answer.getByText("The GTIN has 13 digits; it needs 14", { exact: false }).waitFor()
    await scan(page, "NO-SUCH-LOT-42")
    await answer.getByText("No lot NO-SUCH-LOT-42 in this store.").waitFor()

    const yogurtLot = ctx.lots.find((l) => l.lot_number.length <= 20)
    await scan(page, `(01)${MILK_GTIN}(10)${yogurtLot.lot_number}`)
    await answer.getByText(`Lot ${yogurtLot.lot_number} belongs to ${YOGURT} (SKU ${YOGURT_SKU}), not ${MILK} (SKU DAI-MLK-1000).`).waitFor()
    assert.match(page.url(), /\/app\/lots$/, "the lot does not open by itself")
    await answer.getByRole("button", { name: `Open lot ${yogurtLot.lot_number} anyway` }).click()
    await page.waitForURL(new RegExp(`/app/lots/${yogurtLot.id}$`))
  })

  await step("the Lots page at 390×844: a filtered link, a scan answer, nothing off-screen", async () => {
    await page.setViewportSize(PHONE)
    try {
      await page.goto(`${baseUrl}/app/lots?q=${YOGURT_SKU}&status=released`)
      const { lots } = await api(page, baseUrl, `/admin/lots?q=${YOGURT_SKU}&status=released&order=expires_at&limit=20&fields=lot_number`)
      await expectRows(page, lotsPage, lots.map((l) => l.lot_number))
      assert.equal(await lotsPage.getByPlaceholder("Search lot, SKU or product").inputValue(), YOGURT_SKU)
      await scan(page, `(01)${YOGURT_GTIN.slice(1)}(10)X-1`)
      await answer.getByText("The GTIN has 13 digits; it needs 14", { exact: false }).waitFor()
      await page.waitForTimeout(300)
      assert.deepEqual(await unreachableText(lotsPage), [], "text off-screen at 390 px")
      await reveal(lotsPage)
      await shots.save("lots-page-phone.png")
    } finally {
      await page.setViewportSize(DESKTOP)
    }
  })
}
