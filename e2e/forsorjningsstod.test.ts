// Ansökan om försörjningsstöd (12 kap. 1 § SoL) in Chromium, end to end: Daniel Sundberg applies on
// his phone for this month with his sambo Linda as co-applicant and a hyresavi attached; Linda logs
// in with her own Test-BankID and confirms; Peter (ekonomiskt bistånd) finds the case in the inbox
// with every figure in place, takes it, opens the investigation and decides (bifall with an
// amount); Daniel reads the decision and its motivation under Mina ärenden. Axe on every citizen
// page; a screenshot of each page in .tmp/screens/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launch, loginAs, newPage, screenshot } from './browser.ts';
import { dateInSweden } from '../src/domain/deadlines.ts';
import { monthLabel } from '../src/domain/forsorjningsstod-application.ts';
import { buildDemoData, demoLoginDirectory } from '../src/server/dev/demo-data.ts';

const PHONE = { width: 390, height: 844 };
const MONTH = dateInSweden().slice(0, 7);
const MONTH_LABEL = monthLabel(MONTH);
const LINDA_PNR = demoLoginDirectory(buildDemoData(dateInSweden())).citizens.find((c) => c.name === 'Linda Sundberg')!.personnummer;
const MOTIVATION = 'Hushållets inkomster räcker inte till riksnormen och de skäliga kostnaderna för boende och el. Ni beviljas därför försörjningsstöd för månaden.';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const next = (page: Page) => page.getByRole('button', { name: 'Nästa', exact: true }).click();
const stepHeading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
async function checkPage(page: Page, label: string, shot: string) {
  expect(await noSideScroll(page), `${label}: no sideways scroll`).toBeLessThanOrEqual(1);
  await expectNoAxeViolations(page, label);
  await screenshot(page, shot);
}

