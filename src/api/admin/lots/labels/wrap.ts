/**
 * Lays text out on a label without ever breaking a token (a word of the product name, an element
 * "(10)LOT-7" of the human-readable line): tokens go onto lines whole, and where they do not fit in
 * the lines there are, the text is set smaller. Pure: the caller measures.
 */

/** Width of `text` at font size `size`, in the caller's units. */
export type Measure = (text: string, size: number) => number

/**
 * The tokens on at most `maxLines` lines of `width` at `size`, joined by `joiner` within a line,
 * never splitting one; null when they do not fit (a token wider than a line, or too many lines).
 */
export function wrapTokens(tokens: string[], joiner: string, measure: Measure, size: number, width: number, maxLines: number): string[] | null {
  const lines: string[] = []
  for (const token of tokens) {
    if (measure(token, size) > width) {
      return null
    }
    const last = lines.length - 1
    const joined = last >= 0 ? `${lines[last]}${joiner}${token}` : token
    if (last >= 0 && measure(joined, size) <= width) {
      lines[last] = joined
    } else {
      lines.push(token)
    }
  }
  return lines.length <= maxLines ? lines : null
}

/**
 * The largest size from `max` down to `min` (in steps of a quarter point) at which the tokens fit
 * whole, and their lines. Below `min` nothing is readable: each token then keeps a line of its own
 * at `min`, and the caller cuts what is still too wide with an ellipsis.
 */
export function fitTokens(
  tokens: string[],
  joiner: string,
  measure: Measure,
  { max, min, width, maxLines }: { max: number; min: number; width: number; maxLines: number }
): { lines: string[]; size: number } {
  const words = tokens.filter(Boolean)
  for (let size = max; size >= min; size -= 0.25) {
    const lines = wrapTokens(words, joiner, measure, size, width, maxLines)
    if (lines) {
      return { lines, size }
    }
  }
  return { lines: words.slice(0, maxLines), size: min }
}
