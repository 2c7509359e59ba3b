/** The demo store's catalogue: categories, products and the lots they are stocked with. */
import { LotStatus, type AllocationStrategy } from "../../modules/lot"
import { julian, yymm, yymmdd } from "./dates"
import type { LocationKey } from "./store"

/** The product whose presence (with the store marker) says the demo is in. */
export const DEMO_MARKER_HANDLE = "greek-yogurt-500g"

export const CATEGORIES = [
  { handle: "dairy", name: "Dairy", description: "Fresh and matured dairy from Dutch co-operatives." },
  { handle: "beverages", name: "Beverages", description: "Juices, water and ready-to-drink coffee." },
  { handle: "pharmacy", name: "Pharmacy", description: "Over-the-counter medicines (pharmacy-only in some countries)." },
  { handle: "cosmetics", name: "Cosmetics", description: "Skin care with batch-coded formulations." },
  { handle: "merchandise", name: "Merchandise", description: "Bags and accessories." },
] as const
export type CategoryHandle = (typeof CATEGORIES)[number]["handle"]

/** A lot to receive. Days are relative to the seed's "today" (negative = in the past). */
type LotSpec = {
  /** Explicit (supplier / printed) lot number; omitted = generated from the item's template. */
  number?: string
  /** Days from today the lot was made. */
  made: number
  /** Explicit expiry in days from today; omitted = derived from made + the item's shelf life. */
  expires?: number
  /** Days after manufacture the lot arrived (clamped to today). */
  arrivedAfter?: number
  status?: typeof LotStatus.RELEASED | typeof LotStatus.QUARANTINE
  supplierLot: string
  purchaseOrder: string
  notes?: string
  /** Quantity per location; a lot delivered to both locations is received twice into the same lot. */
  stock: Partial<Record<LocationKey, number>>
}

export type ProductSpec = {
  handle: string
  title: string
  subtitle?: string
  description: string
  category: CategoryHandle
  sku: string
  /** First 12 digits of the EAN-13; the check digit is computed. */
  ean12: string
  size: string
  price: number
  weight?: number
  /** Lot policy; absent = an untracked product, stocked the plain Medusa way. */
  policy?: {
    strategy?: AllocationStrategy
    shelf_life_days: number
    min_remaining_shelf_life_days?: number
    removal_lead_days?: number
    lot_number_template?: string
    lot_number_pattern?: string
  }
  supplier?: string
  lots?: LotSpec[]
  /** Plain inventory levels, for untracked products only. */
  levels?: Partial<Record<LocationKey, number>>
}

const QUARANTINE_NOTE = "Awaiting QC release: certificate of analysis received, retained samples under test."

