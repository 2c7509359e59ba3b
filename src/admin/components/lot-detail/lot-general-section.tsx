import { Container, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatDay } from "../../lib/format"
import type { LotWithEvents } from "../../types"
import { ExpiryLabel } from "../common/expiry-label"
import { LotStatusBadge } from "../common/lot-status-badge"
import { SectionHeader } from "../common/section-header"
import { SectionRow } from "../common/section-row"
import { LotActionsMenu } from "../lots/lot-actions-menu"

/** The supplier copy a receipt kept: address and identifiers, as the FSMA 204 export shows them. */
function supplierLine(details: Record<string, unknown>): string {
  const text = (key: string) => (typeof details[key] === "string" ? (details[key] as string) : "")
  const place = [text("address_1"), [text("postal_code"), text("city")].filter(Boolean).join(" "), text("country_code").toUpperCase()]
  const ids = [text("gln") && `GLN ${text("gln")}`, text("ffrn") && `FDA FFRN ${text("ffrn")}`]
  return [...place, ...ids].filter(Boolean).join(", ") || "—"
}

/** Lot number, status, actions, the item it belongs to, its dates and supplier. */
export const LotGeneralSection = ({ lot }: { lot: LotWithEvents }) => (
  <Container className="divide-y p-0" data-testid="lot-general-section">
    <SectionHeader
      title={lot.lot_number}
      level="h1"
      mono
      badge={<LotStatusBadge status={lot.status} />}
      actions={<LotActionsMenu lot={lot} />}
    />
    <SectionRow
      title="Item"
      value={
        <Link
          to={`/inventory/${lot.inventory_item_id}`}
          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small"
        >
          {lot.inventory_item?.title ?? lot.inventory_item_id}
          {lot.inventory_item?.sku ? ` · ${lot.inventory_item.sku}` : ""}
        </Link>
      }
    />
    <SectionRow title="Expiry" value={<ExpiryLabel expiresAt={lot.expires_at} />} />
    <SectionRow title="Manufactured" value={formatDay(lot.manufactured_at)} />
    {lot.best_before_at && <SectionRow title="Best before" value={formatDay(lot.best_before_at)} />}
    <SectionRow title="Received" value={formatDay(lot.received_at)} />
    <SectionRow title="Supplier" value={lot.supplier ?? "—"} />
    <SectionRow title="Supplier's lot number" value={lot.supplier_lot_number ?? "—"} />
    {lot.supplier_details && <SectionRow title="Supplier as received" value={supplierLine(lot.supplier_details)} />}
    {lot.exempt_source && <SectionRow title="Exempt source" value="Yes (21 CFR 1.1345(b))" />}
    {lot.tlc_assigned_by && <SectionRow title="Lot code assigned by" value={lot.tlc_assigned_by === "supplier" ? "Supplier" : "Us, on receipt"} />}
    {lot.receipt_document_number && (
      <SectionRow title="Receipt document" value={`${lot.receipt_document_type ?? ""} ${lot.receipt_document_number}`.trim()} />
    )}
    {lot.notes && (
      <div className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle whitespace-pre-line">
          {lot.notes}
        </Text>
      </div>
    )}
  </Container>
)
