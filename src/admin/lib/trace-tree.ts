import type { TraceTotals, TraceTreeNode } from "../../modules/lot/domain/trace-view"
import type { Serialized } from "../types"
import { counted } from "./format"

type Node = Serialized<TraceTreeNode>

/**
 * Whether a lot of the tree can be opened: it has children in the trace, and it is not one of the
 * lots above it — a bad genealogy (a lot made from its own output) would otherwise open forever.
 */
export function canOpen(node: Node, ancestorLotIds: readonly string[]): node is Extract<Node, { kind: "lot" }> {
  return node.kind === "lot" && node.child_count > 0 && !ancestorLotIds.includes(node.lot.id)
}

/** Who received a shipment, as the tree names them: the name, else the e-mail, else "Guest". */
export function shipmentCustomer(node: Extract<Node, { kind: "shipment" }>): { name: string; email: string | null } {
  const s = node.shipment
  return { name: s.customer_name ?? s.customer_email ?? "Guest", email: s.customer_email }
}

/** Whether rows remain after `pagesShown` pages of `limit` out of `count`. */
export function hasMore(count: number, pagesShown: number, limit: number): boolean {
  return pagesShown * limit < count
}

/** The trace's totals in one line: forward, what it reaches; backward, where it came from. */
export function totalsLine(t: TraceTotals, direction: "forward" | "backward"): string[] {
  const units = (n: number) => counted(n, "unit")
  return direction === "forward"
    ? [
        counted(t.lots, "lot"),
        `${counted(t.shipments, "shipment")} to ${counted(t.customers, "customer")}`,
        `${units(t.outstanding_quantity)} with customers`,
        `${units(t.on_hand_quantity)} on hand at ${counted(t.locations, "location")}`,
      ]
    : [counted(t.lots, "lot"), counted(t.suppliers, "supplier lot")]
}
