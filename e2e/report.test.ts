// The public e-service "Orosanmälan om barn" in Chromium on a phone: anyone fills it in without
// logging in, anonymously (19 kap. 4 § SoL 2025:400), the form survives a reload (sessionStorage),
// the reporter sees a receipt and nothing else, and the report reaches the Barn och unga unit's
// inbox. A professional is told they cannot be anonymous (19 kap. 1 §). Axe on every state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { MyCases } from '../src/shared/api';
import { expectNoAxeViolations, launch, loginAs, newPage, screenshot } from './browser.ts';

const PHONE = { width: 390, height: 844 };

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('orosanmälan without logging in', () => {
  it('an anonymous report on a phone: saved as you go, receipt only, lands in the Barn och unga inbox', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto('/orosanmalan');
    await page.getByRole('heading', { level: 1, name: 'Gör en orosanmälan om ett barn' }).waitFor();
    await expectNoAxeViolations(page, 'empty report form');
    await screenshot(page, 'report-empty');

    // Sending nothing: an error summary that names what is missing, focus on it.
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Rätta det här innan du skickar' });
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Skriv barnets förnamn/);
    expect(await summary.innerText()).toMatch(/Beskriv vad som har hänt/);
    await expectNoAxeViolations(page, 'report form with errors');

    await page.getByRole('group', { name: 'Är barnet i fara just nu?' }).getByLabel('Nej, inte just nu').check();
    await page.getByLabel('Kommun där barnet bor').selectOption({ label: 'Demo kommun' });
    await page.getByLabel('Barnets förnamn').fill('Elsa');
    await page.getByLabel('Barnets efternamn').fill('E2eberg');
    await page.getByLabel('Barnets födelsedatum').fill('2016-09-12');
    await page.getByLabel(/Skola, förskola/).fill('Centrumskolan, klass 4');
    await page.getByLabel(/Beskriv vad du har sett/).fill('Elsa kommer ofta hungrig till skolan och säger att ingen är hemma på kvällarna.');
    await page.getByLabel('Privatperson, till exempel granne eller vän').check();

    // Saved as you go: a reload keeps what was written (this tab only).
    await page.reload();
    await page.getByLabel('Barnets förnamn').waitFor();
    expect(await page.getByLabel('Barnets förnamn').inputValue()).toBe('Elsa');
    expect(await page.getByLabel(/Beskriv vad du har sett/).inputValue()).toMatch(/hungrig/);

    await page.getByLabel('Ja, jag vill vara anonym').check();
    expect(await page.getByLabel('Ditt namn', { exact: true }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page, 'filled report form');
    await screenshot(page, 'report-filled');

    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tack – vi har tagit emot din anmälan' }).waitFor();
    const receipt = (await page.getByTestId('receipt-number').innerText()).trim();
    expect(receipt).toMatch(/^OA-\d{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/samma dag/);
    expect(text).toMatch(/sekretess/);
    expect(text).not.toMatch(/BU-|Elsa|E2eberg/); // no case number, nothing about the child
    expect(await page.evaluate(() => sessionStorage.getItem('lots.orosanmalan.v1'))).toBeNull();
    await expectNoAxeViolations(page, 'report receipt');
    await screenshot(page, 'report-receipt');
    await context.close();

    // The report reached the Barn och unga unit's inbox, anonymous.
    const staff = await newPage(browser);
    await loginAs(staff.page, 'personal', 'Lina Ek');
    const inbox = await staff.page.evaluate(async () => (await (await fetch('/api/staff/my-cases?scope=inbox')).json()) as MyCases);
    const found = inbox.items.filter((c) => c.person.name.includes('E2eberg'));
    expect(found).toHaveLength(1);
    expect(found[0]!.title).toBe('Orosanmälan från anonym anmälare');
    await staff.context.close();
  });

  it('immediate danger shows "call 112", and a professional cannot choose to be anonymous', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto('/orosanmalan');
    await page.getByRole('group', { name: 'Är barnet i fara just nu?' }).getByLabel('Ja, barnet är i fara just nu').check();
    const call = page.getByRole('alert').filter({ hasText: 'Ring 112 nu' });
    await call.waitFor();
    expect(await call.getByRole('link', { name: 'Ring 112' }).getAttribute('href')).toBe('tel:112');
    await page.getByLabel('Skola eller fritidshem').check();
    expect(await page.getByLabel('Ja, jag vill vara anonym').count()).toBe(0);
    expect(await page.getByText(/kan inte vara anonym/).innerText()).toMatch(/19 kap\. 1 §/);
    await page.getByLabel('Ditt namn', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'report form, danger and professional');
    await screenshot(page, 'report-danger-professional');
    await page.evaluate(() => sessionStorage.clear());
    await context.close();
  });
});
