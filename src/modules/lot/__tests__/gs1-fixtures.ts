// Shared by the GS1 parser specs: scans read against a fixed "now", so two-digit years read the same on every run.

import { Gs1ParseError, Gs1ParseOptions, Gs1ScanResult, parseGs1Scan } from "../domain/gs1"

export const GS = "\u001d"
export const NOW = new Date(Date.UTC(2026, 5, 15)) // 2026-06-15: two-digit years read as 1977..2076
export const at = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))
export const parse = (input: string, options: Gs1ParseOptions = {}) => parseGs1Scan(input, { now: NOW, ...options })
export const gs1 = (input: string, options: Gs1ParseOptions = {}): Gs1ScanResult => {
  const result = parse(input, options)
  if (result.kind !== "gs1") {
    throw new Error(`expected a GS1 result for ${JSON.stringify(input)}, got ${JSON.stringify(result)}`)
  }
  return result
}
/** The Gs1ParseError a scan throws (fails the test if it throws anything else or nothing). */
export function errorOf(input: unknown, options: Gs1ParseOptions = {}): Gs1ParseError {
  try {
    parseGs1Scan(input as string, { now: NOW, ...options })
  } catch (error) {
    expect(error).toBeInstanceOf(Gs1ParseError)
    return error as Gs1ParseError
  }
  throw new Error(`expected ${JSON.stringify(input)} to be refused`)
}
export const fields = ({ elements, ...rest }: Gs1ScanResult) => rest

export const DOMAIN_EXAMPLE = "0109506000134352" + "17261231" + "10ABC123"
