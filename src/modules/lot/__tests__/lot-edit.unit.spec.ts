import { planLotEdit } from "../domain/lot-edit"
import { LotStatus, TlcAssignedBy, type LotEditSubject } from "../types"

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))
const now = utc(2026, 12, 7)
const ALPINE = { id: "lotsup_alpine", details: { name: "Alpine Dairy", city: "Innsbruck" } }

const lot = (fields: Partial<LotEditSubject> = {}): LotEditSubject => ({
  lot_number: "YOG-1",
  status: LotStatus.RELEASED,
  received_at: utc(2026, 12, 1),
  exempt_source: false,
  tlc_assigned_by: TlcAssignedBy.RECEIVER,
  expiry_warning_days: null,
  manufactured_at: utc(2026, 11, 30),
  expires_at: utc(2027, 1, 1),
  best_before_at: null,
  supplier_id: null,
  supplier: null,
  supplier_details: null,
  supplier_lot_number: null,
  notes: null,
  ...fields,
})

describe("planLotEdit", () => {
  it("records each changed field as old → new, dates as ISO strings", () => {
    const plan = planLotEdit(lot(), { expires_at: "2027-02-01", notes: "Date misread on receipt" }, 28, now)
    expect(plan.changes).toEqual({
      expires_at: { from: "2027-01-01T00:00:00.000Z", to: "2027-02-01T00:00:00.000Z" },
      notes: { from: null, to: "Date misread on receipt" },
    })
    expect(plan.next.expires_at).toEqual(utc(2027, 2, 1))
    expect(plan.problems).toEqual([])
    expect(plan.expiry_passed).toBe(false)
    expect(plan.derived_expiry).toBeNull()
  })

  it("changes nothing when the values are the lot's own (dates compared as instants)", () => {
    const plan = planLotEdit(lot({ notes: "x" }), { expires_at: "2027-01-01T00:00:00.000Z", manufactured_at: utc(2026, 11, 30), notes: "x" }, 28, now)
    expect(plan.changes).toEqual({})
    expect(plan.notices).toEqual([])
  })

  it("clears a field with null and leaves fields the patch does not name", () => {
    const plan = planLotEdit(lot({ supplier_lot_number: "S-1", notes: "keep" }), { supplier_lot_number: null }, null, now)
    expect(plan.changes).toEqual({ supplier_lot_number: { from: "S-1", to: null } })
    expect(plan.next.notes).toBe("keep")
  })

  describe("a cleared expiry", () => {
    it("is derived again from the manufacture date + shelf life, and says so", () => {
      const plan = planLotEdit(lot(), { expires_at: null }, 28, now)
      expect(plan.next.expires_at).toEqual(utc(2026, 12, 28))
      expect(plan.derived_expiry).toEqual({ from: "manufactured_at", shelf_life_days: 28 })
    })

    it("counts from the receipt date when the manufacture date is cleared too", () => {
      const plan = planLotEdit(lot(), { expires_at: null, manufactured_at: null }, 28, now)
      expect(plan.next.expires_at).toEqual(utc(2026, 12, 29))
      expect(plan.derived_expiry).toEqual({ from: "received_at", shelf_life_days: 28 })
      expect(plan.changes.manufactured_at).toEqual({ from: "2026-11-30T00:00:00.000Z", to: null })
    })

    it("stays empty without a shelf life", () => {
      const plan = planLotEdit(lot(), { expires_at: null }, null, now)
      expect(plan.next.expires_at).toBeNull()
      expect(plan.derived_expiry).toBeNull()
    })

    it("is no change when the derived date is the one the lot has", () => {
      const plan = planLotEdit(lot({ expires_at: utc(2026, 12, 28) }), { expires_at: null }, 28, now)
      expect(plan.changes).toEqual({})
      expect(plan.derived_expiry).toBeNull()
    })
  })

  it("refuses dates that do not make sense, in the words of lotDateProblems", () => {
    expect(planLotEdit(lot(), { expires_at: "2026-11-01" }, null, now).problems).toEqual([
      "The expiry date (1 Nov 2026) must be after the manufacture date (30 Nov 2026).",
    ])
    // Checked against the lot's other dates as they will be.
    expect(planLotEdit(lot(), { best_before_at: "2027-03-01" }, null, now).problems).toEqual([
      "The best-before date (1 Mar 2027) cannot be later than the expiry date (1 Jan 2027).",
    ])
  })

  describe("supplier", () => {
    it("takes a picked supplier's id, name and details", () => {
      const plan = planLotEdit(lot({ supplier: "Typed name" }), { supplier: ALPINE }, null, now)
      expect(plan.next).toMatchObject({ supplier_id: ALPINE.id, supplier: "Alpine Dairy", supplier_details: ALPINE.details })
      expect(Object.keys(plan.changes)).toEqual(["supplier_id", "supplier", "supplier_details"])
    })

    it("keeps the copy as received when the lot's own supplier is picked again", () => {
      const received = { name: "Alpine Dairy", city: "Hall" }
      const plan = planLotEdit(lot({ supplier_id: ALPINE.id, supplier: "Alpine Dairy", supplier_details: received }), { supplier: ALPINE }, null, now)
      expect(plan.changes).toEqual({})
    })

    it("removing the supplier record clears its name and copy; a typed name without a record stays", () => {
      const linked = lot({ supplier_id: ALPINE.id, supplier: "Alpine Dairy", supplier_details: ALPINE.details })
      expect(planLotEdit(linked, { supplier: null }, null, now).next).toMatchObject({ supplier_id: null, supplier: null, supplier_details: null })
      expect(planLotEdit(lot({ supplier: "Typed name" }), { supplier: null }, null, now).changes).toEqual({})
    })

    it("may not be removed when the FSMA 204 records must name it (exempt source, or it assigned the code)", () => {
      const linked = { supplier_id: ALPINE.id, supplier: "Alpine Dairy", supplier_details: ALPINE.details }
      expect(planLotEdit(lot({ ...linked, exempt_source: true }), { supplier: null }, null, now).problems).toEqual([
        expect.stringMatching(/^The supplier cannot be removed: the lot comes from an exempt source/),
      ])
      expect(planLotEdit(lot({ ...linked, tlc_assigned_by: TlcAssignedBy.SUPPLIER }), { supplier: null }, null, now).problems).toEqual([
        expect.stringMatching(/^The supplier cannot be removed: it assigned the lot's code/),
      ])
      // Another supplier is fine.
      expect(planLotEdit(lot({ ...linked, exempt_source: true }), { supplier: { id: "lotsup_2", details: { name: "Hof Berger" } } }, null, now).problems).toEqual([])
    })
  })

  describe("expiry and status", () => {
    it("an expiry moved to now or before expires a lot the sweep would expire, and says so", () => {
      for (const status of [LotStatus.RELEASED, LotStatus.QUARANTINE, LotStatus.ON_HOLD]) {
        const plan = planLotEdit(lot({ status, manufactured_at: null }), { expires_at: now }, null, now)
        expect(plan.expiry_passed).toBe(true)
        expect(plan.notices).toEqual(["Lot YOG-1 is past its new expiry date: it is now expired and its units are held back from sale."])
      }
    })

    it("leaves rejected, recalled and already expired lots as they are", () => {
      for (const status of [LotStatus.REJECTED, LotStatus.RECALLED, LotStatus.EXPIRED]) {
        const plan = planLotEdit(lot({ status, manufactured_at: null }), { expires_at: "2026-12-01" }, null, now)
        expect(plan.changes.expires_at).toBeDefined()
        expect(plan.expiry_passed).toBe(false)
      }
    })

    it("an expiry that does not change never expires the lot (the sweep handles lots already past it)", () => {
      const plan = planLotEdit(lot({ expires_at: utc(2026, 12, 1), manufactured_at: null }), { notes: "late" }, null, now)
      expect(plan.expiry_passed).toBe(false)
    })

    it("an expired lot whose expiry moves into the future stays expired, and is told so", () => {
      const plan = planLotEdit(lot({ status: LotStatus.EXPIRED, expires_at: utc(2026, 12, 1) }), { expires_at: "2027-06-01" }, null, now)
      expect(plan.problems).toEqual([])
      expect(plan.expiry_passed).toBe(false)
      expect(plan.notices).toEqual([expect.stringMatching(/^Lot YOG-1 stays expired: expiry is final/)])
    })

    it("a rejected lot may have its facts corrected without a notice", () => {
      const plan = planLotEdit(lot({ status: LotStatus.REJECTED }), { expires_at: "2027-06-01", notes: "lab report attached" }, null, now)
      expect(plan.problems).toEqual([])
      expect(plan.notices).toEqual([])
    })
  })
})
