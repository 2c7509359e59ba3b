// Pre-flight for REDIS_URL. Medusa's Redis modules log "connection established" even when nothing
// answers, and the process dies about 5 s later ("Reached the max retries per request limit"):
// the start scripts ask first and stop with one line that says what is wrong.
import net from "node:net"
import tls from "node:tls"

/** Where a Redis URL points, without its credentials (safe to print). */
export function redisTarget(url) {
  const { protocol, hostname, port } = new URL(url)
  return `${protocol}//${hostname || "localhost"}:${port || 6379}`
}

// ioredis goes on when a password is given to a Redis without one: so does the pre-flight.
const AUTH_NOT_NEEDED = /no password is set|without any password configured/
const command = (...args) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`

/**
 * Resolves when a Redis server answers PING at `url` (after AUTH when the URL carries a password);
 * rejects with a one-line reason otherwise.
 */
export function pingRedis(url, timeoutMs = 3000) {
  let target
  try {
    target = new URL(url)
  } catch {
    return Promise.reject(new Error(`"${url}" is not a URL (expected redis://[user:password@]host:port)`))
  }
  if (target.protocol !== "redis:" && target.protocol !== "rediss:") {
    return Promise.reject(new Error(`"${target.protocol}" is not a Redis URL scheme (expected redis:// or rediss://)`))
  }
  const host = (target.hostname || "localhost").replace(/^\[|\]$/g, "")
  const port = Number(target.port || 6379)
  const user = decodeURIComponent(target.username)
  const password = decodeURIComponent(target.password)
  const requests = [...(password ? [user ? command("AUTH", user, password) : command("AUTH", password)] : []), command("PING")]

  return new Promise((resolve, reject) => {
    const options = { host, port, servername: net.isIP(host) ? undefined : host }
    const socket = target.protocol === "rediss:" ? tls.connect(options, send) : net.connect(options, send)
    const where = redisTarget(url)
    const fail = (message) => {
      socket.destroy()
      reject(new Error(message))
    }
    function send() {
      socket.write(requests.join(""))
    }
    let replies = ""
    socket.setTimeout(timeoutMs, () => fail(`no Redis answers at ${where} (nothing within ${timeoutMs / 1000} s)`))
    socket.on("error", (err) => fail(`no Redis answers at ${where} (${err.code === "ECONNREFUSED" ? "connection refused" : err.code || err.message})`))
    socket.on("data", (chunk) => {
      replies += chunk
      const lines = replies.split("\r\n").slice(0, -1)
      const refusal = lines.find((line) => line.startsWith("-") && !AUTH_NOT_NEEDED.test(line))
      if (refusal) return fail(`Redis at ${where} refused: ${refusal.slice(1)}`)
      if (!lines.every((line) => /^[+-]/.test(line))) return fail(`${where} does not answer like Redis`)
      if (lines.length >= requests.length) {
        socket.end()
        resolve()
      }
    })
  })
}
