import { expect, it } from 'vitest';
import { accessibilityChecks } from './accessibility.js';
import { lyceumInChromium } from './server.js';

const { signedInAs } = lyceumInChromium();

// On a slow device the catalog's own URL update (written after a short typing pause) can land
// after further keystrokes; the box must keep everything typed, not jump back to the older text.
it('keeps every letter typed into the catalog search on a slow device', async () => {
  const page = await signedInAs('Ifeanyi Okafor');
  const box = page.getByLabel('Search the catalog');
  await box.waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const typed = 'kubernetes operators';
  // Pauses around the 150 ms typing pause, so URL updates keep arriving while typing goes on.
  await box.pressSequentially(typed, { delay: 140 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect.poll(() => box.inputValue(), { timeout: 15_000 }).toBe(typed);
  await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 15_000 }).toBe(typed);
  const axe = accessibilityChecks();
  await page.getByText(`matching “${typed}”`, { exact: false }).waitFor();
  await axe.check(page, 'Home/catalog, searching');
  axe.expectNone();
});
