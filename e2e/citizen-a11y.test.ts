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
  // A page that never finishes loading fails here.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .loading'), undefined, { timeout: 10_000 });
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
      // His cases are shown (not still hers) before the page is checked.
      await page.getByRole('heading', { level: 2, name: 'Ärenden för Gösta Lund' }).waitFor();
      await page.locator('section[aria-labelledby="ccases-heading"] .citizen-case').first().waitFor();
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
      // From the top of a freshly loaded page, as a keyboard user arrives (after a link the app moves
      // focus to the new page's h1, past the navigation).
      await page.reload();
      await settle(page);
      const link = page.getByRole('navigation').getByRole('link', { name, exact: true });
      const isActive = () => link.evaluate((el) => el === document.activeElement);
      let reached = false;
      for (let i = 0; i < 30 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await isActive();
      }
      expect(reached, `${name} reached with Tab within 30 presses`).toBe(true);
      const look = () => link.evaluate((el) => {
        const s = getComputedStyle(el);
        return { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, boxShadow: s.boxShadow };
      });
      // A visible focus indicator: an outline or a box-shadow ring on the focused link…
      const ring = await link.evaluate((el) => {
        const s = getComputedStyle(el);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
      });
      expect(ring, `focus ring on ${name}`).toBe(true);
      const focused = await look();
      // …that goes away when the focus leaves (so it is the focus that shows, not the link's own style).
      await page.keyboard.press('Shift+Tab');
      expect(await isActive(), `${name} left with Shift+Tab`).toBe(false);
      expect(await look(), `focus ring on ${name} differs from its look without focus`).not.toEqual(focused);
      await page.keyboard.press('Tab');
      expect(await isActive(), `${name} focused again with Tab`).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expect.poll(() => page.evaluate(() => document.title)).toMatch(new RegExp(name === 'Mina ärenden' ? 'Mina ärenden' : name));
    }
    await context.close();
  });
});
