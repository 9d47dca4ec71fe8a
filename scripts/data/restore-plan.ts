// Writes geodata/plan/plan.txt (the plan's clean text of record) from the page capture.
// Usage: npm run plan:restore [-- path/to/plan-2022-54-page-capture.txt]
import { readFileSync, writeFileSync } from 'node:fs';
import { readCapture, restorePlan } from './lib/plan-text.ts';

const capture = process.argv[2] ?? 'geodata/sources/plan/plan-2022-54-page-capture.txt';
const text = restorePlan(readCapture(readFileSync(capture, 'utf8')));
writeFileSync('geodata/plan/plan.txt', text);
console.log(`geodata/plan/plan.txt: ${text.split('\n').length - 1} lines, ${text.length} characters`);
