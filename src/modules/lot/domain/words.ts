const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })

/** A date in a message for people, as the admin shows it: "5 Mar 2027" (lot dates are stored as UTC days). */
export function dayInWords(date: Date): string {
  return dayFormat.format(date)
}

/** A count with its noun, singular for one: "1 unit", "12 units", "1,200 lots". Messages and the admin both use it. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`
}
