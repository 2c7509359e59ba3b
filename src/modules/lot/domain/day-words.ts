const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })

/** A date in a message for people, as the admin shows it: "5 Mar 2027" (lot dates are stored as UTC days). */
export function dayInWords(date: Date): string {
  return dayFormat.format(date)
}
