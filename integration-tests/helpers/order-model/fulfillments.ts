/**
 * Commands on fulfillments: fulfill some units of some lines at either location (the one Medusa
 * reserved at, or the other), ship, mark delivered, cancel.
 */
import fc from "fast-check"
import { markDelivered } from "../returns"
import { cancelFulfillment, createShipment, tryFulfillOrder } from "../store"
import { type FulfillmentRef, linesByMask, liveOrders, ModelCommand, type OrderModel, type OrderReal, type OrderRef, pick, refreshOrder, Refusal } from "./model"

const unfulfilled = (o: OrderRef) => o.lines.filter((l) => l.quantity > l.fulfilled)
const fulfillable = (m: Readonly<OrderModel>) => liveOrders(m).filter((o) => unfulfilled(o).length > 0)

export class Fulfill extends ModelCommand {
  readonly name = "fulfill"
  constructor(
    private readonly order: number,
    private readonly location: number,
    private readonly lineMask: number,
    private readonly units: number[]
  ) {
    super()
  }
  check(m: Readonly<OrderModel>) {
    return fulfillable(m).length > 0
  }
  protected async act(m: OrderModel, r: OrderReal) {
    const order = pick(fulfillable(m), this.order)!
    const open = unfulfilled(order)
    const lines = linesByMask(open, this.lineMask)
    const items = lines.map((l, i) => ({ id: l.id, quantity: 1 + ((this.units[i] ?? 0) % (l.quantity - l.fulfilled)) }))
    const location = r.store.locations[this.location]
    r.doing = `fulfill ${order.label} at ${r.labels.get(location)}: ${items
      .map((i) => `${i.quantity} of ${r.labels.get(i.id)}`)
      .join(", ")}`
    const res = await tryFulfillOrder(r.api, r.headers, order.id, { items, location_id: location })
    if (res.status !== 200 || !res.fulfillment) {
      const message = (res.data as { message?: string }).message ?? JSON.stringify(res.data)
      if (res.status >= 500) throw new Error(`fulfillment -> ${res.status}: ${message}`)
      throw new Refusal(res.status, message)
    }
    await refreshOrder(r, order)
    r.doing += ` = ${order.fulfillments.find((f) => f.id === res.fulfillment!.id)?.label}`
  }
  toString() {
    return `fulfill(o${this.order},loc${this.location},m${this.lineMask},u${this.units.join("/")})`
  }
}

export const fulfillCommand = fc
  .tuple(fc.nat(), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 15 }), fc.array(fc.nat(), { minLength: 4, maxLength: 4 }))
  .map(([order, location, mask, units]) => new Fulfill(order, location, mask, units))

/** Fulfillments (with their order) that `keep` accepts. */
function fulfillments(m: Readonly<OrderModel>, keep: (f: FulfillmentRef) => boolean) {
  return m.orders.flatMap((order) => order.fulfillments.filter(keep).map((f) => ({ order, fulfillment: f })))
}

type FulfillmentStep = "ship" | "deliver" | "cancel"
const eligible: Record<FulfillmentStep, (f: FulfillmentRef) => boolean> = {
  ship: (f) => !f.canceled && !f.shipped,
  deliver: (f) => !f.canceled && !f.delivered,
  cancel: (f) => !f.canceled,
}

export class FulfillmentAction extends ModelCommand {
  readonly name: string
  constructor(
    private readonly step: FulfillmentStep,
    private readonly fulfillment: number
  ) {
    super()
    this.name = `${step}-fulfillment`
  }
  check(m: Readonly<OrderModel>) {
    return fulfillments(m, eligible[this.step]).length > 0
  }
  protected async act(m: OrderModel, r: OrderReal) {
    const { order, fulfillment } = pick(fulfillments(m, eligible[this.step]), this.fulfillment)!
    r.doing = `${this.step} ${fulfillment.label} (at ${r.labels.get(fulfillment.locationId)}${fulfillment.shipped ? ", shipped" : ""}${fulfillment.delivered ? ", delivered" : ""})`
    if (this.step === "ship") await createShipment(r.api, r.headers, order.id, fulfillment.id)
    else if (this.step === "deliver") await markDelivered(r.api, r.headers, order.id, fulfillment.id)
    else await cancelFulfillment(r.api, r.headers, order.id, fulfillment.id)
    await refreshOrder(r, order)
  }
  toString() {
    return `${this.step}(f${this.fulfillment})`
  }
}

export const fulfillmentActionCommand = (step: FulfillmentStep) => fc.nat().map((f) => new FulfillmentAction(step, f))
