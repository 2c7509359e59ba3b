import { massBalance } from "../domain/mass-balance"
import { inputIneligibility, inventoryLevelChanges, lineageEdges, transformationRules } from "../domain/transformation"
import { LotLineageKind, LotStatus } from "../types"

describe("massBalance", () => {
  it("balances a lot that was received, shipped, consumed, scrapped, counted and returned", () => {
    // 100 in; 30 shipped, 5 of them back (a canceled fulfillment), 2 returned; 20 consumed; 3 scrapped; a count lost 1.
    const balance = massBalance(
      { received: 100, shipped: -30, fulfillment_canceled: 5, consumed: -20, scrapped: -3, adjusted: -1, returned: 2 },
      53
    )
    expect(balance).toEqual({
      received: 100,
      shipped: 25,
      consumed: 20,
      scrapped: 3,
      adjusted: 1,
      returned: 2,
      transferred: 0,
      reverted: 0,
      expected_on_hand: 53,
      on_hand: 53,
      difference: 0,
      balanced: true,
    })
  })

  it("counts produced units as received, and ignores allocation and status entries", () => {
    const balance = massBalance({ produced: 80, allocated: 10, deallocated: -4, released: 0, return_restocked: 3 }, 80)
    expect(balance).toMatchObject({ received: 80, expected_on_hand: 80, balanced: true })
  })

  it("nets transfers and reverted entries (a rolled back receipt leaves nothing)", () => {
    expect(massBalance({ received: 10, reverted: -10 }, 0)).toMatchObject({ reverted: -10, expected_on_hand: 0, balanced: true })
    expect(massBalance({ received: 10, transferred_out: -4, transferred_in: 4 }, 10)).toMatchObject({ transferred: 0, balanced: true })
  })

  it("treats a count that found units as a negative loss", () => {
    expect(massBalance({ received: 10, adjusted: 3 }, 13)).toMatchObject({ adjusted: -3, balanced: true })
  })

  it("flags stock the history cannot explain, with the signed difference", () => {
    expect(massBalance({ received: 10, shipped: -4 }, 7)).toMatchObject({ expected_on_hand: 6, difference: 1, balanced: false })
    expect(massBalance({ received: 10 }, 0)).toMatchObject({ difference: -10, balanced: false })
  })

  it("is all zeros for a lot without history or stock", () => {
    expect(massBalance({}, 0)).toMatchObject({ received: 0, expected_on_hand: 0, difference: 0, balanced: true })
  })
})

describe("transformation rules", () => {
  const now = new Date("2026-11-25T12:00:00Z")
  const lot = { lot_number: "MILK-1", status: LotStatus.RELEASED, expires_at: "2026-12-31T00:00:00Z", available: 10 }
  const production = transformationRules(LotLineageKind.PRODUCTION)
  const split = transformationRules(LotLineageKind.SPLIT)

  it("lets a released, unexpired lot with enough free units into a production", () => {
    expect(inputIneligibility(lot, 10, production, now)).toBeNull()
  })

  it("refuses held, quarantined, expired and short lots, saying why", () => {
    expect(inputIneligibility({ ...lot, status: LotStatus.ON_HOLD }, 1, production, now)).toBe(
      "lot MILK-1 is on hold; only released lots can be used"
    )
    expect(inputIneligibility({ ...lot, expires_at: "2026-11-25T12:00:00Z" }, 1, production, now)).toBe("lot MILK-1 expired on 2026-11-25")
    expect(inputIneligibility(lot, 11, production, now)).toContain("only 10 free unit(s)")
  })

  it("lets a split repack quarantined or held units, which the children keep", () => {
    expect(inputIneligibility({ ...lot, status: LotStatus.QUARANTINE }, 1, split, now)).toBeNull()
    expect(inputIneligibility({ ...lot, status: LotStatus.REJECTED }, 1, split, now)).toContain("is rejected")
    expect(split.outputs_inherit_status).toBe(true)
    expect(production.outputs_inherit_status).toBe(false)
  })

  it("links every input to a single output, or a single input to every output", () => {
    expect(lineageEdges([{ lot_id: "a", quantity: 2 }, { lot_id: "b", quantity: 3 }], [{ lot_id: "x", quantity: 9 }])).toEqual([
      { parent_lot_id: "a", child_lot_id: "x", quantity: 2 },
      { parent_lot_id: "b", child_lot_id: "x", quantity: 3 },
    ])
    expect(lineageEdges([{ lot_id: "p", quantity: 5 }], [{ lot_id: "c1", quantity: 2 }, { lot_id: "c2", quantity: 3 }])).toEqual([
      { parent_lot_id: "p", child_lot_id: "c1", quantity: 2 },
      { parent_lot_id: "p", child_lot_id: "c2", quantity: 3 },
    ])
    expect(() => lineageEdges([{ lot_id: "a", quantity: 1 }, { lot_id: "b", quantity: 1 }], [{ lot_id: "x", quantity: 1 }, { lot_id: "y", quantity: 1 }])).toThrow()
  })

  it("nets Medusa level changes per item: a split into the same item changes nothing", () => {
    const t = (outputItem: string) => ({
      location_id: "sloc",
      inputs: [{ lot_id: "p", lot_number: "P", inventory_item_id: "bulk", quantity: 5, status: LotStatus.RELEASED, event_id: "e" }],
      outputs: [
        { lot_id: "c1", lot_number: "C1", inventory_item_id: outputItem, quantity: 2, status: LotStatus.RELEASED, event_id: "e" },
        { lot_id: "c2", lot_number: "C2", inventory_item_id: outputItem, quantity: 3, status: LotStatus.RELEASED, event_id: "e" },
      ],
    })
    expect(inventoryLevelChanges(t("bulk"))).toEqual([])
    expect(inventoryLevelChanges(t("retail"))).toEqual([
      { inventory_item_id: "bulk", location_id: "sloc", quantity: -5 },
      { inventory_item_id: "retail", location_id: "sloc", quantity: 5 },
    ])
  })
})
