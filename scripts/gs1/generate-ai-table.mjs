#!/usr/bin/env node
// Writes the AI table (src/modules/lot/domain/gs1-ai-table.ts and its parts) from GS1's Barcode Syntax Dictionary
// (scripts/gs1/gs1-syntax-dictionary.txt, a copy of a release of
// https://github.com/gs1/gs1-syntax-dictionary). The table is derived, never typed by hand: to
// follow a new release, replace the text file and run this script again.
//
//   node scripts/gs1/generate-ai-table.mjs [--check] [dictionary.txt]
//
// --check writes nothing and exits 1 when the table in the repository differs from what the
// dictionary gives (for CI and the unit tests).
import { readFileSync, writeFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, "..", "..")
const TABLE = join(root, "src/modules/lot/domain/gs1-ai-table.ts")
const REPOSITORY = "https://github.com/gs1/gs1-syntax-dictionary"

// The dictionary's own grammar (see the comment block at the top of the file): flags are
// punctuation, a component is a character set letter with a length, attributes are key[=value].
const FLAG_TOKEN = /^[*!?"$%&'()+,\-./:;<=>@[\\\]^_`{|}~]+$/
const COMPONENT = /^(\[)?([NXYZ])(\d+|\.\.\d+)(\])?((?:,[a-z0-9]+)*)$/
const ATTRIBUTE = /^([a-z]+)(?:=(\S+))?$/
const AI_RANGE = /^(\d{2,4})(?:-(\d{2,4}))?$/

function fail(lineNumber, message) {
  throw new Error(`gs1-syntax-dictionary.txt line ${lineNumber}: ${message}`)
}

function parseComponent(token, lineNumber) {
  const match = COMPONENT.exec(token)
  if (!match || Boolean(match[1]) !== Boolean(match[4])) {
    fail(lineNumber, `cannot read the component "${token}"`)
  }
  const [, open, cset, length, , linterList] = match
  const variable = length.startsWith("..")
  const max = Number(variable ? length.slice(2) : length)
  const component = { cset, min: variable ? 1 : max, max }
  if (open) {
    component.optional = true
  }
  const linters = linterList.split(",").filter(Boolean)
  if (linters.length) {
    component.linters = linters
  }
  return component
}

// "01+21,02" -> [["01", "21"], ["02"]]: any one alternative, each wholly present.
const alternatives = (value) => value.split(",").map((group) => group.split("+"))

function applyAttribute(entry, token, lineNumber) {
  const match = ATTRIBUTE.exec(token)
  if (!match) {
    fail(lineNumber, `cannot read the attribute "${token}"`)
  }
  const [, key, value] = match
  if (key === "req" && value) {
    entry.req = [...(entry.req ?? []), alternatives(value)]
  } else if (key === "ex" && value) {
    entry.ex = [...(entry.ex ?? []), ...value.split(",")]
  } else if (key === "dlpkey") {
    entry.dlQualifiers = value ? value.split("|").map((sequence) => sequence.split(",")) : []
  } else {
    fail(lineNumber, `unknown attribute "${token}"`)
  }
}

function checkComponents(components, lineNumber) {
  if (components.length === 0) {
    fail(lineNumber, "no specification")
  }
  components.forEach((component, index) => {
    const last = index === components.length - 1
    if (!last && component.min !== component.max) {
      fail(lineNumber, "only the final component may have variable length")
    }
    if (!component.optional && components.slice(0, index).some((earlier) => earlier.optional)) {
      fail(lineNumber, "a mandatory component follows an optional one")
    }
  })
}

function expandAis(spec, lineNumber) {
  const match = AI_RANGE.exec(spec)
  if (!match) {
    fail(lineNumber, `cannot read the AI "${spec}"`)
  }
  const [, first, last = first] = match
  if (first.length !== last.length || Number(last) < Number(first)) {
    fail(lineNumber, `bad AI range "${spec}"`)
  }
  const ais = []
  for (let n = Number(first); n <= Number(last); n++) {
    ais.push(String(n).padStart(first.length, "0"))
  }
  return ais
}

function parseLine(raw, lineNumber) {
  const hash = raw.indexOf("#")
  const body = hash === -1 ? raw : raw.slice(0, hash)
  const title = hash === -1 ? "" : raw.slice(hash + 1).trim()
  const tokens = body.trim().split(/\s+/)
  const ais = expandAis(tokens.shift(), lineNumber)
  const flags = FLAG_TOKEN.test(tokens[0] ?? "") ? tokens.shift() : ""
  if (/[^*?]/.test(flags)) {
    fail(lineNumber, `unknown flags "${flags}"`)
  }
  const components = []
  while (tokens.length && COMPONENT.test(tokens[0])) {
    components.push(parseComponent(tokens.shift(), lineNumber))
  }
  checkComponents(components, lineNumber)
  const template = { components }
  tokens.forEach((token) => applyAttribute(template, token, lineNumber))
  return ais.map((ai) => ({
    ai,
    ...(flags.includes("*") ? { predefined: true } : {}),
    ...(flags.includes("?") ? { dlAttribute: true } : {}),
    ...template,
    title,
  }))
}

function parseDictionary(text) {
  const release = /^# Release: (\S+)\s*$/m.exec(text)?.[1]
  if (!release) {
    throw new Error('gs1-syntax-dictionary.txt: no "# Release:" line')
  }
  const entries = []
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\r$/, "")
    if (!/^\s*(#|$)/.test(line)) {
      entries.push(...parseLine(line, index + 1))
    }
  })
  checkPrefixFree(entries)
  return { release, entries }
}

