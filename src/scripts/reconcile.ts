/**
 * Checks every invariant between the lots and Medusa for lot-tracked items — stock, reserved
 * quantities, blocks, allocated counts, order lines' allocations, fulfillments booked in lots,
 * each lot's history — and prints what does not hold. With `--fix`, repairs what the records
 * say the truth is first (recording each correction), then prints what is left for a person.
 *
 *   npm run reconcile              (or: npx medusa exec ./src/scripts/reconcile.ts)
 *   npm run reconcile -- --fix
 *
 * Exit code 1 when anything does not hold (after the repair, with --fix), so CI or a cron job
 * can alert on it. Read-only without --fix.
 */
import type { ExecArgs, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { reconcileLotStockWorkflow, repairAndReportLotIntegrity } from "../workflows"

export default async function reconcile({ container, args }: ExecArgs) {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  let result
  if (args?.includes("--fix")) {
    const repair = await repairAndReportLotIntegrity(container, {})
    for (const c of repair.corrections) {
      console.log(`corrected ${c.check}: ${c.message} (${c.before} -> ${c.after})`)
    }
    for (const f of repair.failed) {
      console.log(`not repaired ${f.finding.check}: ${f.finding.message} — ${f.error}`)
    }
    logger.info(`Repair: ${repair.found.length} found, ${repair.corrections.length} corrected, ${repair.after.findings.length} left.`)
    result = repair.after
  } else {
    result = (await reconcileLotStockWorkflow(container).run({ input: {} })).result
  }
  const { checked_items: checked, drift, findings } = result
  // Everything but stock drift, which the table below shows.
  const others = findings.filter((f) => f.check !== "stock")
  for (const f of others) {
    console.log(`${f.check} (${f.repair === "automatic" ? "run with --fix to repair" : "needs a person"}): ${f.message}`)
  }
  if (others.length) {
    process.exitCode = 1
  }

  if (!drift.length) {
    if (others.length) {
      return
    }
    logger.info(
      checked === 0
        ? "No lot-tracked items yet: nothing to reconcile."
        : `All ${checked} lot-tracked item${checked === 1 ? " is" : "s are"} in balance.`
    )
    return
  }

  const itemIds = [...new Set(drift.map((d) => d.inventory_item_id))]
  const locationIds = [...new Set(drift.map((d) => d.location_id))]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: items }, locations] = await Promise.all([
    query.graph({
      entity: "inventory_item",
      fields: ["id", "sku", "title", "variants.title", "variants.product.title"],
      filters: { id: itemIds },
    }),
    container.resolve(Modules.STOCK_LOCATION).listStockLocations({ id: locationIds }, { select: ["id", "name"] }),
  ])
  // SKU and title. Medusa names an item after its variant ("500 g"): show the product's title then.
  const itemLabel = new Map<string, string>(
    items.map((i: any) => {
      const variant = i.variants?.[0]
      const title = variant?.product?.title && (!i.title || i.title === variant.title) ? variant.product.title : i.title
      return [i.id, [i.sku, title].filter(Boolean).join(" — ") || i.id]
    })
  )
  const locationLabel = new Map(locations.map((l) => [l.id, l.name || l.id]))

  const header = ["Item", "Location", "Medusa stocked", "Lot total", "Untracked"]
  const rows = drift.map((d) => [
    itemLabel.get(d.inventory_item_id) ?? d.inventory_item_id,
    locationLabel.get(d.location_id) ?? d.location_id,
    String(d.stocked_quantity),
    String(d.lot_quantity),
    (d.untracked_quantity > 0 ? "+" : "") + String(d.untracked_quantity),
  ])
  const numeric = [false, false, true, true, true]
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)))
  const line = (cells: string[]) =>
    cells.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ")

  const affected = new Set(drift.map((d) => d.inventory_item_id)).size
  console.log(
    [
      "",
      `Lot stock drift: ${drift.length} item/location pair${drift.length === 1 ? "" : "s"} ` +
        `(${affected} of ${checked} lot-tracked items) disagree with Medusa's inventory levels.`,
      "",
      line(header),
      widths.map((w) => "-".repeat(w)).join("  "),
      ...rows.map(line),
      "",
      // Causes the plugin knows, e.g. units Medusa restocked twice on a cancel after a return.
      ...drift.flatMap((d) =>
        d.cause ? [`${itemLabel.get(d.inventory_item_id) ?? d.inventory_item_id} at ${locationLabel.get(d.location_id) ?? d.location_id}: ${d.cause}`, ""] : []
      ),
      "Untracked > 0: Medusa holds stock that is in no lot (e.g. stock edited outside the plugin); receive it into a lot or correct the level.",
      "Untracked < 0: the lots claim more than Medusa holds; count the lots and adjust them.",
      "",
    ].join("\n")
  )
  process.exitCode = 1
}
