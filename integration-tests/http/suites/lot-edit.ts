/**
 * Correcting a lot (POST /admin/lots/:id): dates, supplier and notes, with one history entry that
 * names each field's old and new value and who changed it; refusals in a merchant's words that
 * write nothing; an expiry moved into the past expiring the lot as the sweep does (Medusa holds its
 * units back), an expired lot staying expired, and the rollback when a later step fails. Also: a
 * receipt with neither expiry nor manufacture date expires at its receipt date + the shelf life.
 */
import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { editLotWorkflow } from "../../../src/workflows"
import { loginAsAdmin } from "../../helpers/admin"
import { createWarehouse, levelQuantities } from "../../helpers/fixtures"
import { describeViolations, invariantViolations, readBooks } from "../../helpers/invariants"
import { expectInBalance, expectRefused, getLot, receive, send, setPolicy, snapshot } from "../../helpers/lots"
import { dayInWords } from "../../../src/modules/lot/domain/words"

/** A day as refusals write it: "5 Mar 2027". */
const inWords = (isoDay: string) => dayInWords(new Date(`${isoDay}T00:00:00Z`))

const DAY_MS = 86_400_000
const SHELF_LIFE_DAYS = 28
/** Midnight UTC `days` from today, as a date-only string (what the admin's date fields send). */
const day = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10)
const iso = (date: string) => `${date}T00:00:00.000Z`

