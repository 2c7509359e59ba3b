import { allocationRulesFor } from "../../../modules/lot/domain/allocation-rules"
import { parseGs1Scan } from "../../../modules/lot/domain/gs1"
import { normalizeLotNumber } from "../../../modules/lot/domain/lot-number-template"
import { assessScan, type ScanLot, type ScanVariant } from "../../../modules/lot/domain/scan-assessment"
import type { LotScanAnswer } from "../../types"
import { lotScanOutcome, RECEIVE_CODE_PARAM, receivePath, unreadableScanMessage } from "../lot-scan-answer"

const YOGURT_GTIN = "09506000134352"
const COLA_GTIN = "00036000291452"
const NOW = new Date("2026-12-07T10:00:00Z")

const variant = (id: string, title: string, sku: string, gtin: string, itemId: string): ScanVariant => ({
  id,
  title: "One",
  sku,
  barcode: gtin,
  ean: null,
  upc: null,
  product: { id: `prod_${id}`, title },
  inventory_items: [{ inventory_item_id: itemId }],
})
const YOGURT = variant("var_yog", "Greek yogurt", "YOG-500", YOGURT_GTIN, "iitem_yog")
const COLA = variant("var_cola", "Cola", "COLA-330", COLA_GTIN, "iitem_cola")

const yogurtLot: ScanLot = {
  id: "lot_1",
  lot_number: "A-1",
  inventory_item_id: "iitem_yog",
  status: "released",
  expires_at: "2027-03-31T00:00:00.000Z",
  received_at: "2026-12-01T00:00:00.000Z",
  inventory_item: { id: "iitem_yog", title: "Greek yogurt 500 g", sku: "YOG-500", product_titles: ["Greek yogurt"] },
  stock: [{ location_id: "sloc_1", quantity: 10, allocated_quantity: 0 }],
}

/**
 * The scan route's answer for a code, from the server's own parser and assessment (the lookups
 * given), as the browser receives it: JSON.
 */
function answerFor(code: string, lookups: { variants?: ScanVariant[]; lot?: ScanLot | null; tracked?: boolean }): LotScanAnswer {
  const scan = parseGs1Scan(code, { now: NOW })
  const rawLot = scan.kind === "gs1" ? scan.lot : scan.lot_number
  const lot = lookups.lot ?? null
  const answer = {
    scan,
    ...assessScan({
      scan,
      lotNumber: rawLot ? normalizeLotNumber(rawLot) : null,
      variants: lookups.variants ?? [],
      lot,
      lotRules: lot ? allocationRulesFor(null, NOW) : null,
      itemTracked: lookups.tracked ?? true,
    }),
  }
  return JSON.parse(JSON.stringify(answer)) as LotScanAnswer
}

