/** Default warning windows: a lot is announced 90, 60 and 30 days before it expires. */
export const DEFAULT_EXPIRY_WARNING_DAYS = [90, 60, 30]

/** Distinct positive whole days, largest first; refuses a configuration that could never warn. */
export function normalizeWarningDays(days: number[]): number[] {
  const windows = [...new Set(days)].sort((a, b) => b - a)
  if (!windows.length || windows.some((d) => !Number.isInteger(d) || d <= 0)) {
    throw new Error(`expiry_warning_days must be positive whole numbers of days, got ${JSON.stringify(days)}`)
  }
  return windows
}
