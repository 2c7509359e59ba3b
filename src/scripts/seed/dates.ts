// Dates of the demo relative to the day it is seeded (UTC midnight), so expiries stay current.

function today(): Date {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000)
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** The date `days` from the seed's today (negative = in the past). */
export const made = (days: number) => addDays(today(), days)

// Explicit lot numbers derive from the manufacture date so they read like real printed codes.
export const yymm = (days: number) => isoDay(made(days)).slice(2, 7).replace("-", "")
export const yymmdd = (days: number) => isoDay(made(days)).slice(2).replace(/-/g, "")
export const julian = (days: number) => {
  const d = made(days)
  const start = Date.UTC(d.getUTCFullYear(), 0, 1)
  return String(Math.floor((d.getTime() - start) / 86_400_000) + 1).padStart(3, "0")
}
