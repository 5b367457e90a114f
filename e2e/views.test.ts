// End-to-end journeys in Debian's Chromium: log in through the test identity provider and visit
// all three views, with axe (WCAG 2.1 A/AA) on every page and a screenshot of each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildDemoData, demoLoginDirectory } from '../src/server/dev/demo-data.ts';
import { expectNoAxeViolations, launch, loginAs, newPage, screenshot } from './browser.ts';

const directory = demoLoginDirectory(buildDemoData(new Date().toISOString().slice(0, 10)));
const staff = (role: string) => directory.staff.find((s) => s.role === role && s.municipalityCode === 'demo')!;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('start page and test identity provider', () => {
  it('offers staff and citizen login, and passes axe', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await expect.poll(() => page.title()).toMatch(/Lots/);
    await expectNoAxeViolations(page, 'start page');
    await screenshot(page, 'start');
    await page.getByRole('link', { name: /logga in som medarbetare/i }).or(page.getByRole('button', { name: /logga in som medarbetare/i })).first().click();
    await page.waitForURL(/\/dev-idp\/interaction\//);
    await expect.poll(() => page.getByRole('heading', { name: /Testinloggning/ }).count()).toBe(1);
    await expectNoAxeViolations(page, 'test IdP login page');
    await screenshot(page, 'test-idp');
    await context.close();
  });
});

