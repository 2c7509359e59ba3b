// Closed-loop HTTP load with autocannon: a fixed number of connections, each sending its next
// request when the previous one answered. Every run is bounded in time AND in request count, and
// only ever targets the local server under test.
import { percentile } from "./util.mjs"

let autocannonModule
async function loadAutocannon() {
  if (!autocannonModule) {
    try {
      autocannonModule = (await import("autocannon")).default
    } catch {
      throw new Error("autocannon is not installed: npm install --no-save autocannon@9 (or add it to devDependencies)")
    }
  }
  return autocannonModule
}

function assertLocal(baseUrl) {
  const host = new URL(baseUrl).hostname
  if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(host)) {
    throw new Error(`Refusing to send load to ${host}: the bench only targets the local server`)
  }
}

function runOnce(autocannon, opts, onResponse) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)))
    if (onResponse) instance.on("response", onResponse)
  })
}

const round = (v) => (v === null || v === undefined ? null : Math.round(v * 100) / 100)

/**
 * One endpoint under load, measured in one or more time slices (so that two endpoints can be
 * measured alternately and see the same background load). Options:
 *   baseUrl, token, path, method, body (fixed) or makeBody() (a new body per request),
 *   connections, warmupRequests (sent by warmup(), not recorded), timeoutSeconds.
 * Latencies of every answered request are kept, so the percentiles are exact.
 */
export class LoadTarget {
  constructor({ baseUrl, token, method = "GET", path, body, makeBody, connections = 4, warmupRequests = 40, timeoutSeconds = 30 }) {
    assertLocal(baseUrl)
    Object.assign(this, { method, path, connections, warmupRequests })
    this.generated = 0
    this.errorSamples = []
    const request = {
      method,
      path,
      ...(body !== undefined && { body: JSON.stringify(body) }),
      ...(makeBody && {
        setupRequest: (req) => {
          this.generated++
          return { ...req, body: JSON.stringify(makeBody()) }
        },
      }),
      onResponse: (status, resBody) => {
        if ((status < 200 || status >= 300) && this.errorSamples.length < 3) {
          this.errorSamples.push(`${status} ${String(resBody).slice(0, 300)}`)
        }
      },
    }
    this.common = {
      url: baseUrl,
      connections,
      pipelining: 1,
      timeout: timeoutSeconds,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      requests: [request],
    }
    this.reset()
  }

  reset() {
    this.latencies = []
    this.statuses = {}
    this.errors = 0
    this.timeouts = 0
    this.seconds = 0
    this.errorSamples.length = 0
  }

  async warmup() {
    if (this.warmupRequests <= 0) return
    const autocannon = await loadAutocannon()
    await runOnce(autocannon, { ...this.common, amount: Math.max(this.warmupRequests, this.connections) })
  }

  /** One measured slice: at most `seconds` long and at most `maxRequests` requests. */
  async runFor(seconds, maxRequests) {
    const autocannon = await loadAutocannon()
    const started = process.hrtime.bigint()
    const result = await runOnce(
      autocannon,
      { ...this.common, duration: seconds, maxOverallRequests: Math.max(maxRequests, this.connections) },
      (_client, statusCode, _bytes, responseTime) => {
        this.latencies.push(responseTime)
        this.statuses[statusCode] = (this.statuses[statusCode] ?? 0) + 1
      }
    )
    this.seconds += Number(process.hrtime.bigint() - started) / 1e9
    this.errors += result.errors
    this.timeouts += result.timeouts
  }

  result() {
    const latencies = [...this.latencies].sort((a, b) => a - b)
    const ok = Object.entries(this.statuses)
      .filter(([s]) => s >= 200 && s < 300)
      .reduce((n, [, c]) => n + c, 0)
    return {
      method: this.method,
      path: this.path,
      connections: this.connections,
      duration_s: round(this.seconds),
      requests: latencies.length,
      ok,
      non_2xx: latencies.length - ok,
      errors: this.errors,
      timeouts: this.timeouts,
      req_per_s: round(this.seconds ? latencies.length / this.seconds : null),
      ok_per_s: round(this.seconds ? ok / this.seconds : null),
      latency_ms: {
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies.at(-1) ?? null),
        mean: round(latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : null),
      },
      status_counts: { ...this.statuses },
      error_samples: [...this.errorSamples],
      ...(this.generated && { bodies_generated: this.generated }),
    }
  }
}
