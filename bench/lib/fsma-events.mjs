// FSMA 204 events for the export bench, on top of the shared data set (its lots each have their
// first receipt), written with set-based SQL (INSERT ... SELECT generate_series, in batches, the
// tables' secondary indexes dropped meanwhile and built again after):
//   - later receipts into the lots (lot_event `received` without a status change), 20%;
//   - productions: a `produced` event of a lot with the lineage edge of its transformation
//     (one input lot), 10%, at most one per lot;
//   - shipment links (lot_shipment) for the rest, 1 in 50 of them canceled (not events).
// Every event falls in the 700 days before today, so a two-year export covers all of them; the
// first receipts count too as far as they fall into that period. Ids carry "fsma" so the rows can
// be removed again (removeFsmaEvents) and never meet the other suites' rows.

import { dropSecondaryIndexes } from "./dataset.mjs"
import { stepTimer } from "./util.mjs"

const BATCH = 250_000
const DAYS = 700

/** The export period (YYYY-MM-DD, both ends inclusive) covering every event the loader writes. */
export function fsmaBenchPeriod(today = new Date()) {
  const day = (d) => d.toISOString().slice(0, 10)
  return { from: day(new Date(today.getTime() - 730 * 86_400_000)), to: day(today) }
}

// A moment in the DAYS before today, from the row number (the same in every run).
const momentOf = (n) => `date_trunc('day', now()) - interval '${DAYS} days' + ((hashint4(${n} + 31337)::bigint & 2147483647) % (${DAYS} * 86400)) * interval '1 second'`
const lotOf = (expr) => `'lot_01JB' || lpad((${expr})::text, 22, '0')`

async function batched(sql, total, text, params) {
  for (let from = 1; from <= total; from += BATCH) {
    await sql(text, [from, Math.min(total, from + BATCH - 1), ...params])
  }
}

/**
 * Loads about `events` FSMA-relevant events over the data set's `lots` lots; returns how many of
 * each source it wrote and the seconds each step took.
 */
export async function loadFsmaEvents(sql, { lots, events, locationId, log = () => {} }) {
  const laterReceipts = Math.round(events * 0.2)
  const productions = Math.min(Math.round(events * 0.1), Math.floor(lots / 2))
  const [{ first }] = await sql(`SELECT count(*)::int AS first FROM lot WHERE received_at >= date_trunc('day', now()) - interval '730 days'`)
  const shipments = Math.max(0, events - first - laterReceipts - productions)
  const { timings, step } = stepTimer(log)
  await sql("SET synchronous_commit = off")
  const rebuildIndexes = await dropSecondaryIndexes(sql, ["lot_event", "lot_lineage", "lot_shipment"])
  await step("later receipts", () =>
    batched(
      sql,
      laterReceipts,
      `INSERT INTO lot_event (id, lot_id, type, quantity, location_id, reference_type, reference_id, data, created_at, updated_at)
       SELECT 'lotevt_fsmr' || lpad(n::text, 22, '0'), ${lotOf("1 + n % $3")}, 'received', 1 + n % 40, $4, 'lot_receipt', NULL,
              CASE WHEN n % 3 = 0 THEN jsonb_build_object('reference_document_type', 'Bill of lading', 'reference_document_number', 'BOL-' || n) END,
              ${momentOf("n")}, ${momentOf("n")}
         FROM generate_series($1::int, $2::int) AS n`,
      [lots, locationId]
    )
  )
  // Output lot n made from lot n + lots/2: inputs never produced here themselves.
  await step("productions", async () => {
    await batched(
      sql,
      productions,
      `INSERT INTO lot_lineage (id, parent_lot_id, child_lot_id, kind, transformation_id, location_id, quantity, created_at, updated_at)
       SELECT 'lotlin_fsma' || lpad(n::text, 22, '0'), ${lotOf(`n + $3 / 2`)}, ${lotOf("n")}, 'production',
              'lottrf_fsma' || lpad(n::text, 22, '0'), $4, 1 + n % 10, ${momentOf("-n")}, ${momentOf("-n")}
         FROM generate_series($1::int, $2::int) AS n`,
      [lots, locationId]
    )
    await batched(
      sql,
      productions,
      `INSERT INTO lot_event (id, lot_id, type, quantity, location_id, reference_type, reference_id, created_at, updated_at)
       SELECT 'lotevt_fsmp' || lpad(n::text, 22, '0'), ${lotOf("n")}, 'produced', 10 + n % 90, $3, 'production',
              'lottrf_fsma' || lpad(n::text, 22, '0'), ${momentOf("-n")}, ${momentOf("-n")}
         FROM generate_series($1::int, $2::int) AS n`,
      [locationId]
    )
  })
  await step("shipments", () =>
    batched(
      sql,
      shipments + Math.floor(shipments / 49),
      `INSERT INTO lot_shipment (id, lot_id, inventory_item_id, order_id, line_item_id, fulfillment_id, location_id, quantity,
                                 status, customer_id, customer_name, ship_to, fulfilled_at, shipped_at, canceled_at)
       SELECT 'lotshp_fsma' || lpad(n::text, 22, '0'), ${lotOf("1 + n % $3")}, 'iitem_01JB' || lpad((1 + n % $3)::text, 22, '0'),
              'order_fsma' || lpad((n / 3)::text, 22, '0'), 'ordli_fsma' || lpad(n::text, 22, '0'),
              'ful_fsma' || lpad((n / 3)::text, 22, '0'), $4, 1 + n % 12,
              CASE WHEN n % 50 = 0 THEN 'canceled' ELSE 'shipped' END, 'cus_fsma' || (n % 20000), 'Customer ' || (n % 20000),
              jsonb_build_object('address_1', (n % 900 + 1) || ' Market Street', 'city', 'Springfield', 'postal_code', lpad((n % 99999)::text, 5, '0'), 'country_code', 'us'),
              ${momentOf("n * 3")}, ${momentOf("n * 3")} + interval '2 hours',
              CASE WHEN n % 50 = 0 THEN ${momentOf("n * 3")} + interval '1 hour' END
         FROM generate_series($1::int, $2::int) AS n`,
      [lots, locationId]
    )
  )
  await step("indexes", rebuildIndexes)
  await step("vacuum analyze", () => sql(`VACUUM (ANALYZE) lot_event, lot_lineage, lot_shipment`))
  return { first_receipts: first, later_receipts: laterReceipts, productions, shipments, timings }
}

/**
 * Removes what loadFsmaEvents wrote, so later suites see the data set as it was. History is
 * append-only (a trigger refuses deletes); these bench rows go with triggers off for the transaction.
 */
export async function removeFsmaEvents(sql) {
  await sql("BEGIN")
  try {
    await sql("SET LOCAL session_replication_role = replica")
    await sql(`DELETE FROM lot_shipment WHERE id LIKE 'lotshp\\_fsma%'`)
    await sql(`DELETE FROM lot_event WHERE id LIKE 'lotevt\\_fsm%'`)
    await sql(`DELETE FROM lot_lineage WHERE id LIKE 'lotlin\\_fsma%'`)
    await sql("COMMIT")
  } catch (error) {
    await sql("ROLLBACK")
    throw error
  }
  await sql(`VACUUM (ANALYZE) lot_event, lot_lineage, lot_shipment`)
}
