/**
 * GS1's content checks ("linters"), named as GS1's Barcode Syntax Dictionary names them on each
 * component of an AI's data (gs1-ai-table.ts). Each takes the component's characters, already of
 * the right character set and length, and says what is wrong, or null. Pure functions, no I/O.
 */
import { decodeGs1Date, hasValidCheckDigit, mod10CheckDigit } from "./gs1-core"

export type LintFailure = { code: "check_digit" | "invalid_date" | "invalid_value" | "not_numeric"; problem: string }
type Linter = (data: string, now: Date) => LintFailure | null

const checkDigit = (problem: string): LintFailure => ({ code: "check_digit", problem })
const badDate = (problem: string): LintFailure => ({ code: "invalid_date", problem })
const badValue = (problem: string): LintFailure => ({ code: "invalid_value", problem })
const notDigits = (problem: string): LintFailure => ({ code: "not_numeric", problem })

const date = (dayZero: boolean): Linter => (data, now) => {
  const decoded = decodeGs1Date(data, now, dayZero)
  return "problem" in decoded ? badDate(`"${data}" is not a valid date (${decoded.problem})`) : null
}

const upTo = (limit: number, what: string): Linter => (data) =>
  /^\d{2}$/.test(data) && Number(data) <= limit ? null : badDate(`"${data}" is not a valid ${what}`)
const hour = upTo(23, "hour")
const minute = upTo(59, "minute")

const oneOf = (allowed: string, what: string): Linter => (data) =>
  data.length === 1 && allowed.includes(data) ? null : badValue(`"${data}" is not ${what}`)

// GS1's alphanumeric check pair (General Specifications 7.9.5): character set 82 values weighted
// by the primes 2, 3, 5, … from the right, modulo 1021, written as two characters of set 32.
const CSET82_ORDER = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
const CSET32_ORDER = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
const PRIMES = ((count: number) => {
  const primes: number[] = []
  for (let n = 2; primes.length < count; n++) {
    if (primes.every((p) => n % p !== 0)) {
      primes.push(n)
    }
  }
  return primes
})(97)

function alphanumericCheckPair(body: string): string | null {
  if (body.length > PRIMES.length) {
    return null
  }
  let sum = 0
  for (let k = 0; k < body.length; k++) {
    sum += CSET82_ORDER.indexOf(body[body.length - 1 - k]) * PRIMES[k]
  }
  sum %= 1021
  return CSET32_ORDER[sum >> 5] + CSET32_ORDER[sum & 31]
}

// ISO 13616: the IBAN with its first four characters moved to the end, letters as 10..35, is 1
// modulo 97. Whether the country code exists is not checked (no ISO 3166 list here).
function ibanRemainder(iban: string): number {
  let remainder = 0
  for (const char of iban.slice(4) + iban.slice(0, 4)) {
    const value = parseInt(char, 36)
    remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97
  }
  return remainder
}

