import { expiryHint } from "../expiry-hint"

const now = new Date("2026-12-07T10:00:00.000Z")

describe("expiryHint", () => {
  it("shows the expiry an empty field gets from the shelf life, from the manufacture date when given", () => {
    expect(expiryHint({ manufactured_at: "2026-12-01", expires_at: "" }, 28, undefined, now)).toBe(
      "Empty: expires 29 Dec 2026 (manufactured + 28 days shelf life)."
    )
    expect(expiryHint({ manufactured_at: "", expires_at: "" }, 28, undefined, now)).toBe("Empty: expires 4 Jan 2027 (received today + 28 days shelf life).")
    expect(expiryHint({ manufactured_at: "", expires_at: " " }, 10, "2026-11-01T08:00:00.000Z", now)).toBe(
      "Empty: expires 11 Nov 2026 (received + 10 days shelf life)."
    )
  })

  it("says so when the item has no shelf life, and says nothing once a date is typed", () => {
    expect(expiryHint({ manufactured_at: "", expires_at: "" }, null, undefined, now)).toBe("Empty: no expiry (the item has no shelf life).")
    expect(expiryHint({ manufactured_at: "", expires_at: "" }, 0, undefined, now)).toBe("Empty: no expiry (the item has no shelf life).")
    expect(expiryHint({ manufactured_at: "", expires_at: "2027-01-01" }, 28, undefined, now)).toBeUndefined()
    // The item's policy not loaded yet.
    expect(expiryHint({ manufactured_at: "", expires_at: "" }, undefined, undefined, now)).toBe("From the shelf life when empty.")
  })
})
