// Every citizen page, as the issue asks (WCAG 2.1 AA, DOS-lagen): axe with no violations, on a
// phone (390 px) and at 200 % zoom (a 1280 px window zoomed to 200 % is 640 CSS px wide, WCAG
// 1.4.4 / 1.4.10: no sideways scrolling), one h1 per page, and every page reachable by keyboard
// from the citizen's navigation, with a visible focus ring.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launch, loginAs, newPage, screenshot } from './browser.ts';

const PAGES: Array<[string, string]> = [
  ['/medborgare', 'mina-arenden'],
  ['/medborgare/insatser', 'mina-insatser'],
  ['/medborgare/meddelanden', 'meddelanden'],
  ['/medborgare/ansokan/bistand', 'ansokan-bistand'],
  ['/medborgare/ansokan/forsorjningsstod', 'ansokan-forsorjningsstod'],
];
const PUBLIC: Array<[string, string]> = [['/', 'start'], ['/orosanmalan', 'orosanmalan']];
// CSS layout at 200 % zoom of a 1280×800 window is the layout of a 640×400 viewport.
const VIEWPORTS = [
  { name: 'phone', size: { width: 390, height: 844 } },
  { name: 'zoom200', size: { width: 640, height: 400 } },
];

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const sideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function settle(page: Page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Wait for data-driven parts: no loading indicator left.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .loading'), undefined, { timeout: 10_000 }).catch(() => undefined);
}

async function checkPage(page: Page, label: string) {
  await settle(page);
  expect(await page.getByRole('heading', { level: 1 }).count(), `${label}: one h1`).toBe(1);
  expect(await sideScroll(page), `${label}: no sideways scrolling`).toBeLessThanOrEqual(1);
  await expectNoAxeViolations(page, label);
}

describe('citizen pages: axe, phone and 200 % zoom', () => {
  for (const vp of VIEWPORTS) {
    it(`every page for Ingrid (who acts for her father) at ${vp.name}`, async () => {
      const { context: ctx, page } = await newPage(browser, vp.size);
      for (const [url, name] of PUBLIC) {
        await page.goto(url);
        await checkPage(page, `${name} @${vp.name}`);
      }
      await loginAs(page, 'medborgare', 'Ingrid Lund');
      for (const [url, name] of PAGES) {
        await page.goto(url);
        await checkPage(page, `${name} @${vp.name}`);
        await screenshot(page, `a11y-${vp.name}-${name}`);
      }
      // Acting for her father: his cases and services, as she sees them.
      await page.goto('/medborgare');
      await page.getByRole('radio', { name: /Gösta Lund/ }).first().check();
      await checkPage(page, `mina-arenden for Gösta @${vp.name}`);
      await ctx.close();
    });
  }

  it('the citizen navigation is reachable by keyboard with a visible focus, and leads to each page', async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    await loginAs(page, 'medborgare', 'Ingrid Lund');
    await page.goto('/medborgare');
    await settle(page);
    const targets = ['Mina insatser', 'Meddelanden', 'Mina ärenden'];
    for (const name of targets) {
      const link = page.getByRole('navigation').getByRole('link', { name, exact: true });
      await link.focus();
      // A visible focus indicator: an outline or a box-shadow ring on the focused link.
      const ring = await link.evaluate((el) => {
        const s = getComputedStyle(el);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
      });
      expect(ring, `focus ring on ${name}`).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expect.poll(() => page.evaluate(() => document.title)).toMatch(new RegExp(name === 'Mina ärenden' ? 'Mina ärenden' : name));
    }
    await context.close();
  });
});