export const PRODUCTS: ProductSpec[] = [
  {
    handle: DEMO_MARKER_HANDLE,
    title: "Greek yogurt 500 g",
    subtitle: "10% fat, strained",
    description: "Thick strained yogurt made from Frisian whole milk. Keep refrigerated at 2–6 °C.",
    category: "dairy",
    sku: "DAI-YOG-500",
    ean12: "871234510001",
    size: "500 g",
    price: 2.79,
    weight: 520,
    policy: { shelf_life_days: 28, min_remaining_shelf_life_days: 5 },
    supplier: "Zuivelcoöperatie Noord",
    lots: [
      // Already past its use-by date and still on the shelf: the expiry sweep / dashboard has work to do.
      { number: `L${yymm(-31)}-A`, made: -31, arrivedAfter: 2, supplierLot: "ZCN-Y-40912", purchaseOrder: "PO-2026-0871", stock: { cold: 18 } },
      { number: `L${yymm(-24)}-B`, made: -24, arrivedAfter: 1, supplierLot: "ZCN-Y-40977", purchaseOrder: "PO-2026-0902", stock: { main: 36 } },
      { number: `L${yymm(-12)}-C`, made: -12, arrivedAfter: 1, supplierLot: "ZCN-Y-41058", purchaseOrder: "PO-2026-0944", stock: { cold: 96, main: 48 } },
      { number: `L${yymm(-3)}-D`, made: -3, arrivedAfter: 1, supplierLot: "ZCN-Y-41120", purchaseOrder: "PO-2026-0987", stock: { cold: 120 } },
    ],
  },
  {
    handle: "fresh-whole-milk-1l",
    title: "Fresh whole milk 1 L",
    subtitle: "Pasteurised, 3.5% fat",
    description: "Pasteurised whole milk from pasture-grazed cows, bottled within 24 hours of milking.",
    category: "dairy",
    sku: "DAI-MLK-1000",
    ean12: "871234510002",
    size: "1 L",
    price: 1.39,
    weight: 1050,
    policy: { shelf_life_days: 10, min_remaining_shelf_life_days: 3 },
    supplier: "Zuivelcoöperatie Noord",
    // Generated numbers: {SKU}-{YYMMDD}-{SEQ:3} (the default template).
    lots: [
      { made: -9, arrivedAfter: 1, supplierLot: "ZCN-M-88210", purchaseOrder: "PO-2026-0951", stock: { cold: 24 } },
      { made: -4, arrivedAfter: 1, supplierLot: "ZCN-M-88254", purchaseOrder: "PO-2026-0972", stock: { cold: 120, main: 36 } },
      { made: -1, arrivedAfter: 1, supplierLot: "ZCN-M-88297", purchaseOrder: "PO-2026-0990", stock: { cold: 144 } },
    ],
  },
  {
    handle: "aged-gouda-400g",
    title: "Aged Gouda 400 g",
    subtitle: "Matured 12 months",
    description: "Farmhouse Gouda matured for a year on wooden planks; vacuum-packed wedge.",
    category: "dairy",
    sku: "DAI-GOU-400",
    ean12: "871234510003",
    size: "400 g",
    price: 6.49,
    weight: 410,
    policy: { shelf_life_days: 180, min_remaining_shelf_life_days: 30, removal_lead_days: 7 },
    supplier: "Kaasmakerij De Graafstroom",
    lots: [
      { number: `GK${yymm(-160).slice(0, 2)}${julian(-160)}`, made: -160, arrivedAfter: 3, supplierLot: "DG-26-0311", purchaseOrder: "PO-2026-0514", stock: { main: 40 } },
      { number: `GK${yymm(-90).slice(0, 2)}${julian(-90)}`, made: -90, arrivedAfter: 3, supplierLot: "DG-26-0527", purchaseOrder: "PO-2026-0702", stock: { main: 60, cold: 30 } },
      { number: `GK${yymm(-30).slice(0, 2)}${julian(-30)}`, made: -30, arrivedAfter: 2, supplierLot: "DG-26-0719", purchaseOrder: "PO-2026-0866", stock: { main: 80 } },
    ],
  },
  {
    handle: "orange-juice-1l",
    title: "Orange juice 1 L",
    subtitle: "Not from concentrate",
    description: "Freshly pressed Valencia oranges, flash-pasteurised. Refrigerate after opening.",
    category: "beverages",
    sku: "BEV-OJ-1000",
    ean12: "871234520001",
    size: "1 L",
    price: 3.29,
    weight: 1080,
    // Custom numbering: year digit + day of year + a two-digit sequence, e.g. BEV-OJ-1000-6329-01.
    policy: { shelf_life_days: 60, min_remaining_shelf_life_days: 10, lot_number_template: "{SKU}-{YJJJ}-{SEQ:2}" },
    supplier: "Sunvale Juices B.V.",
    lots: [
      { made: -58, arrivedAfter: 2, supplierLot: "SV-OJ-2611", purchaseOrder: "PO-2026-0788", stock: { cold: 30 } },
      { made: -25, arrivedAfter: 2, supplierLot: "SV-OJ-2674", purchaseOrder: "PO-2026-0897", stock: { cold: 90 } },
      { made: -5, arrivedAfter: 2, supplierLot: "SV-OJ-2719", purchaseOrder: "PO-2026-0979", stock: { main: 60, cold: 48 } },
    ],
  },
  {
    handle: "sparkling-water-6x500ml",
    title: "Sparkling water 6 × 500 ml",
    subtitle: "Natural mineral water",
    description: "Naturally carbonated mineral water from the Eifel, six 500 ml PET bottles.",
    category: "beverages",
    sku: "BEV-SPW-6X500",
    ean12: "400123450001",
    size: "6 × 500 ml",
    price: 3.99,
    weight: 3150,
    // Long shelf life, quality not safety: pick the oldest receipt first.
    policy: { strategy: "fifo", shelf_life_days: 365 },
    supplier: "Eifelquelle Mineralbrunnen GmbH",
    lots: [
      { number: `B${yymmdd(-200)}-1`, made: -200, arrivedAfter: 6, supplierLot: "EQ-L1-0412", purchaseOrder: "PO-2026-0455", stock: { main: 40 } },
      { number: `B${yymmdd(-120)}-2`, made: -120, arrivedAfter: 5, supplierLot: "EQ-L2-0633", purchaseOrder: "PO-2026-0640", stock: { main: 150 } },
      { number: `B${yymmdd(-30)}-1`, made: -30, arrivedAfter: 4, supplierLot: "EQ-L1-0951", purchaseOrder: "PO-2026-0870", stock: { main: 200, cold: 48 } },
    ],
  },
  {
    handle: "cold-brew-coffee-250ml",
    title: "Cold brew coffee 250 ml",
    subtitle: "Single-origin, unsweetened",
    description: "Ethiopian Sidamo steeped 18 hours, bottled cold. Keep refrigerated.",
    category: "beverages",
    sku: "BEV-CBC-250",
    ean12: "871234520002",
    size: "250 ml",
    price: 2.99,
    weight: 290,
    policy: { shelf_life_days: 90, min_remaining_shelf_life_days: 14 },
    supplier: "Koffiebranderij Brandpunt",
    lots: [
      { made: -80, arrivedAfter: 2, supplierLot: "KB-CB-1187", purchaseOrder: "PO-2026-0741", stock: { cold: 24 } },
      { made: -40, arrivedAfter: 2, supplierLot: "KB-CB-1242", purchaseOrder: "PO-2026-0835", stock: { cold: 72 } },
      { made: -7, arrivedAfter: 2, supplierLot: "KB-CB-1299", purchaseOrder: "PO-2026-0968", stock: { cold: 96, main: 24 } },
    ],
  },
  {
    handle: "paracetamol-500mg-20-tablets",
    title: "Paracetamol 500 mg, 20 tablets",
    description: "Pain relief and fever reducer. Read the package leaflet before use.",
    category: "pharmacy",
    sku: "PHA-PCM-500-20",
    ean12: "400123460001",
    size: "20 tablets",
    price: 1.95,
    weight: 25,
    // Batch numbers printed by the manufacturer: PA + production date, checked against a pattern.
    policy: { shelf_life_days: 1095, min_remaining_shelf_life_days: 180, lot_number_pattern: "PA\\d{6}" },
    supplier: "PharmaSource GmbH",
    lots: [
      { number: `PA${yymmdd(-1000)}`, made: -1000, arrivedAfter: 21, supplierLot: "PS-24-118832", purchaseOrder: "PO-2024-0233", stock: { main: 60 } },
      { number: `PA${yymmdd(-500)}`, made: -500, arrivedAfter: 18, supplierLot: "PS-25-140517", purchaseOrder: "PO-2025-0612", stock: { main: 240 } },
      {
        number: `PA${yymmdd(-20)}`,
        made: -20,
        arrivedAfter: 14,
        status: LotStatus.QUARANTINE,
        notes: QUARANTINE_NOTE,
        supplierLot: "PS-26-162044",
        purchaseOrder: "PO-2026-0931",
        stock: { main: 300 },
      },
    ],
  },
  {
    handle: "ibuprofen-200mg-24-tablets",
    title: "Ibuprofen 200 mg, 24 tablets",
    description: "Anti-inflammatory pain relief, film-coated. Read the package leaflet before use.",
    category: "pharmacy",
    sku: "PHA-IBU-200-24",
    ean12: "400123460002",
    size: "24 tablets",
    price: 3.49,
    weight: 30,
    policy: { shelf_life_days: 1095, min_remaining_shelf_life_days: 180 },
    supplier: "PharmaSource GmbH",
    lots: [
      { number: `IB${yymm(-700)}-0417`, made: -700, arrivedAfter: 20, supplierLot: "PS-25-131275", purchaseOrder: "PO-2025-0148", stock: { main: 120 } },
      { number: `IB${yymm(-200)}-0533`, made: -200, arrivedAfter: 16, supplierLot: "PS-26-152290", purchaseOrder: "PO-2026-0466", stock: { main: 180 } },
      { number: `IB${yymm(-60)}-0581`, made: -60, arrivedAfter: 15, supplierLot: "PS-26-158801", purchaseOrder: "PO-2026-0820", stock: { main: 200 } },
    ],
  },
  {
    handle: "vitamin-c-serum-30ml",
    title: "Vitamin C serum 30 ml",
    subtitle: "15% L-ascorbic acid",
    description: "Brightening serum with vitamin E and ferulic acid, in an airless amber bottle.",
    category: "cosmetics",
    sku: "COS-VCS-30",
    ean12: "300123470001",
    size: "30 ml",
    price: 24.95,
    weight: 95,
    policy: { shelf_life_days: 730, min_remaining_shelf_life_days: 90 },
    supplier: "Laboratoires Belleau",
    lots: [
      { made: -700, arrivedAfter: 12, supplierLot: "LB-VC-24A19", purchaseOrder: "PO-2025-0102", stock: { main: 12 } },
      { made: -300, arrivedAfter: 10, supplierLot: "LB-VC-26A03", purchaseOrder: "PO-2026-0311", stock: { main: 48 } },
      {
        made: -10,
        arrivedAfter: 7,
        status: LotStatus.QUARANTINE,
        notes: QUARANTINE_NOTE,
        supplierLot: "LB-VC-26K21",
        purchaseOrder: "PO-2026-0957",
        stock: { main: 60 },
      },
    ],
  },
  {
    handle: "spf50-sunscreen-100ml",
    title: "SPF 50 sunscreen 100 ml",
    subtitle: "Very high protection, water resistant",
    description: "Broad-spectrum UVA/UVB sun lotion for face and body, fragrance-free.",
    category: "cosmetics",
    sku: "COS-SPF50-100",
    ean12: "300123470002",
    size: "100 ml",
    price: 14.95,
    weight: 120,
    policy: { shelf_life_days: 900, min_remaining_shelf_life_days: 120 },
    supplier: "SolarCare Cosmetics Ltd",
    lots: [
      { number: `S50-${yymm(-880)}A`, made: -880, arrivedAfter: 25, supplierLot: "SC-2406-118", purchaseOrder: "PO-2024-0377", stock: { main: 30 } },
      { number: `S50-${yymm(-400)}B`, made: -400, arrivedAfter: 21, supplierLot: "SC-2510-342", purchaseOrder: "PO-2025-0788", stock: { main: 96 } },
      { number: `S50-${yymm(-150)}C`, made: -150, arrivedAfter: 18, supplierLot: "SC-2606-077", purchaseOrder: "PO-2026-0549", stock: { main: 144, cold: 24 } },
    ],
  },
  // Not lot-tracked: stocked the plain Medusa way.
  {
    handle: "canvas-tote-bag",
    title: "Canvas tote bag",
    description: "Organic cotton tote with the Noordvers logo, 38 × 42 cm.",
    category: "merchandise",
    sku: "MRC-TOTE",
    ean12: "871234590001",
    size: "One size",
    price: 7.5,
    weight: 180,
    levels: { main: 250 },
  },
  {
    handle: "insulated-cooler-bag",
    title: "Insulated cooler bag",
    description: "Foldable 12 L cooler bag that keeps chilled groceries cold for up to 6 hours.",
    category: "merchandise",
    sku: "MRC-COOLER",
    ean12: "871234590002",
    size: "12 L",
    price: 12.95,
    weight: 340,
    levels: { main: 80, cold: 40 },
  },
]
