// E-tjänst "Ansök om bistånd" in Chromium on a phone: Ingrid Lund (fullmakt for her father Gösta)
// logs in with Test-BankID, applies for hemtjänst and trygghetslarm for him, reloads midway and
// continues from the saved draft, gets an error summary for a missing answer, sends, and sees the
// receipt with the case number and what happens next. Axe on every step; screenshots of each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launch, loginAs, newPage, screenshot } from './browser.ts';

const PHONE = { width: 375, height: 812 };
const NEEDS = 'Pappa har svårt att duscha själv sedan han föll i augusti. Han glömmer ibland att äta lunch.';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const next = (page: Page) => page.getByRole('button', { name: 'Nästa', exact: true }).click();
const stepHeading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name }).waitFor();

describe('ansökan om bistånd', () => {
  it('a daughter with fullmakt applies for her father on a phone, resumes after a reload, and gets a receipt', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await loginAs(page, 'medborgare', 'Ingrid Lund');
    await page.goto('/medborgare/ansokan/bistand');
    await page.getByRole('heading', { level: 1, name: 'Ansök om stöd i vardagen' }).waitFor();

    // Step 1: who. Sending without a choice shows the error summary.
    await page.getByRole('button', { name: 'Börja' }).click();
    await page.getByRole('alert').filter({ hasText: 'Välj vem ansökan gäller' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toMatch(/es-error-summary/);
    await expectNoAxeViolations(page, 'ansökan: who, with an error');
    await page.getByRole('radio', { name: /Gösta Lund \(du har fullmakt\)/ }).check();
    await screenshot(page, 'ansokan-1-vem');
    await page.getByRole('button', { name: 'Börja' }).click();

    // Step 2: what.
    await stepHeading(page, 'Vad söker du?');
    await expect.poll(() => new URL(page.url()).searchParams.get('utkast')).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('checkbox', { name: /Hemtjänst/ }).check();
    await page.getByRole('checkbox', { name: /Trygghetslarm/ }).check();
    // Äldreomsorg offers no LSS insats for a man of 88 under SoL.
    expect(await page.getByRole('checkbox', { name: /Personlig assistans/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'ansökan: what');
    await screenshot(page, 'ansokan-2-vad');
    await next(page);

    // Step 3: in his own words; saved as we type.
    await stepHeading(page, 'Din situation');
    await page.getByLabel('Vad behöver du hjälp med?').fill(NEEDS);
    await page.getByLabel(/Hur klarar du dig i dag/).fill('Han lagar frukost själv men orkar inte handla.');
    await page.getByRole('status').filter({ hasText: /Sparat \d\d:\d\d/ }).waitFor();
    // "Sparat" means saved on the server: the draft there has the words.
    await expect.poll(() => page.evaluate(async () => JSON.stringify(await (await fetch('/api/citizen/drafts?kind=ansokan_bistand')).json()))).toContain('föll i augusti');
    expect(await noSideScroll(page)).toBeLessThanOrEqual(1);
    await expectNoAxeViolations(page, 'ansökan: situation');
    await screenshot(page, 'ansokan-3-situation');

    // Reload midway, then continue from the list of my drafts.
    await page.reload();
    await page.goto('/medborgare/ansokan/bistand');
    await page.getByRole('heading', { level: 2, name: 'Fortsätt där du slutade' }).waitFor();
    await expectNoAxeViolations(page, 'ansökan: my drafts');
    await screenshot(page, 'ansokan-0-utkast');
    await page.getByRole('button', { name: 'Fortsätt ansökan för Gösta Lund' }).first().click();
    await stepHeading(page, 'Din situation');
    expect(await page.getByLabel('Vad behöver du hjälp med?').inputValue()).toBe(NEEDS);
    await next(page);

    // Step 4: contact. Telefon without a number is refused with the summary linking to the field.
    await stepHeading(page, 'Hur vill du bli kontaktad?');
    await page.getByRole('radio', { name: 'Telefon' }).check();
    await next(page);
    const summary = page.getByRole('alert').filter({ hasText: 'Något behöver rättas' });
    await summary.waitFor();
    await expectNoAxeViolations(page, 'ansökan: contact, with an error');
    await screenshot(page, 'ansokan-4-kontakt-fel');
    await summary.getByRole('link', { name: /telefonnummer/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-phone');
    await page.keyboard.type('070-123 45 67');
    await next(page);

    // Step 5: review and send.
    await stepHeading(page, 'Granska och skicka');
    const review = await page.locator('.es-review').innerText();
    expect(review).toContain('Hemtjänst, Trygghetslarm');
    expect(review).toContain(NEEDS);
    expect(review).toContain('070-123 45 67');
    await expectNoAxeViolations(page, 'ansökan: review');
    await screenshot(page, 'ansokan-5-granska');
    await page.getByRole('button', { name: 'Skicka ansökan' }).click();

    // The receipt.
    await page.getByRole('heading', { level: 1, name: 'Din ansökan är skickad' }).waitFor();
    const receipt = await page.locator('main').innerText();
    expect(receipt).toMatch(/Ärendenummer\s*\d{4}-[A-Za-zÅÄÖ]+-\d{4}/i);
    expect(receipt).toMatch(/AB-\d{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/);
    expect(receipt).toMatch(/handläggare kontaktar dig/);
    expect(receipt).toMatch(/beslut i ett brev/);
    expect(await noSideScroll(page)).toBeLessThanOrEqual(1);
    await expectNoAxeViolations(page, 'ansökan: receipt');
    await screenshot(page, 'ansokan-6-kvitto');

    // The draft is gone from the list; the case shows under Mina ärenden.
    await page.goto('/medborgare/ansokan/bistand');
    await page.getByRole('heading', { level: 1, name: 'Ansök om stöd i vardagen' }).waitFor();
    await page.getByRole('radio').first().waitFor();
    expect(await page.getByRole('heading', { name: 'Fortsätt där du slutade' }).count()).toBe(0);

    // English is available.
    await page.getByRole('button', { name: /English/i }).or(page.getByRole('link', { name: /English/i })).first().click();
    await page.getByRole('heading', { level: 1, name: 'Apply for support in daily life' }).waitFor();
    await expectNoAxeViolations(page, 'ansökan: start (English)');
    await context.close();
  });
});
