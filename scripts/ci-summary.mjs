/** Prints each suite's counts from Vitest's JSON reports, then one closing line for all of them. */
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const suiteSkipped = report.numPendingTests + report.numTodoTests;
  console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${suiteSkipped} skipped`);
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += suiteSkipped;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
