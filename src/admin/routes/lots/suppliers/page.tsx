import { Button, Container } from "@medusajs/ui"
import { useState } from "react"
import { SectionHeader } from "../../../components/common/section-header"
import { NewSupplierDrawer } from "../../../components/suppliers/new-supplier-drawer"
import { SuppliersTable } from "../../../components/suppliers/suppliers-table"
import { useFollowMedusaChanges } from "../../../hooks/medusa-refresh"

/**
 * Suppliers receipts pick from: name, address, phone, GLN, FDA registration, web address (the
 * FSMA 204 location description and lot code source reference). No sidebar entry: it opens from
 * the Lots page.
 */
const SuppliersPage = () => {
  useFollowMedusaChanges()
  const [open, setOpen] = useState(false)
  return (
    <Container className="divide-y p-0" data-testid="suppliers-page">
      <SectionHeader
        title="Suppliers"
        level="h1"
        description="Where received lots come from, for the FSMA 204 export"
        className="gap-4"
        actions={
          <Button size="small" variant="secondary" onClick={() => setOpen(true)}>
            New supplier
          </Button>
        }
      />
      <SuppliersTable />
      <NewSupplierDrawer open={open} onOpenChange={setOpen} />
    </Container>
  )
}

export const handle = {
  breadcrumb: () => "Suppliers",
}

export default SuppliersPage
