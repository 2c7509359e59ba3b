import Ajv from "ajv"
import { readFileSync } from "node:fs"
import { join } from "node:path"

// GS1's published EPCIS 2.0 JSON schema, pinned (source in fixtures/README.md), compiled once for
// the document tests and the export's HTTP tests.
const schema = JSON.parse(readFileSync(join(__dirname, "fixtures", "epcis-json-schema.json"), "utf8"))

// The two formats the schema uses, checked as RFC 3339 and RFC 3986 say (ajv leaves formats to plugins).
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/

const ajv = new Ajv({ allErrors: true, strict: false })
ajv.addFormat("date-time", (text: string) => DATE_TIME.test(text) && !Number.isNaN(Date.parse(text)))
ajv.addFormat("uri", URI)
const validate = ajv.compile(schema)

/** What GS1's EPCIS 2.0 JSON schema finds wrong with a document, one line per error; [] when it is valid. */
export const epcisSchemaErrors = (document: unknown): string[] =>
  validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
