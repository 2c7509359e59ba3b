import {
  isAllocatableStatus, LotStatusAction, LotStatusTransitionError, nextLotStatus, statusAfter, statusesAllowing,
} from "../domain/lot-status"
import { LOT_STATUSES, LotStatus } from "../types"

describe("lot status machine", () => {
  it.each([
    [LotStatus.QUARANTINE, LotStatusAction.RELEASE, LotStatus.RELEASED],
    [LotStatus.ON_HOLD, LotStatusAction.RELEASE, LotStatus.RELEASED],
    [LotStatus.RELEASED, LotStatusAction.HOLD, LotStatus.ON_HOLD],
    [LotStatus.QUARANTINE, LotStatusAction.HOLD, LotStatus.ON_HOLD],
    [LotStatus.QUARANTINE, LotStatusAction.REJECT, LotStatus.REJECTED],
    [LotStatus.ON_HOLD, LotStatusAction.REJECT, LotStatus.REJECTED],
    [LotStatus.RELEASED, LotStatusAction.RECALL, LotStatus.RECALLED],
    [LotStatus.EXPIRED, LotStatusAction.RECALL, LotStatus.RECALLED],
    [LotStatus.RELEASED, LotStatusAction.EXPIRE, LotStatus.EXPIRED],
  ])("%s --%s--> %s", (from, action, to) => {
    expect(nextLotStatus(from, action)).toBe(to)
  })

  it("keeps rejected final, recalled closed to ordinary actions and expired from being released", () => {
    for (const action of Object.values(LotStatusAction)) {
      expect(() => nextLotStatus(LotStatus.REJECTED, action)).toThrow(LotStatusTransitionError)
    }
    for (const action of [LotStatusAction.RELEASE, LotStatusAction.HOLD, LotStatusAction.REJECT, LotStatusAction.RECALL]) {
      expect(() => nextLotStatus(LotStatus.RECALLED, action)).toThrow(/recalled/)
    }
    expect(() => nextLotStatus(LotStatus.EXPIRED, LotStatusAction.RELEASE)).toThrow("The lot is expired: it can never be released.")
  })

  it("names the current status when refusing", () => {
    expect(() => nextLotStatus(LotStatus.RELEASED, LotStatusAction.RELEASE)).toThrow(
      "The lot is released: it cannot be released (allowed from: quarantine, on hold)."
    )
    try {
      nextLotStatus(LotStatus.ON_HOLD, LotStatusAction.HOLD)
    } catch (error) {
      expect(error).toBeInstanceOf(LotStatusTransitionError)
      expect((error as LotStatusTransitionError).current).toBe(LotStatus.ON_HOLD)
    }
  })

  it("lists where an action is allowed and allocates only released stock", () => {
    expect(statusesAllowing(LotStatusAction.RELEASE)).toEqual([LotStatus.QUARANTINE, LotStatus.ON_HOLD])
    expect(LOT_STATUSES.filter(isAllocatableStatus)).toEqual([LotStatus.RELEASED])
  })

  it("names the status each action leads to, the same wherever it is allowed from", () => {
    for (const action of Object.values(LotStatusAction)) {
      for (const from of statusesAllowing(action)) {
        expect(nextLotStatus(from, action)).toBe(statusAfter(action))
      }
    }
    expect(Object.values(LotStatusAction).filter((a) => !isAllocatableStatus(statusAfter(a)))).toEqual([
      LotStatusAction.HOLD, LotStatusAction.REJECT, LotStatusAction.RECALL, LotStatusAction.EXPIRE,
    ])
  })
})
