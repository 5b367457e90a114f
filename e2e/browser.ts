// Debian's Chromium driven by playwright-core (no browser download), with axe on every page.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, inject } from 'vitest';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../.tmp/screens');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--lang=sv-SE', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export async function newPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, baseURL: inject('baseUrl'), locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  return { context, page };
}

/** WCAG 2.1 A and AA rules; any violation fails the test with the rule ids and elements. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, `axe on ${label}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Logs in through the start page and the test identity provider's list, by the person's name. */
export async function loginAs(page: Page, who: 'personal' | 'medborgare', name: string): Promise<void> {
  await page.goto('/');
  if (who === 'personal') {
    await page.getByRole('link', { name: /logga in som medarbetare/i }).or(page.getByRole('button', { name: /logga in som medarbetare/i })).first().click();
  } else {
    await page.getByLabel(/kommun/i).selectOption({ label: 'Demo kommun' });
    await page.getByRole('button', { name: /logga in med e-legitimation/i }).or(page.getByRole('link', { name: /logga in med e-legitimation/i })).first().click();
  }
  await page.waitForURL(/\/dev-idp\/interaction\//);
  await page.getByRole('button', { name: new RegExp(name) }).first().click();
  await page.waitForURL((url) => /\/(handlaggare|utforare|medborgare|systemforvaltare)/.test(url.pathname));
}
