import { PassThrough } from "node:stream"
import { csvSink } from "../spreadsheet-writers"

/** A response as Medusa's served admin leaves it: compression's end(chunk, encoding) takes no callback. */
function compressedResponse() {
  const out = new PassThrough()
  const end = out.end.bind(out)
  out.end = ((chunk?: unknown, encoding?: BufferEncoding) => {
    if (typeof chunk === "function") throw new TypeError('The "chunk" argument must be of type string or an instance of Buffer')
    return chunk === undefined ? end() : end(chunk as string, encoding as BufferEncoding)
  }) as typeof out.end
  return out
}

describe("csvSink", () => {
  it("writes a CSV with a byte order mark, page by page, and ends a wrapped response", async () => {
    const out = compressedResponse()
    const chunks: Buffer[] = []
    out.on("data", (chunk: Buffer) => chunks.push(chunk))
    const sink = csvSink(out, [{ header: "Lot", width: 10 }, { header: "On hand", width: 8 }])
    await sink.write([["L-1", 10]])
    await sink.write([["=SUM(A1)", null]])
    await sink.close()
    await new Promise((resolve) => out.on("end", resolve))
    expect(Buffer.concat(chunks).toString("utf8")).toBe("\uFEFFLot,On hand\r\nL-1,10\r\n\"'=SUM(A1)\",")
  })
})
