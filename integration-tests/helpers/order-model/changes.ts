/**
 * Commands that change what an order sends: a claim with a replacement (claimed units of a
 * fulfilled line, replacement units going out) and an exchange (units coming back to a location
 * by a return, other units going out).
 */
import fc from "fast-check"
import { claimWithReplacement, exchangeItems } from "../order-changes"
import { liveOrders, ModelCommand, pick, refreshOrder, type OrderModel, type OrderReal } from "./model"

/** Live orders with a line that has units out with the customer. */
const withReturnable = (m: Readonly<OrderModel>) => liveOrders(m).filter((o) => o.lines.some((l) => l.returnable > 0))

type OrderChangeArgs = { order: number; line: number; units: number; variant: number; outbound: number; location: number }

const changeArgs = fc.record({
  order: fc.nat(),
  line: fc.nat(),
  units: fc.nat(),
  variant: fc.nat(),
  outbound: fc.integer({ min: 1, max: 2 }),
  location: fc.integer({ min: 0, max: 1 }),
})

/** The order, line, units taken back and the outbound variant an argument set points at. */
function resolve(m: OrderModel, args: OrderChangeArgs) {
  const order = pick(withReturnable(m), args.order)!
  const line = pick(
    order.lines.filter((l) => l.returnable > 0),
    args.line
  )!
  return { order, line, units: 1 + (args.units % line.returnable), variant: pick(m.variants, args.variant)! }
}

export class Claim extends ModelCommand {
  readonly name = "claim"
  constructor(private readonly args: OrderChangeArgs) {
    super()
  }
  check(m: Readonly<OrderModel>) {
    return withReturnable(m).length > 0
  }
  protected async act(m: OrderModel, r: OrderReal) {
    const { order, line, units, variant } = resolve(m, this.args)
    r.doing = `claim on ${order.label}: ${units} of ${r.labels.get(line.id)}, replacement ${this.args.outbound}×${variant.label}`
    await claimWithReplacement(r.api, r.headers, order.id, [{ id: line.id, quantity: units }], {
      items: [{ variant_id: variant.id, quantity: this.args.outbound }],
      shipping_option_id: r.store.shippingOptions[0],
    })
    await refreshOrder(r, order)
  }
  toString() {
    const a = this.args
    return `claim(o${a.order},l${a.line},u${a.units},v${a.variant}×${a.outbound})`
  }
}

export const claimCommand = changeArgs.map((args) => new Claim(args))

export class Exchange extends ModelCommand {
  readonly name = "exchange"
  constructor(private readonly args: OrderChangeArgs) {
    super()
  }
  check(m: Readonly<OrderModel>) {
    return withReturnable(m).length > 0
  }
  protected async act(m: OrderModel, r: OrderReal) {
    const { order, line, units, variant } = resolve(m, this.args)
    const location = r.store.locations[this.args.location]
    r.doing = `exchange on ${order.label}: ${units} of ${r.labels.get(line.id)} back to ${r.labels.get(location)}, out ${this.args.outbound}×${variant.label}`
    await exchangeItems(
      r.api,
      r.headers,
      order.id,
      { items: [{ id: line.id, quantity: units }], location_id: location },
      { items: [{ variant_id: variant.id, quantity: this.args.outbound }], shipping_option_id: r.store.shippingOptions[0] }
    )
    await refreshOrder(r, order)
  }
  toString() {
    const a = this.args
    return `exchange(o${a.order},l${a.line},u${a.units},v${a.variant}×${a.outbound},loc${a.location})`
  }
}

export const exchangeCommand = changeArgs.map((args) => new Exchange(args))
