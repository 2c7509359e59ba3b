/**
 * The lot number in what a user typed or a scanner sent: a plain lot number, a GS1 element
 * string (AI 10 = batch/lot; with or without parentheses, a symbology prefix such as "]C1" and
 * GS / FNC1 separators), or a GS1 Digital Link URL (".../10/ABC123"). Lot numbers are stored
 * upper-case, so the result is too. Null when nothing usable is left.
 */
export function lotNumberFromScan(input: string): string | null {
  const raw = input.replace(/^\][A-Za-z]\d/, "").trim()
  if (!raw) {
    return null
  }
  const fromLink = fromDigitalLink(raw)
  if (fromLink !== undefined) {
    return fromLink
  }
  const fromElements = fromElementString(raw)
  if (fromElements !== undefined) {
    return fromElements
  }
  return raw.toUpperCase()
}

const GS = "\u001d"
// Fixed-length AIs a lot may come with (GTIN, dates, count); the rest are variable up to a GS.
const FIXED_LENGTH: Record<string, number> = { "00": 18, "01": 14, "02": 14, "11": 6, "12": 6, "13": 6, "15": 6, "16": 6, "17": 6 }
const VARIABLE = new Set(["10", "21", "22", "30", "37", "240", "241", "250"])

/** undefined: not a GS1 element string; null: one without a lot number. */
function fromElementString(text: string): string | null | undefined {
  const parenthesised = text.match(/^\((\d{2,4})\)/)
  if (parenthesised) {
    const match = text.match(/\(10\)([^(]+)/)
    return match ? match[1].trim().toUpperCase() : null
  }
  // Unbracketed strings are only recognised when they start with a GTIN: "01" + 14 digits.
  if (!/^01\d{14}/.test(text)) {
    return undefined
  }
  let rest = text
  while (rest.length) {
    const ai = [rest.slice(0, 2), rest.slice(0, 3)].find((candidate) => candidate in FIXED_LENGTH || VARIABLE.has(candidate))
    if (!ai) {
      return null
    }
    rest = rest.slice(ai.length)
    if (ai in FIXED_LENGTH) {
      rest = rest.slice(FIXED_LENGTH[ai])
    } else {
      const end = rest.indexOf(GS)
      const value = end === -1 ? rest : rest.slice(0, end)
      if (ai === "10") {
        return value.toUpperCase() || null
      }
      rest = end === -1 ? "" : rest.slice(end + 1)
    }
    rest = rest.replace(new RegExp(`^${GS}`), "")
  }
  return null
}

/** undefined: not a Digital Link URL; null: one without a lot number. */
function fromDigitalLink(text: string): string | null | undefined {
  if (!/^https?:\/\//i.test(text)) {
    return undefined
  }
  try {
    const url = new URL(text)
    const parts = url.pathname.split("/").filter(Boolean)
    const index = parts.indexOf("10")
    if (index === -1 || !parts[index + 1]) {
      return null
    }
    return decodeURIComponent(parts[index + 1]).toUpperCase()
  } catch {
    return null
  }
}
