import {
  SerialStatus,
  SerialStatusAction,
  SerialStatusTransitionError,
  isAllocatableSerialStatus,
  nextSerialStatus,
  serialStatusAfter,
  serialStatusesAllowing,
} from "../domain/serial-status"
import { SERIAL_STATUSES } from "../types"

const ALL_ACTIONS = Object.values(SerialStatusAction)

describe("serial status machine", () => {
  it.each([
    [SerialStatus.IN_STOCK, SerialStatusAction.ALLOCATE, SerialStatus.ALLOCATED],
    [SerialStatus.ALLOCATED, SerialStatusAction.DEALLOCATE, SerialStatus.IN_STOCK],
    [SerialStatus.ALLOCATED, SerialStatusAction.SHIP, SerialStatus.SHIPPED],
    [SerialStatus.SHIPPED, SerialStatusAction.UNSHIP, SerialStatus.ALLOCATED],
    [SerialStatus.SHIPPED, SerialStatusAction.RETURN, SerialStatus.RETURNED],
    [SerialStatus.RETURNED, SerialStatusAction.RESTOCK, SerialStatus.IN_STOCK],
    [SerialStatus.IN_STOCK, SerialStatusAction.SCRAP, SerialStatus.SCRAPPED],
    [SerialStatus.RETURNED, SerialStatusAction.SCRAP, SerialStatus.SCRAPPED],
    [SerialStatus.RECALLED, SerialStatusAction.SCRAP, SerialStatus.SCRAPPED],
    [SerialStatus.IN_STOCK, SerialStatusAction.RECALL, SerialStatus.RECALLED],
    [SerialStatus.ALLOCATED, SerialStatusAction.RECALL, SerialStatus.RECALLED],
    [SerialStatus.RETURNED, SerialStatusAction.RECALL, SerialStatus.RECALLED],
    [SerialStatus.RECALLED, SerialStatusAction.CLOSE_RECALL, SerialStatus.IN_STOCK],
  ])("%s --%s--> %s", (from, action, to) => {
    expect(nextSerialStatus(from, action, "SN0042")).toBe(to)
  })

  it("allows exactly the transitions listed above", () => {
    const allowed = SERIAL_STATUSES.flatMap((from) => ALL_ACTIONS.filter((action) => serialStatusesAllowing(action).includes(from)).map((action) => `${from}:${action}`))
    expect(allowed).toHaveLength(13)
    for (const from of SERIAL_STATUSES) {
      for (const action of ALL_ACTIONS) {
        if (!allowed.includes(`${from}:${action}`)) {
          expect(() => nextSerialStatus(from, action, "SN0042")).toThrow(SerialStatusTransitionError)
        }
      }
    }
  })

  it("keeps scrapped final", () => {
    for (const action of ALL_ACTIONS) {
      expect(() => nextSerialStatus(SerialStatus.SCRAPPED, action, "SN0042")).toThrow(/^Serial SN0042 was scrapped/)
    }
    expect(() => nextSerialStatus(SerialStatus.SCRAPPED, SerialStatusAction.RESTOCK, "SN0042")).toThrow(
      "Serial SN0042 was scrapped, which is final: it cannot be restocked."
    )
  })

  it("refuses in the merchant's words, naming the serial", () => {
    const refusal = (status: SerialStatus, action: SerialStatusAction) => () => nextSerialStatus(status, action, "SN0042")
    expect(refusal(SerialStatus.SHIPPED, SerialStatusAction.SHIP)).toThrow("Serial SN0042 has already shipped.")
    expect(refusal(SerialStatus.ALLOCATED, SerialStatusAction.ALLOCATE)).toThrow("Serial SN0042 is allocated to an order.")
    expect(refusal(SerialStatus.SHIPPED, SerialStatusAction.SCRAP)).toThrow(
      "Serial SN0042 has already shipped: it cannot be scrapped (allowed from: in stock, returned, recalled)."
    )
    expect(refusal(SerialStatus.IN_STOCK, SerialStatusAction.SHIP)).toThrow("Serial SN0042 is in stock: it cannot be shipped (allowed from: allocated).")
    expect(refusal(SerialStatus.IN_STOCK, SerialStatusAction.CLOSE_RECALL)).toThrow(
      "Serial SN0042 is in stock: it cannot be released from a recall (allowed from: recalled)."
    )
    expect(refusal(SerialStatus.ALLOCATED, SerialStatusAction.SCRAP)).toThrow(
      "Serial SN0042 is allocated to an order: release it from the allocation first, so it cannot be scrapped."
    )
    expect(refusal(SerialStatus.RETURNED, SerialStatusAction.ALLOCATE)).toThrow(
      "Serial SN0042 is back from a customer, awaiting inspection: restock or scrap it first, so it cannot be allocated."
    )
    expect(refusal(SerialStatus.RECALLED, SerialStatusAction.ALLOCATE)).toThrow(
      "Serial SN0042 is recalled: it leaves that status only when the recall is closed or the unit is scrapped, so it cannot be allocated."
    )
    expect(refusal(SerialStatus.SHIPPED, SerialStatusAction.RECALL)).toThrow("Serial SN0042 has already shipped: it cannot be recalled")
  })

  it("carries the serial, its status and the action on the error", () => {
    const error = (() => {
      try {
        nextSerialStatus(SerialStatus.RECALLED, SerialStatusAction.SHIP, "SN0042")
      } catch (thrown) {
        return thrown
      }
    })()
    expect(error).toBeInstanceOf(SerialStatusTransitionError)
    expect(error).toMatchObject({ serialNumber: "SN0042", current: SerialStatus.RECALLED, action: SerialStatusAction.SHIP })
  })

  it("names the status each action leads to, the same wherever it is allowed from, and allocates only stock", () => {
    for (const action of ALL_ACTIONS) {
      for (const from of serialStatusesAllowing(action)) {
        expect(nextSerialStatus(from, action, "SN0042")).toBe(serialStatusAfter(action))
      }
    }
    expect(SERIAL_STATUSES.filter(isAllocatableSerialStatus)).toEqual([SerialStatus.IN_STOCK])
  })
})
