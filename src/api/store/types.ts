import type LotModuleService from "../../modules/lot/service"

// Responses of /store/*, as the handlers send them (clients read dates as ISO strings).

/** The public face of a recall: number, class, notice and date; nothing about stock or customers. */
export type StoreLotRecallNotice = NonNullable<Awaited<ReturnType<LotModuleService["publicRecallNotice"]>>>

export type StoreLotRecallStatusResponse = { lot_number: string; recalled: boolean; recall: StoreLotRecallNotice | null }
