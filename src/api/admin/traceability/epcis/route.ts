import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOT_MODULE } from "../../../../modules/lot"
import { EPCIS_DOCUMENT_TAIL, epcisDocumentHead, epcisEventPage } from "../../../../modules/lot/domain/epcis-document"
import { epcisBase, type EpcisIdentity } from "../../../../modules/lot/domain/epcis-identifiers"
import type { EpcisEventFilters } from "../../../../modules/lot/sql/epcis-sql"
import type { EventCursor } from "../../../../modules/lot/sql/event-page"
import type LotModuleService from "../../../../modules/lot/service"
import { drained } from "../../../utils/spreadsheet-writers"
import { epcisLookupCache, withMasterData } from "./lookups"
import type { AdminGetEpcisParamsType } from "./validators"

const CONTENT_TYPES = ["application/ld+json", "application/json"]

/**
 * Whose export it is. Without the `epcis_base_uri` option, names without a GS1 key go under the
 * address the admin asked at (`https://admin.shop.example/epcis`): the merchant's own domain.
 */
function exportIdentity(req: AuthenticatedMedusaRequest, options: ReturnType<LotModuleService["getOptions"]>): EpcisIdentity {
  const identity = { base_uri: options.epcis_base_uri ?? `${req.protocol}://${req.get("host")}/epcis`, party_gln: options.epcis_party_gln }
  try {
    epcisBase(identity)
  } catch (error) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${(error as Error).message}: set the lot module's epcis_base_uri option`)
  }
  return identity
}

/**
 * GS1 EPCIS 2.0 JSON-LD EPCISDocument of the lots' events in the period (docs/epcis.md), streamed:
 * the document's head, then the events a page at a time in event-time order, each page waiting for
 * the client to take the last one, then the tail. Event ids are content hashes: the same period
 * exports the same ids.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetEpcisParamsType>, res: MedusaResponse) => {
  const { period, page_size, lot_id, lot_number, inventory_item_id } = req.validatedQuery
  const lots = req.scope.resolve<LotModuleService>(LOT_MODULE)
  const identity = exportIdentity(req, lots.getOptions())
  const filters: EpcisEventFilters = { start: period.start, end: period.end }
  if (inventory_item_id) {
    filters.inventory_item_ids = [inventory_item_id]
  }
  if (lot_id || lot_number) {
    filters.lot_ids = await lots.resolveFsmaLots({ lot_ids: lot_id ? [lot_id] : [], lot_numbers: lot_number ? [lot_number] : [] })
  }
  const lookups = epcisLookupCache()
  const read = async (after?: EventCursor) => await withMasterData(req.scope, await lots.listEpcisEvents(filters, { after, take: page_size }), lookups)
  // The first page is read and mapped before any byte is sent, so a failure there is still an error response.
  let page = await read()
  let chunk = epcisEventPage(page, identity, 0)

  res.status(200)
  res.setHeader("Content-Type", `${req.accepts(CONTENT_TYPES) || CONTENT_TYPES[0]}; charset=utf-8`)
  res.setHeader("Content-Disposition", `attachment; filename="epcis-${period.from}-${period.to}.jsonld"`)
  try {
    await drained(res, !res.write(epcisDocumentHead({ created_at: new Date() }) + chunk.json))
    while (page.length === page_size && !res.destroyed) {
      page = await read(page[page.length - 1])
      chunk = epcisEventPage(page, identity, chunk.written)
      await drained(res, !res.write(chunk.json))
    }
    if (!res.destroyed) {
      res.end(EPCIS_DOCUMENT_TAIL)
    }
  } catch (error) {
    // The headers are out: cut the connection, so the client sees a failed download, never a short document.
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`EPCIS export failed: ${(error as Error).message}`)
    res.destroy(error as Error)
  }
}
