/** The demo store's settings, stock locations and shipping, and the orders its customers place. */
export const STORE_NAME = "Noordvers Fresh & Care"
export const SALES_CHANNEL = "Webshop"
export const REGION = "Europe"
export const COUNTRIES = ["de", "nl", "fr", "be"]
export const API_KEY_TITLE = "Webshop storefront"

export type LocationKey = "main" | "cold"
export const LOCATIONS: Record<LocationKey, { name: string; address: Record<string, string> }> = {
  main: {
    name: "Main warehouse — Rotterdam",
    address: { address_1: "Waalhaven Zuidzijde 21", postal_code: "3089 JH", city: "Rotterdam", country_code: "nl" },
  },
  cold: {
    name: "Cold store — Utrecht",
    address: { address_1: "Atoomweg 62", postal_code: "3542 AB", city: "Utrecht", country_code: "nl" },
  },
}

/** Fulfillment set, service zone and shipping options per location. */
export const SHIPPING: Record<
  LocationKey,
  { set: string; zone: string; countries: string[]; options: { name: string; code: string; description: string; amount: number }[] }
> = {
  main: {
    set: "Rotterdam parcel shipping",
    zone: "Europe — from Rotterdam",
    countries: COUNTRIES,
    options: [
      { name: "Standard delivery", code: "standard", description: "Delivered in 2–3 working days.", amount: 4.95 },
      { name: "Express delivery", code: "express", description: "Next working day, ordered before 16:00.", amount: 9.95 },
    ],
  },
  cold: {
    set: "Utrecht chilled delivery",
    zone: "Benelux — chilled from Utrecht",
    countries: ["nl", "be"],
    options: [
      { name: "Chilled delivery", code: "chilled", description: "Refrigerated van, 2–8 °C, next working day.", amount: 6.95 },
    ],
  },
}

type OrderSpec = {
  email: string
  address: Record<string, string>
  shipping: string
  items: { handle: string; quantity: number }[]
}

export const ORDERS: OrderSpec[] = [
  {
    email: "sanne.devries@example.nl",
    address: { first_name: "Sanne", last_name: "de Vries", address_1: "Prinsengracht 263", postal_code: "1016 GV", city: "Amsterdam", country_code: "nl", phone: "+31 20 555 0142" },
    shipping: "Standard delivery",
    items: [
      { handle: "greek-yogurt-500g", quantity: 2 },
      { handle: "fresh-whole-milk-1l", quantity: 2 },
      { handle: "orange-juice-1l", quantity: 1 },
    ],
  },
  {
    email: "lukas.becker@example.de",
    address: { first_name: "Lukas", last_name: "Becker", address_1: "Ehrenstraße 41", postal_code: "50672", city: "Köln", country_code: "de", phone: "+49 221 555 0198" },
    shipping: "Standard delivery",
    items: [
      { handle: "paracetamol-500mg-20-tablets", quantity: 1 },
      { handle: "vitamin-c-serum-30ml", quantity: 1 },
      { handle: "canvas-tote-bag", quantity: 1 },
    ],
  },
  {
    email: "camille.dubois@example.fr",
    address: { first_name: "Camille", last_name: "Dubois", address_1: "12 Rue de la République", postal_code: "69002", city: "Lyon", country_code: "fr", phone: "+33 4 55 50 12 34" },
    shipping: "Express delivery",
    items: [
      { handle: "spf50-sunscreen-100ml", quantity: 2 },
      { handle: "sparkling-water-6x500ml", quantity: 1 },
      { handle: "aged-gouda-400g", quantity: 1 },
    ],
  },
]

/** The order the seed fulfills and ships, so traces and (mock) recalls reach a customer. */
export const SHIPPED_ORDER_EMAIL = "camille.dubois@example.fr"
