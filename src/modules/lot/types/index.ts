// The module's public shapes. Domain rules and SQL import from here; nothing here imports them.
export * from "./statuses"
export * from "./stock"
export * from "./lot-edits"
export * from "./orders"
export * from "./shipments-returns-recalls"
