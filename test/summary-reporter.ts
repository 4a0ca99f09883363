import type { SerializedError } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';

/** Prints the plain closing line CI looks for: `N passed, N failed`. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    for (const module of testModules) {
      const tests = [...module.children.allTests()];
      const states = tests.map((test) => test.result().state);
      passed += states.filter((s) => s === 'passed').length;
      const failedHere = states.filter((s) => s === 'failed').length;
      failed += failedHere;
      // A file that fails to load, or whose setup throws, leaves its tests unrun: each one failed
      // (at least one for the file), so the line never reads "0 failed" for a red run.
      if (module.state() === 'failed' && failedHere === 0) failed += Math.max(1, states.filter((s) => s !== 'passed').length);
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  }
}