const LINTERS: Record<string, Linter> = {
  csum: (data) => {
    return hasValidCheckDigit(data) ? null : checkDigit(`check digit should be ${mod10CheckDigit(data.slice(0, -1))}, got ${data[data.length - 1]}`)
  },
  csumalpha: (data) => {
    const expected = data.length < 2 ? null : alphanumericCheckPair(data.slice(0, -2))
    return expected === data.slice(-2) ? null : checkDigit(`check characters should be ${expected ?? "?"}, got ${data.slice(-2)}`)
  },
  yymmd0: date(true),
  yymmdd: date(false),
  yyyymmd0: date(true),
  yyyymmdd: date(false),
  hh: hour,
  mi: minute,
  ss: minute,
  hhmi: (data, now) => hour(data.slice(0, 2), now) ?? minute(data.slice(2), now),
  zero: (data) => (/^0+$/.test(data) ? null : badValue(`"${data}" must be 0`)),
  yesno: oneOf("01", "0 (no) or 1 (yes)"),
  winding: oneOf("019", "a winding direction (0, 1 or 9)"),
  iso5218: oneOf("0129", "a sex code of ISO/IEC 5218 (0, 1, 2 or 9)"),
  importeridx: (data) => (/^[-0-9A-Z_a-z]$/.test(data) ? null : badValue(`"${data}" is not an importer index`)),
  nonzero: (data) => (/^0*$/.test(data) ? badValue("must not be zero") : null),
  nozeroprefix: (data) => (data.startsWith("0") ? badValue(`"${data}" must not start with 0`) : null),
  hasnondigit: (data) => (/^\d*$/.test(data) ? badValue(`"${data}" must contain a character that is not a digit`) : null),
  hyphen: (data) => (/^-*$/.test(data) ? null : badValue(`"${data}" must be "-"`)),
  mediatype: (data) => {
    const code = Number(data)
    return /^\d{2}$/.test(data) && ((code >= 1 && code <= 10) || code >= 80) ? null : badValue(`"${data}" is not an AIDC media type`)
  },
  latitude: (data) => (Number(data) <= 1_800_000_000 ? null : badValue(`"${data}" is not a latitude (at most 1800000000)`)),
  longitude: (data) => (Number(data) <= 3_600_000_000 ? null : badValue(`"${data}" is not a longitude (at most 3600000000)`)),
  pcenc: (data) => {
    const bad = /%(?![0-9A-Fa-f]{2})/.exec(data)
    return bad ? badValue(`"%" at character ${bad.index + 1} does not start a percent-encoded character`) : null
  },
  pieceoftotal: (data) => {
    const piece = data.slice(0, data.length / 2)
    const total = data.slice(data.length / 2)
    if (data.length % 2 !== 0 || /^0*$/.test(piece) || /^0*$/.test(total) || piece > total) {
      return badValue(`"${data}" is not piece number + total of equal width, 1 ≤ piece ≤ total`)
    }
    return null
  },
  posinseqslash: (data) => {
    const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(data)
    return match && Number(match[1]) <= Number(match[2]) ? null : badValue(`"${data}" is not position/end with 1 ≤ position ≤ end`)
  },
  iban: (data) => {
    if (!/^[A-Z]{2}\d{2}[0-9A-Z]{1,30}$/.test(data)) {
      return badValue(`"${data}" is not an IBAN (country, check digits, account: upper-case letters and digits)`)
    }
    return ibanRemainder(data) === 1 ? null : checkDigit(`the IBAN check digits ${data.slice(2, 4)} are wrong`)
  },
  // A GS1 Company Prefix has at least four digits (which prefixes exist, only GS1 can say): data
  // without them is not the key at all, so this is reported like digits missing, not as bad content.
  gcppos1: (data) => (/^\d{4}/.test(data) ? null : notDigits(`"${data}" must start with the four digits of a GS1 Company Prefix`)),
  gcppos2: (data) => (/^.\d{4}/.test(data) ? null : notDigits(`"${data}" must hold a GS1 Company Prefix (four digits) from its second character`)),
}

/**
 * Checks the dictionary names whose rules are lists kept outside it (ISO 3166 countries, ISO 4217
 * currencies, UN/ECE package types) or GS1's coupon structures: recognised, not applied.
 */
const UNCHECKED_LINTERS: ReadonlySet<string> = new Set([
  "iso3166",
  "iso3166999",
  "iso3166alpha2",
  "iso4217",
  "packagetype",
  "couponcode",
  "couponposoffer",
])

/** What linter `name` finds wrong with `data`, or null (also for the unchecked ones). */
export function lint(name: string, data: string, now: Date): LintFailure | null {
  const linter = LINTERS[name]
  if (linter) {
    return linter(data, now)
  }
  if (UNCHECKED_LINTERS.has(name)) {
    return null
  }
  throw new Error(`GS1 linter "${name}" is not known: the AI table is newer than gs1-linters.ts`)
}
