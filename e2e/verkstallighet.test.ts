// Issue 4's journey in a real Chromium: a handläggare grants home care and orders it from a
// provider in one step; the provider's chef accepts, reports the start (the decision is now
// verkställt), writes and signs a genomförandeplan with the person and plans today's visit; the
// field staff checks in and out on a phone, the check-out while offline; the handläggare then
// sees the performed time and the plan on the case. Axe on every page; screenshots looked at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launch, loginAs, newPage, screenshot } from './browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function status(page: Page, text: RegExp): Promise<void> {
  try {
    await page.getByRole('status').filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
  } catch (error) {
    await screenshot(page, `failed-verk-${text.source.slice(0, 30).replace(/[^a-zåäö]+/gi, '-')}`);
    throw error;
  }
}

/** Now, as the value of a datetime-local input in the browser's own time zone (Europe/Stockholm). */
const localNow = (page: Page) => page.evaluate(() => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
});

describe('from a granted decision to the service delivered', () => {
  let caseUrl = '';

  it('the handläggare grants home care and orders it from a provider in one step', async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', 'Karin');
    await page.getByRole('navigation').getByRole('link', { name: 'Ny aktualisering' }).click();
    await page.getByLabel('Sök person').fill('Nils Engström');
    await page.getByRole('button', { name: 'Välj Nils Engström' }).click();
    await page.getByLabel('Område').selectOption({ label: 'Äldreomsorg' });
    await page.getByRole('radio', { name: 'Ansökan' }).check();
    await page.getByRole('checkbox', { name: /^Hemtjänst/ }).check();
    await page.getByLabel('Beskrivning').fill('Nils ansöker om hjälp med dusch och städning.');
    await page.getByRole('button', { name: 'Registrera' }).click();
    await page.waitForURL(/\/handlaggare\/arende\//);
    caseUrl = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Inled utredning' }).click();
    await page.getByLabel('Personlig vård').fill('Behöver hjälp att duscha två gånger i veckan.');
    const decisions = page.getByRole('region', { name: 'Beslut', exact: true });
    await decisions.getByRole('radio', { name: /^Bifall/ }).check();
    await decisions.getByLabel('Omfattning').fill('12 timmar per månad');
    await decisions.getByLabel('Motivering').fill('Du behöver hjälp med din personliga hygien och beviljas därför hemtjänst.');
    await decisions.getByRole('button', { name: 'Spara beslutsförslag' }).click();
    await status(page, /Beslutsförslaget är sparat/);
    await decisions.getByRole('button', { name: 'Fatta beslut och skapa beslutsbrev' }).click();
    await status(page, /Beslutet är fattat/);

    const verk = page.getByRole('region', { name: 'Verkställighet' });
    await verk.getByRole('button', { name: 'Beställ' }).click();
    await verk.getByLabel('Utförare', { exact: true }).selectOption({ label: 'Hemtjänsten Centrum (kommunal)' }).catch(async () => {
      // the option's text carries the provider's kind; pick by the name
      const option = verk.getByLabel('Utförare', { exact: true }).locator('option', { hasText: 'Hemtjänsten Centrum' });
      await verk.getByLabel('Utförare', { exact: true }).selectOption({ label: (await option.innerText()).trim() });
    });
    await verk.getByLabel('Information till utföraren').fill('Portkod 1234. Nils hör dåligt – ring på två gånger.');
    await expectNoAxeViolations(page, 'order form');
    await verk.getByRole('button', { name: 'Skicka beställningen' }).click();
    await status(page, /Beställning B-\d{4}-\d{4} är skickad/);
    expect(await verk.innerText()).toMatch(/Inte verkställt/);
    await verk.screenshot({ path: '.tmp/screens/verk-ordered.png' });
    await context.close();
  });

  it('the provider accepts, reports the start, signs a genomförandeplan and plans today\'s visit', async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', 'Anna Persson');
    const fresh = page.getByRole('region', { name: 'Nya beställningar att besvara' });
    const card = fresh.locator('li, article').filter({ hasText: 'Nils Engström' }).first();
    await card.waitFor();
    await expectNoAxeViolations(page, 'provider inbox');
    await screenshot(page, 'verk-provider-inbox');
    await card.getByRole('button', { name: 'Acceptera' }).click();
    await card.getByRole('button', { name: 'Acceptera' }).last().click();
    await status(page, /Beställningen är accepterad/);

    await page.getByRole('link', { name: /Öppna beställningen/ }).filter({ hasText: /Nils|/ }).first().waitFor();
    await page.locator('li, article').filter({ hasText: 'Nils Engström' }).getByRole('link', { name: /Öppna beställningen/ }).first().click();
    await page.waitForURL(/\/utforare\/bestallning\//);
    await page.getByRole('button', { name: 'Rapportera start' }).click();
    await page.getByRole('button', { name: 'Rapportera start' }).last().click();
    await status(page, /Beslutet är verkställt/);

    await page.getByRole('button', { name: 'Skriv genomförandeplan' }).click();
    await page.getByLabel('Mål 1').first().waitFor();
    await page.getByLabel('Vad').first().fill('Dusch');
    await page.getByLabel('Hur').first().fill('Nils duschar själv med stöd; personalen hjälper med ryggen och fötterna.');
    await page.getByLabel('När').first().fill('Måndag och torsdag förmiddag');
    await page.getByLabel('Vem').first().fill('Hemtjänstgrupp Centrum');
    await page.getByLabel('Personens delaktighet').fill('Nils vill duscha på förmiddagen och själv tvätta håret.');
    await page.getByRole('button', { name: 'Signera planen' }).click();
    await status(page, /Planen är signerad/);

    await page.getByRole('button', { name: 'Planera besök' }).click();
    const form = page.locator('form').filter({ has: page.getByLabel('Medarbetare') });
    const staff = form.getByLabel('Medarbetare');
    await staff.locator('option', { hasText: 'Fatima Ali' }).waitFor({ state: 'attached' });
    await staff.selectOption({ label: (await staff.locator('option', { hasText: 'Fatima Ali' }).innerText()).trim() });
    await form.getByLabel('Första besöket').fill(await localNow(page));
    await form.getByLabel('Minuter').fill('30');
    await form.getByLabel(/Vad som ska göras/).fill('Dusch');
    await form.getByRole('button', { name: 'Planera besök' }).click();
    await status(page, /Besöket är planerat/);
    await expectNoAxeViolations(page, 'provider order page');
    await screenshot(page, 'verk-provider-order');
    await context.close();
  });

  it('the field staff checks in and out on a phone, the check-out while offline', async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    await loginAs(page, 'personal', 'Fatima Ali');
    await page.goto('/utforare/mobil');
    await page.getByRole('heading', { level: 1, name: 'Mina besök i dag' }).waitFor();
    const card = page.getByRole('article', { name: 'Nils Engström' });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Portkod 1234/);
    await card.getByRole('button', { name: /Checka in/ }).click();
    await expect.poll(() => card.innerText()).toMatch(/Incheckad \d\d:\d\d/);
    await context.setOffline(true);
    await card.getByRole('button', { name: /Checka ut/ }).click();
    await expect.poll(() => card.innerText()).toMatch(/Sparad på telefonen/);
    await expectNoAxeViolations(page, 'mobile day offline');
    await screenshot(page, 'verk-mobile-offline');
    await context.setOffline(false);
    await expect.poll(() => card.innerText(), { timeout: 20_000 }).not.toMatch(/Sparad på telefonen/);
    await expect.poll(() => card.innerText()).toMatch(/Utförd tid \d+ min/);
    await context.close();
  });

  it('the handläggare sees the decision verkställt, the signed plan and the performed visit', async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', 'Karin');
    await page.goto(caseUrl);
    const verk = page.getByRole('region', { name: 'Verkställighet' });
    await verk.getByText(/Verkställt \d+ \w+\.? \d{4}/).first().waitFor();
    const text = await verk.innerText();
    expect(text).toMatch(/Pågående/);
    expect(text).toMatch(/Nils duschar själv med stöd/);
    expect(text).toMatch(/Nils vill duscha på förmiddagen/);
    const performed = verk.getByRole('table', { name: 'Utförd tid per månad' });
    await performed.waitFor();
    expect(await performed.locator('tbody tr').first().locator('td').first().innerText()).toBe('1');
    await expectNoAxeViolations(page, 'case with a running order');
    await verk.screenshot({ path: '.tmp/screens/verk-handlaggare-sees.png' });
    await context.close();
  });
});

