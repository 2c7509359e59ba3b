/**
 * Commands on lots: receive a new lot (now and then one already past its expiry date, which Medusa
 * still sells and no order may ship), put a lot on hold or release it, and run the expiry sweep.
 */
import fc from "fast-check"
import { changeLotStatus } from "../allocation"
import { post } from "../store"
import { ModelCommand, pick, type LotRef, type OrderModel, type OrderReal } from "./model"
import { receiveModelLot } from "./setup"

export class ReceiveLot extends ModelCommand {
  readonly name = "receive-lot"
  constructor(
    private readonly variant: number,
    private readonly location: number,
    private readonly quantity: number,
    private readonly expiresInDays: number
  ) {
    super()
  }
  check() {
    return true
  }
  protected async act(m: OrderModel, r: OrderReal) {
    const variant = pick(m.variants, this.variant)!
    const itemLabel = variant.label.slice(0, 1)
    const location = r.store.locations[this.location]
    r.doing = `receive ${this.quantity} of item ${itemLabel} at ${r.labels.get(location)}, expiring in ${this.expiresInDays} days`
    const lot = await receiveModelLot(m, r, { itemId: variant.itemId, itemLabel, locationId: location, quantity: this.quantity, expiresInDays: this.expiresInDays })
    r.doing += ` = ${lot.lotNumber}`
  }
  toString() {
    return `receiveLot(v${this.variant},loc${this.location},${this.quantity},${this.expiresInDays}d)`
  }
}

export const receiveLotCommand = fc
  .tuple(
    fc.nat(),
    fc.integer({ min: 0, max: 1 }),
    fc.integer({ min: 1, max: 6 }),
    fc.oneof({ arbitrary: fc.integer({ min: 20, max: 400 }), weight: 5 }, { arbitrary: fc.constant(-3), weight: 1 })
  )
  .map(([variant, location, quantity, days]) => new ReceiveLot(variant, location, quantity, days))

type StatusAction = "hold" | "release"
const FROM: Record<StatusAction, string[]> = { hold: ["released", "quarantine"], release: ["on_hold"] }
const lotsFor = (m: Readonly<OrderModel>, action: StatusAction) => m.lots.filter((l) => FROM[action].includes(l.status))

export class ChangeLotStatus extends ModelCommand {
  readonly name: string
  constructor(
    private readonly action: StatusAction,
    private readonly lot: number
  ) {
    super()
    this.name = `${action}-lot`
  }
  check(m: Readonly<OrderModel>) {
    return lotsFor(m, this.action).length > 0
  }
  protected async act(m: OrderModel, r: OrderReal) {
    const lot = pick(lotsFor(m, this.action), this.lot)!
    r.doing = `${this.action} ${lot.lotNumber}`
    const { lot: changed } = await changeLotStatus(r.api, r.headers, lot.id, this.action)
    lot.status = changed.status
  }
  toString() {
    return `${this.action}Lot(${this.lot})`
  }
}

export const lotStatusCommand = (action: StatusAction) => fc.nat().map((lot) => new ChangeLotStatus(action, lot))

const sweepable = (l: LotRef) => l.pastExpiry && ["released", "quarantine", "on_hold"].includes(l.status)

export class ExpireLots extends ModelCommand {
  readonly name = "expire-sweep"
  check(m: Readonly<OrderModel>) {
    return m.lots.some(sweepable)
  }
  protected async act(m: OrderModel, r: OrderReal) {
    r.doing = `expiry sweep (${m.lots.filter(sweepable).map((l) => l.lotNumber).join(", ")} past their date)`
    const { expired } = await post<{ expired: { id: string; status?: string }[] }>(r.api, "/admin/lots/expire", {}, r.headers)
    for (const e of expired) {
      const lot = m.lots.find((l) => l.id === e.id)
      if (lot) lot.status = "expired"
    }
  }
  toString() {
    return "expireSweep()"
  }
}

export const expireCommand = fc.constant(null).map(() => new ExpireLots())
