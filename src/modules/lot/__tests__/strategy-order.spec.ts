import fc from "fast-check"

import { compareLots, type AllocatableLot } from "../domain/allocation"
import { lotModuleSpec } from "./lot-module-runner"
import { pickEligibleStockIds } from "../sql/allocation-sql"
import { ALLOCATION_STRATEGIES, LotStatus } from "../types"

jest.setTimeout(180_000)

const LOC = "sloc_strategy"
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000)

lotModuleSpec(({ service, MikroOrmWrapper }) => {
  let item = 0

  describe("strategy order in PostgreSQL", () => {
    it("picks random lots in the order compareLots sorts them, for every strategy", async () => {
      // Few distinct dates, so ties on expiry and receipt are common and the tie-breaks are exercised.
      const lotArb = fc.record({
        expires: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
        received: fc.integer({ min: 0, max: 2 }),
      })
      await fc.assert(
        fc.asyncProperty(
          fc.array(lotArb, { minLength: 1, maxLength: 7 }),
          fc.constantFrom(...ALLOCATION_STRATEGIES),
          fc.integer({ min: 0, max: 10 }),
          async (specs, strategy, lead) => {
            const itemId = `iitem_strategy_${++item}`
            const lots: (AllocatableLot & { stock_id: string })[] = []
            for (const [index, spec] of specs.entries()) {
              const receipt = await service.receiveLot({
                lot_number: `SO-${item}-${index}`,
                inventory_item_id: itemId,
                location_id: LOC,
                quantity: 1,
                expires_at: spec.expires === null ? null : day(100 + spec.expires),
                received_at: day(spec.received),
              })
              const [stock] = await service.listLotStocks({ lot_id: receipt.lot_id, location_id: LOC })
              lots.push({
                stock_id: stock.id,
                lot_id: receipt.lot_id,
                lot_number: receipt.lot_number,
                status: LotStatus.RELEASED,
                expires_at: spec.expires === null ? null : day(100 + spec.expires),
                received_at: day(spec.received),
                available: 1,
              })
            }
            const expected = [...lots].sort(compareLots(strategy, lead)).map((lot) => lot.stock_id)
            const sql = MikroOrmWrapper.forkManager()
            const query = {
              inventory_item_id: itemId,
              location_id: LOC,
              strategy,
              must_outlast: day(-1),
              exclude_lot_ids: [],
              exclude_stock_ids: [],
            }
            // One free unit per lot: covering k units takes exactly the first k lots in SQL order.
            for (let k = 1; k <= lots.length; k++) {
              const picked = await pickEligibleStockIds(sql, query, k)
              expect(picked.sort()).toEqual(expected.slice(0, k).sort())
            }
          }
        ),
        { numRuns: 40 }
      )
    })
  })
})
