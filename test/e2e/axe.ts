import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * axe-core's browser bundle: the `axe-core` package when it is installed, or a copy named by
 * AXE_CORE_PATH (axe.min.js). Null when there is neither: the pages cannot be checked, and the
 * tests that need it say so by being skipped under a name that says why.
 */
function axeSource(): string | null {
  const candidates = [process.env.AXE_CORE_PATH];
  try {
    candidates.push(createRequire(import.meta.url).resolve('axe-core/axe.min.js'));
  } catch {
    // not installed
  }
  const path = candidates.find((p): p is string => Boolean(p && existsSync(p)));
  return path ? readFileSync(path, 'utf8') : null;
}

const source = axeSource();
export const axeAvailable = source !== null;

export interface AxeFinding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * The serious and critical WCAG 2.x A/AA findings on the page as it is now. The bundle is
 * evaluated (not added as a script tag), so the app's Content-Security-Policy does not stop it.
 */
export async function axeFindings(page: Page, label: string): Promise<AxeFinding[]> {
  if (!source) throw new Error('axe-core is not installed (npm i -D axe-core) and AXE_CORE_PATH names no copy.');
  // Colours are judged as they end up, not halfway through a transition (a segment just chosen).
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ page: label, rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.targets }));
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}
