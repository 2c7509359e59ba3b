/**
 * Knows when the app is idle: Medusa's local event bus calls its subscribers without awaiting them
 * (after the request that emitted the event has answered), and a subscriber that throws is only
 * logged. This wraps every listener of the bus to count the ones still running, and records what
 * the bus logs as a failed subscriber, so the model checks the books only once every subscriber a
 * command set off has finished, and a crashed subscriber fails the command.
 */
import type { EventEmitter } from "node:events"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { sleep } from "../allocation"

type Listener = ((...args: unknown[]) => unknown) & { subscriberId?: string; [TRACKED]?: true }
type Logger = { error: (...args: unknown[]) => unknown }
/** The local event bus's own fields this reads: its emitter and the logger its subscriber wrapper reports to. */
type LocalEventBus = { eventEmitter_?: EventEmitter; logger_?: Logger }

const TRACKED = Symbol("counted-listener")
// A subscriber's workflow releases its events in a microtask after it returns: a short pause
// with nothing running means nothing more is coming.
const QUIET_MS = 30

export class AppQuiescence {
  private running = 0
  private failures: string[] = []

  private constructor(private readonly emitter: EventEmitter) {}

  /** Attaches to the app's event bus (the local one: its emitter lives in this process). */
  static attach(container: MedusaContainer): AppQuiescence {
    const bus = container.resolve(Modules.EVENT_BUS) as unknown as LocalEventBus
    if (!bus.eventEmitter_ || !bus.logger_) {
      throw new Error("the order model needs Medusa's local event bus (its subscribers run in this process)")
    }
    const quiescence = new AppQuiescence(bus.eventEmitter_)
    const logger = bus.logger_
    bus.logger_ = new Proxy(logger, {
      get(target, prop, receiver) {
        if (prop !== "error") return Reflect.get(target, prop, receiver)
        return (...args: unknown[]) => {
          quiescence.failures.push(args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a))).join(" "))
          return target.error(...args)
        }
      },
    })
    return quiescence
  }

  /** Subscriber failures logged since the last call (and forgets them). */
  takeFailures(): string[] {
    const failures = this.failures
    this.failures = []
    return failures
  }

  /** Resolves once no subscriber is running and none started for a short while; throws after `timeoutMs`. */
  async settled(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      this.countNewListeners()
      if (this.running === 0) {
        await sleep(QUIET_MS)
        if (this.running === 0) return
      } else {
        await sleep(10)
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.running} event subscriber(s) still running ${timeoutMs} ms after the command`)
      }
    }
  }

  /** Wraps listeners registered since the last look (subscribers are registered at boot; a few later). */
  private countNewListeners() {
    for (const name of this.emitter.eventNames()) {
      const listeners = this.emitter.rawListeners(name) as Listener[]
      if (listeners.every((l) => l[TRACKED])) continue
      this.emitter.removeAllListeners(name)
      for (const listener of listeners) this.emitter.on(name, listener[TRACKED] ? listener : this.counted(listener))
    }
  }

  private counted(listener: Listener): Listener {
    const wrapped: Listener = (...args: unknown[]) => {
      this.running++
      let result: unknown
      try {
        result = listener(...args)
      } catch (e) {
        this.running--
        throw e
      }
      const done = () => {
        this.running--
      }
      void Promise.resolve(result).then(done, done)
      return result
    }
    if (listener.subscriberId) wrapped.subscriberId = listener.subscriberId
    wrapped[TRACKED] = true
    return wrapped
  }
}
