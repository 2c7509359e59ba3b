// Bulk data for the bench, written straight into the bench database with set-based SQL
// (INSERT ... SELECT over generate_series, in batches): 100k rows per table load in seconds. The
// tables' secondary indexes are dropped for the load and built again after it (one sort per index
// instead of a million insertions into each), so BENCH_SCALE=large (1,000,000) stays minutes.
//
// What it makes, for N = BENCH_LOTS (default 100,000; 1,000,000 with BENCH_SCALE=large), all at
// one stock location:
//   inventory_item   N items, SKUs like "TOM-004231" in 20 product families (7 digits from 1,000,000 items)
//   inventory_level  one per item, stocked_quantity = the item's lot stock
//   lot_policy       one tracked FEFO policy per item, shelf life by family
//   lot              N lots (one per item), numbers like "TOM-004231-240615-007"
//                    ({SKU}-{YYMMDD}-{SEQ:3}, the plugin's default template), expiries spread
//                    over 2 years (from 4 months ago to 20 months ahead), ~16% already expired,
//                    a few quarantined / on hold / recalled / rejected
//   lot_stock        one row per lot at the location, 10..500 units
//   lot_event        one "received" event per lot
// Everything is derived from the row number with hashint4, so every run loads the same data.
// Ids look like Medusa's (prefix + 26 characters) and sort before the ones the API creates.

import { envInt, stepTimer } from "./util.mjs"

const FAMILIES = [
  ["TOM", "Canned tomatoes 400 g", 1095],
  ["SOU", "Tomato soup 500 ml", 730],
  ["RIC", "Basmati rice 1 kg", 730],
  ["PAS", "Dried penne 500 g", 1095],
  ["TEA", "Green tea 20 bags", 730],
  ["COF", "Ground coffee 250 g", 730],
  ["CHO", "Dark chocolate 100 g", 730],
  ["HON", "Honey 350 g", 1095],
  ["OIL", "Olive oil 500 ml", 730],
  ["VIN", "Red wine vinegar 500 ml", 1095],
  ["VIT", "Vitamin D3 60 capsules", 730],
  ["IBU", "Ibuprofen 200 mg 24 tablets", 1095],
  ["SYR", "Cough syrup 200 ml", 730],
  ["BND", "Plasters 40 pieces", 1095],
  ["SAN", "Hand sanitizer 100 ml", 1095],
  ["BAB", "Infant formula 800 g", 730],
  ["PET", "Dry dog food 2 kg", 730],
  ["BEA", "Baked beans 415 g", 1095],
  ["TUN", "Tuna in oil 160 g", 1095],
  ["NUT", "Roasted almonds 200 g", 730],
]
const SUPPLIERS = ["Nordic Foods AB", "Iberia Conservas SA", "Alpen Pharma GmbH", "Delta Dry Goods Ltd", "Po Valley Mills SpA", "Baltic Packers", "Atlas Health BV", "Green Leaf Traders"]

const lit = (s) => `'${String(s).replace(/'/g, "''")}'`
const arr = (values) => `ARRAY[${values.map(lit).join(",")}]`
const intArr = (values) => `ARRAY[${values.join(",")}]::int[]`

/** Lots (and items) of the shared data set: BENCH_LOTS, else 1,000,000 with BENCH_SCALE=large, else 100,000. */
export function datasetSize() {
  return envInt("BENCH_LOTS", process.env.BENCH_SCALE === "large" ? 1_000_000 : 100_000)
}

/**
 * Drops the secondary indexes of `tables` for a bulk load and returns the function that builds
 * them again from their own definitions; indexes behind constraints (primary keys, unique
 * constraints) stay. `sql` is (text, values) -> rows.
 */
export async function dropSecondaryIndexes(sql, tables) {
  const indexes = await sql(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I', i.indexname)::regclass)`,
    [tables]
  )
  for (const { indexname } of indexes) await sql(`DROP INDEX "${indexname}"`)
  return async () => {
    await sql("SET maintenance_work_mem = '256MB'")
    for (const { indexdef } of indexes) await sql(indexdef)
    await sql("RESET maintenance_work_mem")
  }
}

