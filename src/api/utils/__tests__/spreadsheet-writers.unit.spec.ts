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

describe("csvSink backpressure", () => {
  it("waits for the reader between full pages and leaves no listeners behind", async () => {
    const out = new PassThrough({ highWaterMark: 64 })
    const baseline = { drain: out.listenerCount("drain"), close: out.listenerCount("close") }
    const sink = csvSink(out, [{ header: "Lot", width: 10 }])
    let read = 0
    let waited = 0
    for (let page = 0; page < 30; page++) {
      const writing = sink.write([[`L-${page}-${"x".repeat(100)}`]])
      // Nothing reads yet: each page fills the buffer, so the sink must be waiting for room.
      const state = await Promise.race([writing.then(() => "done"), new Promise((r) => setImmediate(() => r("waiting")))])
      if (state === "waiting") {
        waited++
        for (let chunk = out.read(); chunk; chunk = out.read()) read += chunk.length
      }
      await writing
    }
    expect(waited).toBe(30)
    expect({ drain: out.listenerCount("drain"), close: out.listenerCount("close") }).toEqual(baseline)
    expect(read).toBeGreaterThan(30 * 100)
  })

  it("fails a waiting page when the client goes away", async () => {
    const out = new PassThrough({ highWaterMark: 16 })
    const sink = csvSink(out, [{ header: "Lot", width: 10 }])
    const writing = sink.write([["x".repeat(100)]])
    out.destroy()
    await expect(writing).rejects.toThrow("the client closed the download")
    await expect(sink.write([["y"]])).rejects.toThrow("the client closed the download")
  })
})
