/** Lengths of time in milliseconds, for date arithmetic in UTC (a day is always 24 hours there). */
export const DAY_MS = 24 * 60 * 60 * 1000
export const WEEK_MS = 7 * DAY_MS