describe("lotScanOutcome", () => {
  it("opens a lot we have, from a plain lot number or its product's label", () => {
    expect(lotScanOutcome("a-1", answerFor("a-1", { lot: yogurtLot }))).toEqual({ kind: "open", lotId: "lot_1", note: null })
    const label = `(01)${YOGURT_GTIN}(17)270331(10)a-1`
    expect(lotScanOutcome(label, answerFor(label, { variants: [YOGURT], lot: yogurtLot }))).toEqual({ kind: "open", lotId: "lot_1", note: null })
  })

  it("opens it with the server's remark when the label's expiry is not the recorded one", () => {
    const label = `(01)${YOGURT_GTIN}(17)270401(10)A-1`
    expect(lotScanOutcome(label, answerFor(label, { variants: [YOGURT], lot: yogurtLot }))).toEqual({
      kind: "open",
      lotId: "lot_1",
      note: "The label's expiry date 2027-04-01 differs from lot A-1's recorded expiry 2027-03-31.",
    })
  })

  it("warns before opening a lot whose label names another product, naming both", () => {
    const label = `(01)${COLA_GTIN}(10)A-1`
    expect(lotScanOutcome(label, answerFor(label, { variants: [COLA], lot: yogurtLot }))).toEqual({
      kind: "confirm",
      lotId: "lot_1",
      lotNumber: "A-1",
      warning: "Lot A-1 belongs to Greek yogurt (SKU YOG-500), not Cola (SKU COLA-330).",
    })
  })

  it("warns before opening a lot whose label's GTIN no product of the store has", () => {
    const label = `(01)${COLA_GTIN}(10)A-1`
    const outcome = lotScanOutcome(label, answerFor(label, { lot: yogurtLot }))
    expect(outcome).toMatchObject({ kind: "confirm", lotId: "lot_1", lotNumber: "A-1" })
    expect(outcome.kind === "confirm" && outcome.warning).toMatch(/GTIN 00036000291452 is unknown.*Lot A-1 here belongs to Greek yogurt \(SKU YOG-500\)/)
  })

  it("offers to receive a lot number not in stock yet of a product we sell, with the code for the form", () => {
    const label = `(01)${YOGURT_GTIN}(17)270630(10)b-7`
    expect(lotScanOutcome(label, answerFor(label, { variants: [YOGURT] }))).toEqual({
      kind: "receive",
      lotNumber: "B-7",
      message: "Lot B-7 of Greek yogurt (SKU YOG-500) is not in stock yet: receive it first.",
      path: `/inventory/iitem_yog?${RECEIVE_CODE_PARAM}=%2801%2909506000134352%2817%29270630%2810%29b-7`,
    })
    // An item not tracked yet: the same offer, and the server says to turn tracking on.
    const untracked = lotScanOutcome(label, answerFor(label, { variants: [YOGURT], tracked: false }))
    expect(untracked).toMatchObject({ kind: "receive", message: expect.stringMatching(/Turn on lot tracking for Greek yogurt/) })
  })

  it("says why there is nothing to open: an unknown lot number, a label without a lot, an unknown GTIN", () => {
    expect(lotScanOutcome("NO-SUCH-1", answerFor("NO-SUCH-1", {}))).toEqual({ kind: "problem", message: "No lot NO-SUCH-1 in this store." })
    const noLot = `(01)${YOGURT_GTIN}(17)270630`
    expect(lotScanOutcome(noLot, answerFor(noLot, { variants: [YOGURT] }))).toEqual({
      kind: "problem",
      message: "The label names Greek yogurt (SKU YOG-500) but carries no lot number: scan the lot's barcode.",
    })
    const unknown = `(01)${COLA_GTIN}(10)Z-9`
    expect(lotScanOutcome(unknown, answerFor(unknown, {}))).toMatchObject({ kind: "problem", message: expect.stringMatching(/^GTIN 00036000291452 is unknown/) })
  })

  it("does not offer a receipt the server cannot prefill (a variant of several items)", () => {
    const label = `(01)${YOGURT_GTIN}(10)B-8`
    const bundle = { ...YOGURT, inventory_items: [{ inventory_item_id: "iitem_a" }, { inventory_item_id: "iitem_b" }] }
    expect(lotScanOutcome(label, answerFor(label, { variants: [bundle] }))).toMatchObject({
      kind: "problem",
      message: expect.stringMatching(/is made of several inventory items/),
    })
  })
})

describe("receivePath", () => {
  it("keeps the scanner's group separator in the address", () => {
    const code = `]d201${YOGURT_GTIN}10B-7\u001d21SN1`
    const path = receivePath("iitem_yog", code)
    expect(new URL(path, "http://admin").searchParams.get(RECEIVE_CODE_PARAM)).toBe(code)
  })
})

describe("unreadableScanMessage", () => {
  it("says a GTIN's check digit is wrong, and which it should be", () => {
    expect(unreadableScanMessage("(01)09506000134353(10)A-1", "AI (01) at position 0: check digit should be 2, got 3")).toBe(
      "The GTIN's check digit is wrong: it should be 2, not 3. Check the digits, or scan the label again."
    )
    expect(unreadableScanMessage("https://id.gs1.org/01/09506000134354/10/A-1", "…")).toMatch(/^The GTIN's check digit is wrong: it should be 2, not 4\./)
  })

  it("says a GTIN has the wrong number of digits", () => {
    expect(unreadableScanMessage("(01)0950600013435(10)A-1", "…")).toBe(
      "The GTIN has 13 digits; it needs 14 (a GTIN-13 or UPC-A is padded with leading zeros)."
    )
    expect(unreadableScanMessage("]C1010950600013", "…")).toBe("The GTIN has 10 digits; it needs 14 (a GTIN-13 or UPC-A is padded with leading zeros).")
  })

  it("passes on the server's words for anything else", () => {
    expect(unreadableScanMessage(`(01)${YOGURT_GTIN}(17)271332`, "AI (17) at position 16: not a valid date")).toBe(
      "The code cannot be read: AI (17) at position 16: not a valid date"
    )
  })
})
