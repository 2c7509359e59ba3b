import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/** How deep a request body or query may nest (metadata included); real ones stay within 5. */
export const MAX_INPUT_DEPTH = 10

// C0 control characters and DEL. Tab, line feed and carriage return are text in a body (a note
// may have several lines), and so is the group separator (U+001D), which a scanner sends for GS1's
// FNC1 inside a scanned code; none of them belongs in an address, a query or a key.
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001C\u001E\u001F\u007F]/
const CONTROL_ANYWHERE = /[\u0000-\u001F\u007F]/

export type InputProblem = { part: "address" | "query" | "body"; field: string; problem: string }

/**
 * The first thing in a request's address, query or body that no route of the plugin accepts: a
 * control character (PostgreSQL refuses NUL in text, and none belongs in a lot number, note or
 * id) or nesting deeper than MAX_INPUT_DEPTH. Walks without recursion, so a body nested
 * thousands deep is answered, not a stack overflow.
 */
export function findInputProblem(input: { params?: unknown; query?: unknown; body?: unknown }): InputProblem | null {
  const stack: { value: unknown; part: InputProblem["part"]; field: string; depth: number }[] = [
    { value: input.params, part: "address", field: "", depth: 0 },
    { value: input.query, part: "query", field: "", depth: 0 },
    { value: input.body, part: "body", field: "", depth: 0 },
  ]
  while (stack.length) {
    const { value, part, field, depth } = stack.pop()!
    const control = part === "body" ? CONTROL_IN_TEXT : CONTROL_ANYWHERE
    if (typeof value === "string") {
      const match = control.exec(value)
      if (match) {
        const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")
        return { part, field, problem: `contains a control character (U+${code}), which is not allowed` }
      }
      continue
    }
    if (value === null || typeof value !== "object") continue
    if (depth > MAX_INPUT_DEPTH) {
      return { part, field, problem: `is nested more than ${MAX_INPUT_DEPTH} levels deep` }
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (control.test(key)) {
        return { part, field, problem: "has a key with a control character in it, which is not allowed" }
      }
      const childField = Array.isArray(value) ? `${field}[${key}]` : field ? `${field}.${key}` : key
      stack.push({ value: child, part, field: childField, depth: depth + 1 })
    }
  }
  return null
}

/** Where the problem is, in the words of the message: the address, a query parameter or a body field. */
function describeWhere({ part, field }: InputProblem): string {
  if (part === "address") return "The address"
  if (!field) return part === "query" ? "The query" : "The request body"
  return part === "query" ? `Query parameter '${field}'` : `Field '${field}'`
}

/** Refuses, before any route of the plugin sees it, input it could only fail on later (see findInputProblem). */
export function guardPluginInput(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (["POST", "PUT", "PATCH"].includes(req.method) && req.body !== undefined && (typeof req.body !== "object" || req.body === null || Array.isArray(req.body))) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, "The request body must be a JSON object ({ ... }), not a list or a single value."))
  }
  const problem = findInputProblem({ params: req.params, query: req.query, body: req.body })
  if (problem) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `${describeWhere(problem)} ${problem.problem}.`))
  }
  next()
}

/** Every route the plugin adds: the guard runs first on each. */
const PLUGIN_ROUTES = [
  "/admin/lots*",
  "/admin/lot-suppliers*",
  "/admin/inventory-items/:id/lot-policy",
  "/admin/inventory-items/:id/lot-summary",
  "/admin/inventory-items/:id/untracked-stock*",
  "/admin/orders/:id/lots",
  "/admin/orders/:id/pick-list",
  "/admin/orders/:id/pick-scan",
  "/admin/orders/:id/trace",
  "/admin/picking*",
  "/admin/recalls*",
  "/admin/returns/:id/lots",
  "/admin/traceability*",
  "/store/lots*",
]

export const pluginInputGuardMiddlewares: MiddlewareRoute[] = PLUGIN_ROUTES.map((matcher) => ({ matcher, middlewares: [guardPluginInput] }))
