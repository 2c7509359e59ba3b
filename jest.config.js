const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true }, transform: { react: { runtime: "automatic" } } } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/"],
  setupFiles: ["./integration-tests/setup.js"],
}

const byType = {
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s"],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  "integration:model": ["**/integration-tests/model/**/*.spec.[jt]s"],
}
if (byType[process.env.TEST_TYPE]) {
  module.exports.testMatch = byType[process.env.TEST_TYPE]
  if (process.env.TEST_TYPE === "integration:modules") {
    module.exports.testPathIgnorePatterns = ["\\.unit\\.spec\\.[jt]s$"]
  }
}
