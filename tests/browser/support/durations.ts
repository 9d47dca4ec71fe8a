/**
 * A Playwright reporter: every test's duration goes to test-results/durations.json, and the
 * slowest ten are printed at the end of the run (what to look at when the suite grows), with
 * the main-thread long tasks the tests measured (fixtures.ts measureLongTasks), held or not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class Durations implements Reporter {
  private rows: { test: string; file: string; tier: 'core' | 'slow'; ms: number; status: string }[] = [];
  private longTasks: string[] = [];
  private seen = new Set<string>();

  onTestEnd(test: TestCase, result: TestResult) {
    const file = test.location.file.replace(/^.*tests\/browser\//, '');
    this.rows.push({
      test: test.titlePath().slice(3).join(' › '),
      file,
      tier: test.tags.includes('@slow') ? 'slow' : 'core',
      ms: result.duration,
      status: result.status,
    });
    for (const a of [...(result.annotations ?? []), ...test.annotations])
      if (a.type === 'long tasks' && a.description && !this.seen.has(a.description)) {
        this.seen.add(a.description);
        this.longTasks.push(a.description);
      }
  }

  onEnd(result: FullResult) {
    const rows = [...this.rows].sort((a, b) => b.ms - a.ms);
    mkdirSync('test-results', { recursive: true });
    const total = rows.reduce((s, r) => s + r.ms, 0);
    writeFileSync(
      'test-results/durations.json',
      `${JSON.stringify({ status: result.status, wallMs: result.duration, testsMs: total, tests: rows, longTasks: this.longTasks }, null, 1)}\n`,
    );
    const minutes = (tier: string) =>
      (rows.filter((r) => r.tier === tier).reduce((t, r) => t + r.ms, 0) / 60_000).toFixed(1);
    console.log(
      `\n${rows.length} tests, ${(result.duration / 60_000).toFixed(1)} min wall (core tier ${minutes('core')} min, slow tier ${minutes('slow')} min of test time); the slowest ten:`,
    );
    for (const r of rows.slice(0, 10))
      console.log(`  ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${r.file} › ${r.test}`);
    console.log('(all durations: test-results/durations.json)');
    if (this.longTasks.length) {
      console.log('Main-thread long tasks measured:');
      for (const l of this.longTasks) console.log(`  ${l}`);
    }
  }
}