/** A substring that matches exactly 1% of SKUs (and so of lot numbers) of 100,000: "-0042" -> TOM-004200..004299 (0.1% of 1,000,000). */
export const DEFAULT_SEARCH = "-0042"

export async function loadDataset(client, { count, locationId, batchSize = 50_000, log = () => {} }) {
  const { timings, step } = stepTimer(log)

  await client.query("SET synchronous_commit = off")
  await step("seed table", async () => {
    await client.query(`DROP TABLE IF EXISTS bench_seed`)
    await client.query(`
      CREATE TEMP TABLE bench_seed AS
      WITH base AS (
        SELECT i,
               1 + (i % ${FAMILIES.length}) AS fam,
               '01JB' || lpad(i::text, 22, '0') AS ulid,
               (hashint4(i)::bigint & 2147483647) AS r1,
               (hashint4(i + 7777777)::bigint & 2147483647) AS r2,
               (hashint4(i + 15555555)::bigint & 2147483647) AS r3
          FROM generate_series(1, $1::int) AS i
      ), dated AS (
        SELECT b.*,
               (${arr(FAMILIES.map((f) => f[0]))})[fam] || '-' || lpad(i::text, ${skuDigits(count)}, '0') AS sku,
               (${arr(FAMILIES.map((f) => f[1]))})[fam] || ' #' || i AS title,
               (${intArr(FAMILIES.map((f) => f[2]))})[fam] AS shelf_days,
               date_trunc('day', now()) - interval '120 days' + (r1 % 730) * interval '1 day' + interval '23 hours' AS expires_at
          FROM base b
      )
      SELECT d.*,
             d.expires_at - d.shelf_days * interval '1 day' AS manufactured_at,
             d.expires_at - d.shelf_days * interval '1 day' + (1 + r2 % 14) * interval '1 day' + (r3 % 36000) * interval '1 second' AS received_at,
             d.sku || '-' || to_char(d.expires_at - d.shelf_days * interval '1 day', 'YYMMDD') || '-' || lpad((1 + r2 % 999)::text, 3, '0') AS lot_number,
             10 + (r3 % 491) AS qty,
             CASE
               WHEN d.expires_at < now() THEN 'expired'
               WHEN r3 % 1000 < 20 THEN 'quarantine'
               WHEN r3 % 1000 < 30 THEN 'on_hold'
               WHEN r3 % 1000 < 35 THEN 'recalled'
               WHEN r3 % 1000 < 40 THEN 'rejected'
               ELSE 'released'
             END AS status,
             (${arr(SUPPLIERS)})[1 + (r2 % ${SUPPLIERS.length})] AS supplier,
             'S' || upper(to_hex(r1 # r3)) AS supplier_lot_number
        FROM dated d`, [count])
    await client.query(`CREATE UNIQUE INDEX ON bench_seed (i)`)
  })

  const levelColumns = new Set(
    (await client.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'inventory_level'`)).rows.map((r) => r.column_name)
  )
  const rawLevel = ["stocked", "reserved", "incoming"].every((q) => levelColumns.has(`raw_${q}_quantity`))

  const tables = ["inventory_item", "inventory_level", "lot_policy", "lot", "lot_stock", "lot_event"]
  const rebuildIndexes = await dropSecondaryIndexes(async (text, values) => (await client.query(text, values)).rows, tables)
  const batched = async (name, sql, params = []) =>
    step(name, async () => {
      for (let from = 1; from <= count; from += batchSize) {
        await client.query(`${sql} WHERE s.i BETWEEN $1 AND $2`, [from, Math.min(count, from + batchSize - 1), ...params])
      }
    })

  await batched(
    "inventory_item",
    `INSERT INTO inventory_item (id, sku, title, requires_shipping, created_at, updated_at)
     SELECT 'iitem_' || s.ulid, s.sku, s.title, true, s.received_at - interval '30 days', s.received_at - interval '30 days'
       FROM bench_seed s`
  )
  await batched(
    "inventory_level",
    `INSERT INTO inventory_level (id, inventory_item_id, location_id, stocked_quantity, reserved_quantity, incoming_quantity,
                                  ${rawLevel ? "raw_stocked_quantity, raw_reserved_quantity, raw_incoming_quantity," : ""} created_at, updated_at)
     SELECT 'ilev_' || s.ulid, 'iitem_' || s.ulid, $3, s.qty, 0, 0,
            ${rawLevel ? `jsonb_build_object('value', s.qty::text, 'precision', 20), '{"value":"0","precision":20}'::jsonb, '{"value":"0","precision":20}'::jsonb,` : ""}
            s.received_at, s.received_at
       FROM bench_seed s`,
    [locationId]
  )
  await batched(
    "lot_policy",
    `INSERT INTO lot_policy (id, inventory_item_id, tracked, strategy, shelf_life_days, removal_lead_days,
                             min_remaining_shelf_life_days, created_at, updated_at)
     SELECT 'lotpol_' || s.ulid, 'iitem_' || s.ulid, true, 'fefo', s.shelf_days, 30, 60, s.received_at, s.received_at
       FROM bench_seed s`
  )
  await batched(
    "lot",
    `INSERT INTO lot (id, lot_number, inventory_item_id, status, manufactured_at, expires_at, received_at, supplier,
                      supplier_lot_number, created_at, updated_at)
     SELECT 'lot_' || s.ulid, s.lot_number, 'iitem_' || s.ulid, s.status, s.manufactured_at, s.expires_at, s.received_at,
            s.supplier, s.supplier_lot_number, s.received_at, s.received_at
       FROM bench_seed s`
  )
  await batched(
    "lot_stock",
    `INSERT INTO lot_stock (id, lot_id, location_id, quantity, allocated_quantity, created_at, updated_at)
     SELECT 'lotstk_' || s.ulid, 'lot_' || s.ulid, $3, s.qty, 0, s.received_at, s.received_at
       FROM bench_seed s`,
    [locationId]
  )
  await batched(
    "lot_event",
    `INSERT INTO lot_event (id, lot_id, type, quantity, location_id, to_status, data, created_at, updated_at)
     SELECT 'lotevt_' || s.ulid, 'lot_' || s.ulid, 'received', s.qty, $3,
            CASE WHEN s.status = 'quarantine' THEN 'quarantine' ELSE 'released' END,
            jsonb_build_object('supplier', s.supplier), s.received_at, s.received_at
       FROM bench_seed s`,
    [locationId]
  )
  await client.query(`DROP TABLE bench_seed`)
  await step("indexes", rebuildIndexes)
  await step("vacuum analyze", async () => {
    await client.query(`VACUUM (ANALYZE) ${tables.join(", ")}`)
  })
  return { timings }
}

/** Row counts and on-disk sizes (table + indexes) of the tables the bench touches. */
export async function dataSizes(client) {
  const tables = ["inventory_item", "inventory_level", "lot_policy", "lot", "lot_stock", "lot_event"]
  const out = {}
  for (const t of tables) {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM ${t} WHERE deleted_at IS NULL)::int AS rows,
              pg_size_pretty(pg_total_relation_size('${t}')) AS size`
    )
    out[t] = rows[0]
  }
  return out
}

/** Digits of the number in a SKU: 6, or more when the data set has more items (lpad would cut them). */
export const skuDigits = (count) => Math.max(6, String(count).length)

/** Id and SKU of the i-th loaded inventory item (1-based), as loadDataset wrote them (`digits`: skuDigits of the count). */
export function itemRef(i, digits = 6) {
  const ulid = `01JB${String(i).padStart(22, "0")}`
  return { id: `iitem_${ulid}`, sku: `${FAMILIES[i % FAMILIES.length][0]}-${String(i).padStart(digits, "0")}` }
}
