import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoAxeViolations, launch, loginAs, newPage, screenshot } from './browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('delegationsordning', () => {
  it('systemförvaltare lists, adds, edits and removes a rule by keyboard; axe clean', async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', 'Olof Dahl');
    await page.getByRole('link', { name: /Visa och ändra delegationsordningen/ }).click();
    await page.waitForURL(/\/systemforvaltare\/delegation/);
    await page.getByRole('table').first().waitFor();
    expect(await page.getByRole('heading', { level: 2 }).count()).toBeGreaterThanOrEqual(5);
    await expectNoAxeViolations(page, 'delegation list');
    await screenshot(page, 'delegation-list');

    // open the add form by keyboard
    await page.getByRole('button', { name: 'Lägg till regel', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Lägg till regel');
    // submit empty: error announced, focus to decision type
    await page.getByRole('checkbox', { name: 'Bifall', exact: true }).uncheck();
    await page.getByRole('checkbox', { name: 'Delvis bifall' }).uncheck();
    await page.getByRole('checkbox', { name: 'Avslag' }).uncheck();
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/-type$/);
    expect(await page.getByText('Välj en beslutstyp.').count()).toBe(2);
    expect(await page.getByRole('alert').first().innerText()).toMatch(/Välj minst ett utfall/);
    expect(await page.getByText('Välj minst ett utfall.').count()).toBe(2);
    await expectNoAxeViolations(page, 'delegation form with errors');
    await screenshot(page, 'delegation-form-errors');

    await page.getByLabel('Beslutstyp').selectOption('familjehem');
    await page.getByRole('radio', { name: 'Arbetsledare' }).check();
    await page.getByRole('checkbox', { name: 'Bifall', exact: true }).check();
    await page.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Barn och unga' });
    await page.getByLabel(/Anmärkning/).fill('Test e2e');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: /lades till/ }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Test e2e' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Arbetsledare/);
    await expectNoAxeViolations(page, 'after add');

    // edit
    await row.getByRole('button', { name: /^Ändra/ }).click();
    await page.getByRole('checkbox', { name: 'Avslag' }).check();
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: /sparades/ }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Test e2e' }).innerText()).toMatch(/Bifall, Avslag/);
    // focus went back to the Ändra button
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Ändra/);

    // delete with confirmation
    await page.getByRole('row').filter({ hasText: 'Test e2e' }).getByRole('button', { name: /^Ta bort/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Ta bort regeln?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'confirm dialog');
    await screenshot(page, 'delegation-confirm');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Ta bort/);
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Ja, ta bort regeln' }).click();
    await page.getByRole('status').filter({ hasText: /togs bort/ }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Test e2e' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'after delete');

    // server error: LVU is not in the catalogue, so try a twin instead (409) through the form
    await page.getByRole('button', { name: 'Lägg till regel', exact: true }).click();
    await page.getByLabel('Beslutstyp').selectOption('hemtjanst');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('alert').filter({ hasText: /finns redan/ }).waitFor();
    await expectNoAxeViolations(page, 'server error');
    await screenshot(page, 'delegation-server-error');
    await context.close();
  });
});

describe('register of providers', () => {
  it('systemförvaltare sees the providers with what they deliver, and opens the form; axe clean', async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', 'Olof Dahl');
    await page.getByRole('navigation').getByRole('link', { name: 'Utförare' }).click();
    await page.waitForURL(/\/systemforvaltare\/utforare$/);
    const table = page.getByRole('table', { name: /Utförare i kommunen/ });
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toMatch(/Hemtjänsten Centrum/);
    expect(text).toMatch(/Omsorgsbolaget Trygg Vardag AB/);
    expect(text).toMatch(/Hemtjänst/);
    await expectNoAxeViolations(page, 'providers');
    await screenshot(page, 'admin-providers');
    await page.getByRole('button', { name: 'Lägg till utförare' }).click();
    await expectNoAxeViolations(page, 'provider form');
    await screenshot(page, 'admin-providers-form');
    await context.close();
  });
});