describe('ansökan om försörjningsstöd with a co-applicant, to a decision', () => {
  let caseNumber = '';

  it('Daniel applies on his phone with Linda as co-applicant and a hyresavi', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await loginAs(page, 'medborgare', 'Daniel Sundberg');
    await page.goto('/medborgare/ansokan/forsorjningsstod');
    await page.getByRole('heading', { level: 1, name: 'Ansök om försörjningsstöd' }).waitFor();
    expect(await page.title()).toMatch(/Ansök om försörjningsstöd/);

    // Month: starting without one gives the error summary, which takes focus.
    await page.getByRole('button', { name: 'Börja', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Välj vilken månad du söker för' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toMatch(/es-error-summary/);
    await checkPage(page, 'försörjningsstöd: month, with an error', 'fs-1-manad-fel');
    await page.getByRole('radio', { name: MONTH_LABEL }).check();
    await page.getByRole('button', { name: 'Börja', exact: true }).click();

    // Household: sambo Linda and a child every other week.
    await stepHeading(page, 'Hushåll');
    await expect.poll(() => new URL(page.url()).searchParams.get('utkast')).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('group', { name: /gift, registrerad partner eller sambo/ }).getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('radio', { name: 'Sambo' }).check();
    await page.getByLabel('Personnummer till din make, maka, partner eller sambo').fill(`${LINDA_PNR.slice(0, 8)}-${LINDA_PNR.slice(8)}`);
    await page.getByRole('button', { name: 'Lägg till ett barn' }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id)).toBe('f-household-children-0-firstName');
    await page.keyboard.type('Alva');
    await page.getByLabel('Ålder i hela år').fill('7');
    await page.getByRole('radio', { name: 'Varannan vecka' }).check();
    await page.getByRole('status').filter({ hasText: /Sparat \d\d:\d\d/ }).waitFor();
    await checkPage(page, 'försörjningsstöd: household', 'fs-2-hushall');
    await next(page);

    // Incomes: a missing amount is caught and linked to its field.
    await stepHeading(page, 'Inkomster');
    const mine = page.getByRole('group', { name: 'Dina inkomster' });
    const hers = page.getByRole('group', { name: 'Inkomster för din make, maka, partner eller sambo' });
    await mine.getByRole('checkbox', { name: 'Ersättning från a-kassan' }).check();
    await mine.getByLabel('Ersättning från a-kassan, kronor').fill('9 800');
    await hers.getByRole('checkbox', { name: 'Lön' }).check();
    await next(page);
    const summary = page.getByRole('alert').filter({ hasText: 'Något behöver rättas' });
    await summary.waitFor();
    await checkPage(page, 'försörjningsstöd: incomes, with an error', 'fs-3-inkomster-fel');
    await summary.getByRole('link', { name: /din make, maka eller sambo får i lön/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^f-incomes-\d-amount$/);
    await page.keyboard.type('6450');
    await expect.poll(() => page.locator('.fs-sum--total').innerText()).toMatch(/16\s250\skr/);
    await checkPage(page, 'försörjningsstöd: incomes', 'fs-3-inkomster');
    await next(page);

    // Costs.
    await stepHeading(page, 'Utgifter');
    await page.getByRole('checkbox', { name: 'Hyra eller boendekostnad' }).check();
    await page.getByLabel('Hyra eller boendekostnad, kronor').fill('8 900');
    await page.getByRole('checkbox', { name: 'Hushållsel' }).check();
    await page.getByLabel('Hushållsel, kronor').fill('450');
    await checkPage(page, 'försörjningsstöd: costs', 'fs-4-utgifter');
    await next(page);

    // Assets.
    await stepHeading(page, 'Tillgångar');
    await page.getByRole('group', { name: /pengar på bankkonton/ }).getByRole('radio', { name: 'Ja' }).check();
    await page.getByLabel('Vilka konton, och hur mycket pengar finns på dem?').fill('Lönekonto, 1 200 kr');
    await page.getByRole('group', { name: /bil, motorcykel eller båt/ }).getByRole('radio', { name: 'Nej' }).check();
    await page.getByRole('group', { name: /något annat av värde/ }).getByRole('radio', { name: 'Nej' }).check();
    await checkPage(page, 'försörjningsstöd: assets', 'fs-5-tillgangar');
    await next(page);

    // Attachments.
    await stepHeading(page, 'Bilagor');
    await page.getByLabel('Vad visar filen?').selectOption({ label: 'Hyresavi eller hyreskontrakt' });
    await page.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'hyresavi.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Lägg till bilagan' }).click();
    await page.getByRole('status').filter({ hasText: 'hyresavi.pdf är tillagd.' }).waitFor();
    await page.getByRole('link', { name: 'Öppna hyresavi.pdf' }).waitFor();
    await checkPage(page, 'försörjningsstöd: attachments', 'fs-6-bilagor');

    // Reload midway: everything is on the server and the application opens where we were.
    await page.reload();
    await stepHeading(page, 'Bilagor');
    await page.getByRole('link', { name: 'Öppna hyresavi.pdf' }).waitFor();
    await next(page);

    // Review and send to Linda.
    await stepHeading(page, 'Granska och skicka');
    const review = await page.locator('.fs-summary').innerText();
    expect(review).toMatch(/Summa inkomster\s+16\s250\skr/);
    expect(review).toMatch(/Summa utgifter\s+9\s350\skr/);
    expect(review).toContain('Alva');
    expect(review).toContain('hyresavi.pdf');
    await checkPage(page, 'försörjningsstöd: review', 'fs-7-granska');
    await page.getByRole('button', { name: 'Skicka till medsökande för bekräftelse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Väntar på att Linda Sundberg bekräftar' }).waitFor();
    await checkPage(page, 'försörjningsstöd: waiting for the co-applicant', 'fs-8-vantar');
    await context.close();
  });

  it('Linda logs in with her own e-ID, reads it all and confirms', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await loginAs(page, 'medborgare', 'Linda Sundberg');
    await page.goto('/medborgare/ansokan/forsorjningsstod');
    const waiting = page.getByRole('region', { name: 'Väntar på att du bekräftar' });
    await waiting.waitFor();
    await checkPage(page, 'försörjningsstöd: awaiting my confirmation', 'fs-9-att-bekrafta');
    await waiting.getByRole('link', { name: `Läs och bekräfta ansökan från Daniel Sundberg för ${MONTH_LABEL}` }).click();

    await page.getByRole('heading', { level: 1, name: 'Bekräfta ansökan om försörjningsstöd' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain(`Daniel Sundberg har sökt försörjningsstöd för ${MONTH_LABEL} och angett dig som sambo`);
    expect(text).toMatch(/Lön\s+6\s450\skr/);
    expect(text).toContain('hyresavi.pdf');
    // The attachment opens for her too.
    const href = await page.getByRole('link', { name: 'Öppna hyresavi.pdf' }).getAttribute('href');
    const file = await page.request.get(href!);
    expect(file.status()).toBe(200);
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByRole('button', { name: 'Nej, något stämmer inte' }).click();
    await page.getByLabel('Vad stämmer inte?').waitFor();
    await checkPage(page, 'försörjningsstöd: confirm (decline open)', 'fs-10-bekrafta');
    await page.getByRole('button', { name: 'Nej, något stämmer inte' }).click();

    await page.getByRole('button', { name: 'Ja, jag bekräftar ansökan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Din ansökan är skickad' }).waitFor();
    const receipt = await page.locator('main').innerText();
    expect(receipt).toContain('Ansökan är bekräftad och skickad till kommunen.');
    expect(receipt).toMatch(/FS-\d{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/);
    caseNumber = /Ärendenummer\s*(\d{4}-[A-ZÅÄÖ]+-\d{4})/i.exec(receipt)![1]!;
    await checkPage(page, 'försörjningsstöd: confirmed, receipt', 'fs-11-kvitto');
    await context.close();
  });

  it('Peter finds the case in the inbox with every figure, and decides', async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', 'Peter');
    await page.goto('/handlaggare/inkorg');
    await page.getByRole('link', { name: new RegExp(caseNumber) }).or(page.getByRole('link', { name: /Ansökan om försörjningsstöd .* \(med medsökande\)/ })).first().click();
    await page.waitForURL(/\/handlaggare\/arende\//);
    const section = page.getByRole('region', { name: 'Ansökan om försörjningsstöd' });
    await section.waitFor();
    const figures = await section.innerText();
    expect(figures).toContain('Linda Sundberg (sambo)');
    expect(figures).toMatch(/Summa inkomster\s+16\s250\skr/);
    expect(figures).toMatch(/Hyra eller boendekostnad\s+8\s900\skr/);
    expect(figures).toMatch(/Alva\s+7 år\s+varannan vecka/);
    expect(figures).toMatch(/Pengar på bankkonton\s+Ja: Lönekonto, 1 200 kr/i);
    const fileHref = await section.getByRole('link', { name: 'hyresavi.pdf' }).getAttribute('href');
    expect((await page.request.get(fileHref!)).status()).toBe(200);
    await expectNoAxeViolations(page, 'case page with the application');
    await section.screenshot({ path: '.tmp/screens/fs-12-handlaggare-ansokan.png' });
    await screenshot(page, 'fs-12-handlaggare-arende');

    await page.getByRole('button', { name: 'Ta ärendet' }).click();
    await page.getByRole('button', { name: 'Inled utredning' }).click();
    const decisions = page.getByRole('region', { name: 'Beslut', exact: true });
    await decisions.waitFor();
    expect(await decisions.getByLabel('Insats', { exact: true }).locator('option:checked').innerText()).toMatch(/^Försörjningsstöd .*\(ansökt\)$/);
    await decisions.getByRole('radio', { name: /^Bifall/ }).check();
    await decisions.getByLabel('Belopp (kronor)').fill('4500');
    await decisions.getByLabel('Motivering').fill(MOTIVATION);
    await decisions.getByRole('button', { name: 'Spara beslutsförslag' }).click();
    await page.getByRole('status').filter({ hasText: /Beslutsförslaget är sparat/ }).first().waitFor();
    await page.getByRole('button', { name: 'Fatta beslut och skapa beslutsbrev' }).click();
    await page.getByRole('status').filter({ hasText: /Beslutet är fattat och beslutsbrevet är skapat/ }).first().waitFor();
    await screenshot(page, 'fs-13-beslut');
    await context.close();
  });

  it('Daniel reads the decision and its motivation under Mina ärenden', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await loginAs(page, 'medborgare', 'Daniel Sundberg');
    await page.goto('/medborgare');
    const card = page.getByRole('article').filter({ hasText: caseNumber });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toMatch(/Beslut fattat/i);
    expect(text).toContain(MOTIVATION);
    expect(text).toMatch(/Försörjningsstöd/);
    // The amount granted, in Swedish format (non-breaking spaces in the thousands and before kr).
    expect(text.replace(/\u00a0/g, ' ')).toMatch(/Belopp: 4 500,00 kr|Belopp: 4 500 kr/);
    await expectNoAxeViolations(page, 'Mina ärenden with the decision');
    await screenshot(page, 'fs-14-mina-arenden-beslut');

    // Next month starts from this one.
    await page.goto('/medborgare/ansokan/forsorjningsstod');
    const fromPrevious = page.getByRole('radio', { name: `Börja från förra månadens ansökan (${MONTH_LABEL})` });
    await fromPrevious.waitFor();
    expect(await fromPrevious.isChecked()).toBe(true);
    await checkPage(page, 'försörjningsstöd: start, with a previous application', 'fs-0-start-fran-forra');

    // English is available.
    await page.getByRole('button', { name: /English/i }).or(page.getByRole('link', { name: /English/i })).first().click();
    await page.getByRole('heading', { level: 1, name: 'Apply for income support' }).waitFor();
    await checkPage(page, 'försörjningsstöd: start (English)', 'fs-15-start-en');
    await context.close();
  });
});