export function lotEditSuite({ api, getContainer }: MedusaSuiteOptions) {
  let headers: Record<string, string>
  let userId: string
  let w: Awaited<ReturnType<typeof createWarehouse>>

  beforeAll(() => {
    // Failure injection, registered once the app has loaded its workflows: an edit carrying
    // additional_data.fail throws after every write, so the whole edit must be rolled back.
    editLotWorkflow.hooks.lotEdited(async ({ additional_data }) => {
      if (additional_data?.fail) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "injected failure")
      }
    })
  })

  beforeEach(async () => {
    const login = await loginAsAdmin(api, getContainer())
    headers = login.headers
    userId = login.user.id
    w = await createWarehouse(getContainer())
    await setPolicy(api, headers, w.yogurt.id, { shelf_life_days: SHELF_LIFE_DAYS })
  })

  const edit = (lotId: string, body: unknown) => send(api.post(`/admin/lots/${lotId}`, body, { headers }))
  const receiveLot = async (body: Record<string, unknown>) =>
    (await receive(api, headers, { inventory_item_id: w.yogurt.id, location_id: w.main.id, quantity: 10, ...body })).lot
  const createSupplier = async (body: Record<string, unknown>) =>
    (await api.post("/admin/lot-suppliers", body, { headers })).data.lot_supplier
  const history = async (lotId: string) => (await getLot(api, headers, lotId)).events as any[]
  const expectInvariants = async () => {
    const violations = invariantViolations(await readBooks(getContainer(), [w.yogurt.id]))
    expect(describeViolations(violations)).toBe("")
  }

  it("corrects dates, supplier and notes with one history entry: each field old → new, and who changed it", async () => {
    const alpine = await createSupplier({ name: "Alpine Dairy", city: "Innsbruck", country_code: "at" })
    const berger = await createSupplier({ name: "Hof Berger", city: "Kufstein", gln: "4012345000009" })
    const lot = await receiveLot({
      lot_number: "EDIT-1",
      manufactured_at: day(-5),
      expires_at: day(40),
      supplier_id: alpine.id,
      supplier_lot_number: "AD-1",
      // We numbered it: the lot's records need not name a supplier, so it may be removed below.
      tlc_assigned_by: "receiver",
    })

    const res = await edit(lot.id, {
      expires_at: day(60),
      best_before_at: day(50),
      supplier_id: berger.id,
      supplier_lot_number: "HB-7",
      notes: "Expiry misread on the delivery note",
    })
    expect(res.status).toBe(200)
    expect(res.data.lot).toMatchObject({
      id: lot.id,
      status: "released",
      manufactured_at: iso(day(-5)),
      expires_at: iso(day(60)),
      best_before_at: iso(day(50)),
      supplier_id: berger.id,
      supplier: "Hof Berger",
      supplier_details: { name: "Hof Berger", city: "Kufstein", gln: "4012345000009" },
      supplier_lot_number: "HB-7",
      notes: "Expiry misread on the delivery note",
    })
    expect(res.data.edit).toMatchObject({ lot_id: lot.id, expiry_passed: false, notices: [], derived_expiry: null })
    expect(res.data.edit).not.toHaveProperty("previous")

    const [entry, ...older] = await history(lot.id)
    expect(older.map((e) => e.type)).toEqual(["received"])
    expect(entry).toMatchObject({ id: res.data.edit.event_id, type: "edited", actor_id: userId, quantity: 0 })
    expect(entry.data).toEqual({
      changes: {
        expires_at: { from: iso(day(40)), to: iso(day(60)) },
        best_before_at: { from: null, to: iso(day(50)) },
        supplier_id: { from: alpine.id, to: berger.id },
        supplier: { from: "Alpine Dairy", to: "Hof Berger" },
        supplier_details: {
          from: { name: "Alpine Dairy", city: "Innsbruck", country_code: "at" },
          to: { name: "Hof Berger", city: "Kufstein", gln: "4012345000009" },
        },
        supplier_lot_number: { from: "AD-1", to: "HB-7" },
        notes: { from: null, to: "Expiry misread on the delivery note" },
      },
    })

    // The same values again: answered, nothing written.
    const before = await snapshot(getContainer())
    const again = await edit(lot.id, { expires_at: iso(day(60)), supplier_id: berger.id, notes: " Expiry misread on the delivery note " })
    expect(again.status).toBe(200)
    expect(again.data.edit).toMatchObject({ changes: {}, event_id: null })
    expect(await snapshot(getContainer())).toEqual(before)

    // null (or empty text) clears; a cleared expiry is derived again from the shelf life, and the history says so.
    const cleared = await edit(lot.id, { expires_at: null, best_before_at: null, supplier_id: null, notes: "" })
    expect(cleared).toMatchObject({
      status: 200,
      data: {
        lot: {
          expires_at: new Date(Date.parse(iso(day(-5))) + SHELF_LIFE_DAYS * DAY_MS).toISOString(),
          best_before_at: null,
          supplier_id: null,
          supplier: null,
          supplier_details: null,
          supplier_lot_number: "HB-7",
          notes: null,
        },
      },
    })
    const [clearing] = await history(lot.id)
    expect(clearing.data.derived_expiry).toEqual({ from: "manufactured_at", shelf_life_days: SHELF_LIFE_DAYS })
    expect(Object.keys(clearing.data.changes).sort()).toEqual(["best_before_at", "expires_at", "notes", "supplier", "supplier_details", "supplier_id"])
    expect(await history(lot.id)).toHaveLength(3)
    await expectInBalance(api, headers)
  })

  it("refuses bad input in a merchant's words and writes nothing", async () => {
    const container = getContainer()
    const exempt = await createSupplier({ name: "Small Farm" })
    const lot = await receiveLot({ lot_number: "EDIT-2", manufactured_at: day(-5), expires_at: day(40) })
    const fromExemptSource = await receiveLot({ lot_number: "EDIT-3", supplier_id: exempt.id, exempt_source: true })
    // A typed lot number with a supplier: the supplier assigned the code.
    const supplierCoded = await receiveLot({ lot_number: "EDIT-3B", supplier_id: exempt.id })
    expect(supplierCoded.tlc_assigned_by).toBe("supplier")

    const refusals: [string, unknown, number, RegExp][] = [
      [lot.id, { expires_at: day(-10) }, 400, new RegExp(`^Lot EDIT-2 was not changed\\. The expiry date \\(${inWords(day(-10))}\\) must be after the manufacture date \\(${inWords(day(-5))}\\)\\.$`)],
      [lot.id, { manufactured_at: day(45) }, 400, /manufactured_at cannot be in the future/],
      [lot.id, { best_before_at: day(41) }, 400, /The best-before date .* cannot be later than the expiry date/],
      [lot.id, { supplier_id: "lotsup_nope" }, 404, /^Supplier with id: lotsup_nope was not found/],
      [lot.id, {}, 400, /Send at least one field to change: expires_at, manufactured_at, best_before_at, supplier_id, supplier_lot_number, notes/],
      [lot.id, { additional_data: { note: "only this" } }, 400, /Send at least one field to change/],
      [lot.id, { expires_at: "31/12/2027" }, 400, /expires_at must be a date like 2027-03-31 or an ISO date-time/],
      [lot.id, { expires_at: "2027-02-30" }, 400, /expires_at must be a date like/],
      [lot.id, { notes: 42 }, 400, /Expected type: 'string' for field 'notes'/],
      [lot.id, { lot_number: "NEW-NUMBER" }, 400, /Unrecognized fields: 'lot_number'/],
      [lot.id, { status: "released" }, 400, /Unrecognized fields: 'status'/],
      ["lot_nope", { notes: "who?" }, 404, /^Lot with id: lot_nope was not found/],
      [fromExemptSource.id, { supplier_id: null }, 400, /The supplier cannot be removed: the lot comes from an exempt source/],
      [supplierCoded.id, { supplier_id: null }, 400, /The supplier cannot be removed: it assigned the lot's code/],
    ]
    for (const [lotId, body, status, message] of refusals) {
      await expectRefused(container, () => edit(lotId, body), status, message)
    }
    await expectRefused(container, () => send(api.post(`/admin/lots/${lot.id}`, { notes: "anonymous" })), 401)
  })

  it("an expiry moved into the past expires the lot as the sweep does: Medusa holds its units back; moved forward, it stays expired", async () => {
    const container = getContainer()
    const lot = await receiveLot({ lot_number: "EDIT-4", expires_at: day(100) })
    await receiveLot({ lot_number: "EDIT-5", quantity: 5, expires_at: day(200) })
    expect(await levelQuantities(container, w.yogurt.id, w.main.id)).toEqual({ stocked: 15, reserved: 0, available: 15 })

    const res = await edit(lot.id, { expires_at: day(-1) })
    expect(res.status).toBe(200)
    expect(res.data.lot.status).toBe("expired")
    expect(res.data.edit).toMatchObject({
      expiry_passed: true,
      notices: ["Lot EDIT-4 is past its new expiry date: it is now expired and its units are held back from sale."],
    })
    const [expired, edited] = await history(lot.id)
    expect(expired).toMatchObject({ type: "expired", from_status: "released", to_status: "expired", reason: "passed its expiry date" })
    expect(edited).toMatchObject({ type: "edited", actor_id: userId, data: { changes: { expires_at: { from: iso(day(100)), to: iso(day(-1)) } } } })
    // A reservation without an order line holds the lot's 10 units back from sale.
    expect(await levelQuantities(container, w.yogurt.id, w.main.id)).toEqual({ stocked: 15, reserved: 10, available: 5 })
    const blocks = await container.resolve(Modules.INVENTORY).listReservationItems({ inventory_item_id: w.yogurt.id })
    expect(blocks.map((r) => [Number(r.quantity), r.line_item_id ?? null])).toEqual([[10, null]])
    await expectInvariants()

    // Expiry is final: a date moved forward again is kept, the lot stays expired and blocked.
    const later = await edit(lot.id, { expires_at: day(30) })
    expect(later.data.lot).toMatchObject({ status: "expired", expires_at: iso(day(30)) })
    expect(later.data.edit.notices).toEqual([expect.stringMatching(/^Lot EDIT-4 stays expired: expiry is final/)])
    expect(await levelQuantities(container, w.yogurt.id, w.main.id)).toEqual({ stocked: 15, reserved: 10, available: 5 })
    expect((await api.post("/admin/lots/expire", {}, { headers })).data.count).toBe(0)
    await expectInBalance(api, headers)
    await expectInvariants()
  })

  it("a new expiry is announced again from its own warning windows", async () => {
    const lot = await receiveLot({ lot_number: "EDIT-10", expires_at: day(20) })
    const windowsWarned = async () =>
      (await api.post("/admin/lots/expiry-warnings", {}, { headers })).data.warned.filter((w: any) => w.id === lot.id).map((w: any) => w.window_days)
    expect(await windowsWarned()).toEqual([30])
    await edit(lot.id, { expires_at: day(80) })
    expect(await windowsWarned()).toEqual([90])
    expect(await windowsWarned()).toEqual([])
  })

  it("a rejected lot keeps its status while its facts are corrected, even with an expiry in the past", async () => {
    const lot = await receiveLot({ lot_number: "EDIT-6", expires_at: day(100) })
    await api.post(`/admin/lots/${lot.id}/reject`, { reason: "failed microbiology test" }, { headers })
    const res = await edit(lot.id, { expires_at: day(-3), notes: "Lab report LR-19 attached" })
    expect(res.status).toBe(200)
    expect(res.data.lot).toMatchObject({ status: "rejected", expires_at: iso(day(-3)), notes: "Lab report LR-19 attached" })
    expect(res.data.edit).toMatchObject({ expiry_passed: false, notices: [] })
    expect((await history(res.data.lot.id))[0].type).toBe("edited")
    await expectInvariants()
  })

  it("rolls the whole edit back when a later step fails: old values, status and Medusa's stock as before", async () => {
    const container = getContainer()
    const lot = await receiveLot({ lot_number: "EDIT-7", expires_at: day(100), notes: "as received" })
    const before = await getLot(api, headers, lot.id)
    const levels = await levelQuantities(container, w.yogurt.id, w.main.id)

    const res = await edit(lot.id, { expires_at: day(-1), notes: "changed", additional_data: { fail: true } })
    expect(res).toMatchObject({ status: 400, data: { message: "injected failure" } })

    const after = await getLot(api, headers, lot.id)
    expect(after).toMatchObject({ status: "released", expires_at: before.expires_at, notes: "as received" })
    expect(await levelQuantities(container, w.yogurt.id, w.main.id)).toEqual(levels)
    // The history is append-only: what was done and undone stays on record.
    expect(after.events.map((e: any) => [e.type, e.reason])).toEqual([
      ["reverted", "edit reverted"],
      ["reverted", "expiry sweep reverted"],
      ["expired", "passed its expiry date"],
      ["edited", null],
      ["received", null],
    ])
    await expectInBalance(api, headers)
    await expectInvariants()
  })

  it("a receipt with neither expiry nor manufacture date expires at its receipt date + the shelf life", async () => {
    const today = await receiveLot({ lot_number: "EDIT-8" })
    expect(Date.parse(today.expires_at) - Date.parse(today.received_at)).toBe(SHELF_LIFE_DAYS * DAY_MS)

    const lastWeek = await receiveLot({ lot_number: "EDIT-9", received_at: day(-7) })
    expect(lastWeek).toMatchObject({ received_at: iso(day(-7)), expires_at: iso(day(SHELF_LIFE_DAYS - 7)) })

    // Cleared later with no manufacture date, the expiry is derived from the receipt date again.
    const res = await edit(lastWeek.id, { expires_at: day(3) })
    expect(res.data.lot.expires_at).toBe(iso(day(3)))
    const cleared = await edit(lastWeek.id, { expires_at: null })
    expect(cleared.data.lot.expires_at).toBe(iso(day(SHELF_LIFE_DAYS - 7)))
    expect(cleared.data.edit.derived_expiry).toEqual({ from: "received_at", shelf_life_days: SHELF_LIFE_DAYS })
  })
}