// Element strings are read without separators between AIs, which works only because no AI is the
// start of another: a dictionary that broke this could not be read by our parser.
function checkPrefixFree(entries) {
  const ais = entries.map((entry) => entry.ai).sort()
  ais.forEach((ai, index) => {
    if (index > 0 && ai.startsWith(ais[index - 1])) {
      throw new Error(`gs1-syntax-dictionary.txt: AI (${ais[index - 1]}) is a prefix of (${ai})`)
    }
  })
}

// TypeScript source for a value: object keys unquoted, one entry per line.
function literal(value) {
  if (Array.isArray(value)) {
    return `[${value.map(literal).join(", ")}]`
  }
  if (value && typeof value === "object") {
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${literal(item)}`)
      .join(", ")} }`
  }
  return JSON.stringify(value)
}

// The table is written in parts by AI range (keeping the dictionary's order), each a data file
// of its own size, and an index that joins them in that order.
const PARTS = [
  { file: "gs1-ai-table-identification.ts", name: "IDENTIFICATION_AIS", what: "keys, product attributes and counts (00-30)", until: "31" },
  { file: "gs1-ai-table-measures-31-33.ts", name: "MEASURE_AIS_31_33", what: "trade and logistic measures (31nn-33nn)", until: "34" },
  { file: "gs1-ai-table-measures-34-37.ts", name: "MEASURE_AIS_34_37", what: "measures and counts (34nn-37)", until: "39" },
  { file: "gs1-ai-table-trade.ts", name: "TRADE_AIS", what: "amounts, shipping, locations and other data (39nn-99)", until: null },
]
const TABLE_DIR = dirname(TABLE)

function header(release, source, what) {
  return [
    "// Generated by scripts/gs1/generate-ai-table.mjs from the GS1 Barcode Syntax Dictionary: do not edit.",
    `// Release ${release}, ${source}`,
    `// (GS1 AISBL, Apache License 2.0). ${what}`,
  ]
}

/** Each file's path and contents: the parts, then the index. */
function renderTable({ release, entries }) {
  const source = `${REPOSITORY}/blob/${release}/gs1-syntax-dictionary.txt`
  let from = ""
  const parts = PARTS.map((part) => {
    const own = entries.filter((entry) => entry.ai >= from && (part.until === null || entry.ai < part.until))
    from = part.until ?? ""
    const contents = [
      ...header(release, source, `Data only, the AIs of ${part.what}; what the entries mean is described in gs1-ai.ts.`),
      'import type { AiEntry } from "./gs1-ai"',
      "",
      `export const ${part.name}: readonly AiEntry[] = [`,
      ...own.map((entry) => `  ${literal(entry)},`),
      "]",
      "",
    ].join("\n")
    return { path: join(TABLE_DIR, part.file), contents }
  })
  const index = [
    ...header(release, source, "Every AI, in the dictionary's order, joined from the parts below."),
    ...PARTS.map((part) => `import { ${part.name} } from "./${part.file.replace(/\.ts$/, "")}"`),
    'import type { AiEntry } from "./gs1-ai"',
    "",
    `export const GS1_SYNTAX_DICTIONARY = { release: ${JSON.stringify(release)}, source: ${JSON.stringify(source)} } as const`,
    "",
    `export const AI_ENTRIES: readonly AiEntry[] = [${PARTS.map((part) => `...${part.name}`).join(", ")}]`,
    "",
  ].join("\n")
  return [...parts, { path: TABLE, contents: index }]
}

function main(argv) {
  const check = argv.includes("--check")
  const dictionaryPath = argv.find((arg) => !arg.startsWith("--")) ?? join(here, "gs1-syntax-dictionary.txt")
  const files = renderTable(parseDictionary(readFileSync(dictionaryPath, "utf8")))
  if (!check) {
    for (const file of files) {
      writeFileSync(file.path, file.contents)
      console.log(`wrote ${relative(process.cwd(), file.path)}`)
    }
    return 0
  }
  const stale = files.filter((file) => {
    try {
      return readFileSync(file.path, "utf8") !== file.contents
    } catch {
      return true // a missing part differs like any other
    }
  })
  if (!stale.length) {
    return 0
  }
  const names = stale.map((file) => relative(process.cwd(), file.path)).join(", ")
  console.error(`${names} not what ${relative(process.cwd(), dictionaryPath)} gives: run node scripts/gs1/generate-ai-table.mjs`)
  return 1
}

process.exitCode = main(process.argv.slice(2))
