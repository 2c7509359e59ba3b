/**
 * Quantities in an EPCIS export. EPCIS 2.0 writes a quantity's unit as a UN/CEFACT Recommendation
 * 20 code ("KGM") and leaves it out when the quantity counts trade items of the class — which is
 * what our "each", "case of 12" or any other unit that is not a measure means: so many of the
 * GTIN's item. Pure functions, no I/O.
 */

/** Our units of measure that are measures, by their usual spellings, and their Rec 20 codes. */
const REC20_BY_NAME: Record<string, string> = {
  kg: "KGM", kgs: "KGM", kilogram: "KGM", kilograms: "KGM", kilo: "KGM", kilos: "KGM",
  g: "GRM", gram: "GRM", grams: "GRM",
  mg: "MGM", milligram: "MGM", milligrams: "MGM",
  t: "TNE", tonne: "TNE", tonnes: "TNE",
  lb: "LBR", lbs: "LBR", pound: "LBR", pounds: "LBR",
  oz: "ONZ", ounce: "ONZ", ounces: "ONZ",
  l: "LTR", liter: "LTR", liters: "LTR", litre: "LTR", litres: "LTR",
  ml: "MLT", milliliter: "MLT", milliliters: "MLT", millilitre: "MLT", millilitres: "MLT",
  m: "MTR", meter: "MTR", meters: "MTR", metre: "MTR", metres: "MTR",
  m2: "MTK", m3: "MTQ",
  gal: "GLL", gallon: "GLL", gallons: "GLL",
}

// Every code the table can give, so a unit already typed as a Rec 20 code is kept as it is.
const KNOWN_CODES = new Set(Object.values(REC20_BY_NAME))

/**
 * The Rec 20 code of a unit of measure, or undefined when the quantity counts items. A unit typed
 * as one of the table's codes ("KGM") is kept; other text is a count of items, never a guessed code.
 */
export function epcisUom(unitOfMeasure: string | null | undefined): string | undefined {
  const text = (unitOfMeasure ?? "").trim()
  if (KNOWN_CODES.has(text)) {
    return text
  }
  return REC20_BY_NAME[text.toLowerCase().replace(/\.$/, "")]
}

/** A class and, when known, how many of it (EPCIS leaves the quantity out when it is not). */
export type EpcisQuantityElement = { epcClass: string; quantity?: number; uom?: string }

/** One entry of a quantityList: the class, how many (never signed: EPCIS says which way by the event), the unit if a measure. */
export function quantityElement(epcClass: string, quantity: number, unitOfMeasure: string | null | undefined): EpcisQuantityElement {
  const uom = epcisUom(unitOfMeasure)
  const element: EpcisQuantityElement = { epcClass, quantity: Math.abs(quantity) }
  return uom ? { ...element, uom } : element
}
