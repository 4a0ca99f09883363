import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type AxeFinding, axeFindings } from './axe.js';

/**
 * axe on the pages a journey visits. Findings are collected rather than thrown at once, so the
 * journey still walks to its end and one failure lists every problem on every page; call
 * `check` once a page (or a distinct state of it) has loaded its data, `expectNone` at the end.
 */
export function accessibilityChecks(): {
  check(page: Page, label: string): Promise<void>;
  expectNone(): void;
} {
  const checked: string[] = [];
  const findings: AxeFinding[] = [];
  return {
    async check(page, label) {
      checked.push(label);
      findings.push(...(await axeFindings(page, label)));
    },
    expectNone() {
      expect(checked.length, 'pages checked with axe').toBeGreaterThan(0);
      // One line per finding, so the failure reads: where, which rule, which elements.
      expect(findings.map(describe), `axe (serious/critical, WCAG 2.x A/AA) on: ${checked.join('; ')}`).toEqual([]);
    },
  };
}

function describe(f: AxeFinding): string {
  return `${f.page}: ${f.rule} (${f.impact}) — ${f.help} — at ${f.targets.join(' | ')}`;
}
