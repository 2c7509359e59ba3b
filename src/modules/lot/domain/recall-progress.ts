/** Where a recall stands: customers told; units recovered, disposed, on hand and still out. */
export type RecallProgress = {
  customers: number
  customers_notified: number
  /** Units of the recalled lots returned since the recall was opened, and those recorded on it as recovered. */
  recovered_quantity: number
  /** Units of the recalled lots written off (scrapped) since the recall was opened. */
  disposed_quantity: number
  /** Units of the recalled lots still on hand now. */
  on_hand_quantity: number
  /** Units still with customers (shipped at recall time minus recovered). */
  outstanding_quantity: number
}