describe('handläggare', () => {
  it('sees Mina ärenden with deadlines, searches a person and opens the overview — keyboard and axe clean', async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', escape(staff('handlaggare').name));
    expect(new URL(page.url()).pathname).toBe('/handlaggare');
    await page.getByRole('table').first().waitFor();
    const rows = page.getByRole('table').first().getByRole('row');
    expect(await rows.count()).toBeGreaterThan(1);
    await expectNoAxeViolations(page, 'Mina ärenden');
    await screenshot(page, 'staff-my-cases');

    // The skip link is the first thing a keyboard user reaches.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/Hoppa till innehållet/i);

    // Open the first person from the list with the keyboard.
    const firstPersonLink = page.getByRole('table').first().getByRole('link').first();
    const personName = (await firstPersonLink.textContent())?.trim() ?? '';
    await firstPersonLink.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/handlaggare\/person\//);
    await page.getByRole('heading', { name: new RegExp(escape(personName.split(' ')[0]!)) }).first().waitFor();
    await expect.poll(() => page.locator('main').innerText()).not.toMatch(/Laddar/);
    await expectNoAxeViolations(page, 'person overview');
    await screenshot(page, 'staff-person');

    // Search by last name.
    await page.goto('/handlaggare/sok');
    const lastName = personName.split(' ').slice(-1)[0]!;
    await page.getByRole('searchbox').or(page.getByRole('textbox')).first().fill(lastName);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: new RegExp(escape(lastName)) }).first().waitFor();
    await expectNoAxeViolations(page, 'person search');
    await screenshot(page, 'staff-search');
    await context.close();
  });

  it("gives the arbetsledare the unit's cases, including the unassigned inbox", async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', escape(staff('arbetsledare').name));
    await page.getByRole('link', { name: 'Enhetens ärenden' }).click();
    await page.waitForURL(/\/handlaggare\/enhet$/);
    await page.getByRole('table').first().waitFor();
    expect(await page.getByRole('table').first().innerText()).toMatch(/Ej fördelat/);
    expect(await page.getByRole('link', { name: 'Enhetens ärenden' }).getAttribute('aria-current')).toBe('page');
    await expectNoAxeViolations(page, "unit's cases");
    await screenshot(page, 'staff-unit-cases');
    await context.close();
  });

  it('never shows the address of a person with protected identity', async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', escape(staff('arbetsledare').name));
    await page.goto('/handlaggare/sok');
    const protectedPeople = buildDemoData(new Date().toISOString().slice(0, 10)).persons.filter((p) => p.protection !== 'ingen' && p.municipalityId === 1);
    let opened = 0;
    for (const p of protectedPeople) {
      await page.goto(`/handlaggare/person/${p.id}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expect.poll(() => page.locator('main').innerText()).not.toMatch(/Laddar/);
      const text = await page.locator('main').innerText();
      if (/Åtkomst nekad|saknar koppling|ingen koppling/i.test(text)) continue;
      opened++;
      if (p.street) expect(text).not.toContain(p.street);
      if (p.postalCode) expect(text).not.toContain(p.postalCode);
      expect(text).toMatch(/skydd/i);
      await screenshot(page, 'staff-protected-person');
    }
    expect(opened, 'the arbetsledare can open at least one protected person').toBeGreaterThan(0);
    await context.close();
  });
});

describe('need to know', () => {
  it('asks for a reason before opening a person outside the unit, then shows that access is logged', async () => {
    const data = buildDemoData(new Date().toISOString().slice(0, 10));
    const me = data.staffUsers.find((u) => u.name === staff('handlaggare').name)!;
    const ownPeople = new Set(data.cases.filter((c) => c.unitId === me.unitId).map((c) => c.personId));
    const stranger = data.persons.find((p) => p.municipalityId === 1 && p.protection === 'ingen' && !ownPeople.has(p.id))!;
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', escape(staff('handlaggare').name));
    await page.goto(`/handlaggare/person/${stranger.id}`);
    const reason = page.getByRole('textbox');
    await reason.waitFor();
    await expectNoAxeViolations(page, 'no relation: reason form');
    await screenshot(page, 'staff-override-form');
    await reason.fill('Personen ringde växeln akut och behöver få hjälp nu');
    await page.getByRole('button', { name: /begär|öppna|visa/i }).first().click();
    await page.getByRole('heading', { name: new RegExp(escape(stranger.firstName)) }).first().waitFor();
    await expect.poll(() => page.locator('main').innerText()).toMatch(/loggas och följs upp/);
    await expectNoAxeViolations(page, 'person opened by override');
    await screenshot(page, 'staff-person-override');
    await context.close();
  });
});

describe('systemförvaltare', () => {
  it('lands on a page without personal data', async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', escape(staff('systemforvaltare').name));
    expect(new URL(page.url()).pathname).toBe('/systemforvaltare');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).not.toMatch(/Laddar/);
    await expectNoAxeViolations(page, 'systemförvaltare');
    await screenshot(page, 'systemforvaltare');
    await context.close();
  });
});

describe('utförare', () => {
  it("sees the provider's orders and a client's summary", async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', escape(staff('utforare_chef').name));
    expect(new URL(page.url()).pathname).toBe('/utforare');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('link').filter({ hasText: /\S/ }).first().waitFor();
    await expectNoAxeViolations(page, 'provider orders');
    await screenshot(page, 'provider-orders');
    await page.locator('main').getByRole('link').first().click();
    await page.waitForURL(/\/utforare\/klient\//);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'provider client');
    await screenshot(page, 'provider-client');
    await context.close();
  });

  it('works on a phone-sized screen', async () => {
    const { context, page } = await newPage(browser, { width: 375, height: 800 });
    await loginAs(page, 'personal', escape(staff('utforare_personal').name));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expectNoAxeViolations(page, 'provider orders (mobile)');
    await screenshot(page, 'provider-orders-mobile');
    await context.close();
  });
});

describe('medborgare', () => {
  it('logs in with Test-BankID and sees their own and represented persons’ cases on a phone', async () => {
    const ombud = directory.citizens.find((c) => /fullmakt|ombud/i.test(c.description)) ?? directory.citizens[0]!;
    const { context, page } = await newPage(browser, { width: 375, height: 800 });
    await loginAs(page, 'medborgare', escape(ombud.name));
    expect(new URL(page.url()).pathname).toBe('/medborgare');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await expectNoAxeViolations(page, 'citizen cases');
    await screenshot(page, 'citizen-cases-mobile');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);

    // English is available.
    await page.getByRole('button', { name: /English/i }).or(page.getByRole('link', { name: /English/i })).first().click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectNoAxeViolations(page, 'citizen cases (English)');
    await context.close();
  });

  it('logs out and the session is gone', async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, 'medborgare', escape(directory.citizens[0]!.name));
    await page.getByRole('button', { name: /logga ut|konto|meny/i }).first().click();
    const logout = page.getByRole('menuitem', { name: /^Logga ut$/ }).or(page.getByRole('button', { name: /^Logga ut$/ }));
    if (await logout.count()) await logout.first().click();
    await page.waitForURL((u) => u.pathname === '/');
    const session = await page.evaluate(() => fetch('/api/session').then((r) => r.json()));
    expect(session.authenticated).toBe(false);
    await context.close();
  });
});
