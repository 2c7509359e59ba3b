import { Gs1ParseError, parseGs1Scan } from "../../modules/lot/domain/gs1"

/**
 * What the scan parser the server uses finds wrong with a scan (which AI, what kind of problem, and
 * its message), or null when the scan reads. The admin SDK passes on only the message of the
 * server's 400, so the browser runs the same parser to name the field.
 */
export function scanProblem(input: string): Gs1ParseError | null {
  try {
    parseGs1Scan(input)
    return null
  } catch (error) {
    if (error instanceof Gs1ParseError) {
      return error
    }
    throw error
  }
}
