/**
 * Commands on orders as a whole: a guest checkout of one or two lines (S1 and S2 share one
 * inventory item), an order edit that raises, lowers or removes a line or adds one, and a cancel.
 */
import fc from "fast-check"
import { editOrder, type OrderEditChange } from "../order-changes"
import { cancelOrder, tryPlaceOrder } from "../store"
import { labelFor, liveOrders, ModelCommand, pick, refreshOrder, Refusal, type OrderModel, type OrderReal, type OrderRef } from "./model"

const units = fc.integer({ min: 1, max: 3 })

export class PlaceOrder extends ModelCommand {
  readonly name = "place"
  constructor(private readonly lines: { variant: number; quantity: number }[]) {
    super()
  }
  check() {
    return true
  }
  protected async act(m: OrderModel, r: OrderReal) {
    const items = this.lines.map((l) => ({ variant: pick(m.variants, l.variant)!, quantity: l.quantity }))
    r.doing = `place ${items.map((i) => `${i.quantity}×${i.variant.label}`).join(" + ")}`
    const result = await tryPlaceOrder(
      r.api,
      r.store,
      items.map((i) => ({ variant_id: i.variant.id, quantity: i.quantity })),
      { email: `model-${m.run}@lots.test` }
    )
    if (!result.ok) {
      if (result.status >= 500) throw new Error(`checkout ${result.stage} -> ${result.status}: ${JSON.stringify(result.error)}`)
      throw new Refusal(result.status, `${result.stage}: ${result.error.message ?? JSON.stringify(result.error)}`)
    }
    const order: OrderRef = { id: result.order.id, label: labelFor(r, result.order.id, "O"), status: result.order.status, lines: [], fulfillments: [], returns: [] }
    m.orders.push(order)
    await refreshOrder(r, order)
    r.doing += ` = ${order.label} (${order.lines.map((l) => `${r.labels.get(l.id)} ${l.quantity}×${r.labels.get(l.variantId ?? "")}`).join(", ")})`
  }
  toString() {
    return `place(${this.lines.map((l) => `v${l.variant}×${l.quantity}`).join(",")})`
  }
}

export const placeOrder = fc
  .array(fc.record({ variant: fc.nat(), quantity: units }), { minLength: 1, maxLength: 2 })
  .map((lines) => new PlaceOrder(lines))

type EditKind = "up" | "down" | "remove" | "add"

export class EditOrder extends ModelCommand {
  readonly name = "edit"
  constructor(
    private readonly order: number,
    private readonly kind: EditKind,
    private readonly line: number,
    private readonly amount: number
  ) {
    super()
  }
  check(m: Readonly<OrderModel>) {
    return liveOrders(m).length > 0
  }
  protected async act(m: OrderModel, r: OrderReal) {
    const order = pick(liveOrders(m), this.order)!
    const lines = order.lines.filter((l) => l.quantity > 0)
    const line = pick(lines, this.line)
    let change: OrderEditChange
    if (this.kind === "add" || !line) {
      const variant = pick(m.variants, this.line)!
      change = { add: { variant_id: variant.id, quantity: this.amount } }
      r.doing = `edit ${order.label}: add ${this.amount}×${variant.label}`
    } else {
      const quantity = this.kind === "up" ? line.quantity + this.amount : this.kind === "down" ? Math.max(0, line.quantity - this.amount) : 0
      change = { item_id: line.id, quantity }
      r.doing = `edit ${order.label}: ${r.labels.get(line.id)} ${line.quantity} -> ${quantity} (${line.fulfilled} fulfilled)`
    }
    await editOrder(r.api, r.headers, order.id, [change])
    await refreshOrder(r, order)
  }
  toString() {
    return `edit(o${this.order},${this.kind},l${this.line},${this.amount})`
  }
}

export const editOrderCommand = fc
  .tuple(fc.nat(), fc.constantFrom<EditKind>("up", "down", "remove", "add"), fc.nat(), fc.integer({ min: 1, max: 2 }))
  .map(([order, kind, line, amount]) => new EditOrder(order, kind, line, amount))

export class CancelOrder extends ModelCommand {
  readonly name = "cancel-order"
  constructor(private readonly order: number) {
    super()
  }
  check(m: Readonly<OrderModel>) {
    return liveOrders(m).length > 0
  }
  protected async act(m: OrderModel, r: OrderReal) {
    const order = pick(liveOrders(m), this.order)!
    r.doing = `cancel ${order.label}`
    await cancelOrder(r.api, r.headers, order.id)
    await refreshOrder(r, order)
  }
  toString() {
    return `cancelOrder(o${this.order})`
  }
}

export const cancelOrderCommand = fc.nat().map((order) => new CancelOrder(order))
