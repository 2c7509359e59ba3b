/**
 * Commands on returns: request a return of some units of some lines to either location, and
 * receive part of what is still expected (so a return is often received in two sessions).
 */
import fc from "fast-check"
import { receiveReturn, requestReturn } from "../returns"
import { linesByMask, liveOrders, ModelCommand, type OrderModel, type OrderReal, pick, refreshOrder, type ReturnRef } from "./model"

const withReturnable = (m: Readonly<OrderModel>) => liveOrders(m).filter((o) => o.lines.some((l) => l.returnable > 0))

export class RequestReturn extends ModelCommand {
  readonly name = "request-return"
  constructor(
    private readonly order: number,
    private readonly location: number,
    private readonly lineMask: number,
    private readonly units: number[]
  ) {
    super()
  }
  check(m: Readonly<OrderModel>) {
    return withReturnable(m).length > 0
  }
  protected async act(m: OrderModel, r: OrderReal) {
    const order = pick(withReturnable(m), this.order)!
    const open = order.lines.filter((l) => l.returnable > 0)
    const lines = linesByMask(open, this.lineMask)
    const items = lines.map((l, i) => ({ id: l.id, quantity: 1 + ((this.units[i] ?? 0) % l.returnable) }))
    const location = r.store.locations[this.location]
    r.doing = `request return on ${order.label} to ${r.labels.get(location)}: ${items.map((i) => `${i.quantity} of ${r.labels.get(i.id)}`).join(", ")}`
    const id = await requestReturn(r.api, r.headers, order.id, location, items)
    await refreshOrder(r, order)
    r.doing += ` = ${order.returns.find((ret) => ret.id === id)?.label}`
  }
  toString() {
    return `requestReturn(o${this.order},loc${this.location},m${this.lineMask},u${this.units.join("/")})`
  }
}

export const requestReturnCommand = fc
  .tuple(fc.nat(), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 15 }), fc.array(fc.nat(), { minLength: 4, maxLength: 4 }))
  .map(([order, location, mask, units]) => new RequestReturn(order, location, mask, units))

const expected = (ret: ReturnRef) => ret.items.filter((i) => i.quantity > i.received)
const receivable = (m: Readonly<OrderModel>) =>
  m.orders.flatMap((order) => order.returns.filter((ret) => ["requested", "partially_received"].includes(ret.status) && expected(ret).length).map((ret) => ({ order, ret })))

export class ReceiveReturn extends ModelCommand {
  readonly name = "receive-return"
  constructor(
    private readonly ret: number,
    private readonly units: number[]
  ) {
    super()
  }
  check(m: Readonly<OrderModel>) {
    return receivable(m).length > 0
  }
  protected async act(m: OrderModel, r: OrderReal) {
    const { order, ret } = pick(receivable(m), this.ret)!
    const items = expected(ret).map((i, n) => ({ id: i.lineId, quantity: 1 + ((this.units[n] ?? 0) % (i.quantity - i.received)) }))
    r.doing = `receive ${ret.label}: ${items
      .map((i) => {
        const item = ret.items.find((x) => x.lineId === i.id)!
        return `${i.quantity} of ${r.labels.get(i.id)} (${item.received}/${item.quantity} in)`
      })
      .join(", ")}`
    await receiveReturn(r.api, r.headers, ret.id, items)
    await refreshOrder(r, order)
  }
  toString() {
    return `receiveReturn(r${this.ret},u${this.units.join("/")})`
  }
}

export const receiveReturnCommand = fc
  .tuple(fc.nat(), fc.array(fc.nat(), { minLength: 4, maxLength: 4 }))
  .map(([ret, units]) => new ReceiveReturn(ret, units))
