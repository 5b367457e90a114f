// The three journeys of issue 3 in a real Chromium against a real Lots (embedded PostgreSQL, test
// identity provider, built web app): a home-care application to a signed decision letter (with the
// clicks counted), a child-protection report through förhandsbedömning, utredning and beslut, and an
// avslag with an överklagande that is rättidsprövat and passed on to förvaltningsrätten.
// Every page on the way passes axe (WCAG 2.1 AA); the letter is fetched and read as a PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { demoUuid } from '../src/server/dev/demo-data.ts';
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
  try {
    await page.getByRole('status').filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
  } catch (error) {
    await screenshot(page, `failed-waiting-for-${text.source.slice(0, 30).replace(/[^a-zåäö]+/gi, '-')}`);
    throw error;
  }
}

/** A keyboard user: focus moves by the element, actions by Enter and Space, never the mouse. */
const keys = {
  async press(target: Locator, key = 'Enter'): Promise<void> {
    await target.focus();
    await target.page().keyboard.press(key);
  },
  async toggle(target: Locator): Promise<void> {
    await keys.press(target, 'Space');
  },
  /** A closed select takes the option by arrow keys; selectOption on the focused list does the same. */
  async choose(target: Locator, label: string): Promise<void> {
    await target.focus();
    await target.selectOption({ label });
  },
};

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

  it('a report about a child goes through skyddsbedömning, förhandsbedömning and utredning to a decision, by keyboard, with the arbetsledare deciding on delegation', async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', 'Ahmed');
    await keys.press(page.getByRole('navigation').getByRole('link', { name: 'Ny aktualisering' }));
    await page.getByLabel('Sök person').fill('Yusuf');
    await keys.press(page.getByRole('button', { name: 'Välj Yusuf Ibrahim' }));
    await keys.choose(page.getByLabel('Område'), 'Barn och unga');
    await keys.toggle(page.getByRole('radio', { name: 'Anmälan' }));
    await keys.choose(page.getByLabel('Anmälarens roll'), 'Skola');
    await page.getByLabel(/^Namn/).fill('Anna Berg');
    await page.getByLabel(/^Organisation/).fill('Åsens skola');
    await page.getByLabel('Beskrivning').fill('Yusuf har kommit till skolan hungrig flera dagar i rad och berättar att han är ensam hemma på kvällarna.');
    await expectNoAxeViolations(page, 'new report');
    await screenshot(page, 'journey-child-new');
    await keys.press(page.getByRole('button', { name: 'Registrera' }));
    await page.waitForURL(/\/handlaggare\/arende\//);

    // skyddsbedömning the same day (20 kap. 1 § SoL); the case page says it is missing until then
    const next = page.getByRole('region', { name: 'Nästa steg' });
    await keys.toggle(page.getByRole('radio', { name: 'Nej, inget akut skyddsbehov' }));
    await next.getByRole('textbox', { name: 'Skyddsbedömning' }).fill('Yusuf är i skolan och har mat för dagen. Inga uppgifter om våld. Inget akut skyddsbehov.');
    await keys.press(next.getByRole('button', { name: 'Registrera skyddsbedömning' }));
    await status(page, /Skyddsbedömningen är registrerad/);
    await expectNoAxeViolations(page, 'after skyddsbedömning');
    await next.screenshot({ path: '.tmp/screens/journey-child-next.png' });

    // förhandsbedömning ends in the decision to open an investigation (20 kap. 2 §)
    await keys.press(next.getByRole('button', { name: 'Inled förhandsbedömning' }));
    await status(page, /Förhandsbedömningen är inledd/);
    await keys.press(next.getByRole('button', { name: 'Besluta att inleda utredning' }));
    await page.getByLabel('Motivering till bedömningen').fill('Uppgifterna om att Yusuf ofta lämnas ensam behöver utredas.');
    await keys.press(page.getByRole('button', { name: 'Besluta att inleda utredning' }).last());
    await status(page, /Utredningen pågår/);

    // BBIC's triangle and the child's own view
    await page.getByLabel('Barnets behov och utveckling').fill('Yusuf går i årskurs 2 och trivs i skolan.');
    await page.getByLabel('Föräldrarnas förmåga').fill('Mamman arbetar kvällar och saknar nätverk.');
    await page.getByLabel('Familj och miljö').fill('Familjen bor i lägenhet; mormor bor i en annan stad.');
    await page.getByLabel('Analys och bedömning').fill('Yusuf behöver en trygg vuxen på kvällarna två gånger i veckan.');
    await page.getByLabel('Barnets egen syn').fill('Yusuf säger att han vill ha någon att vara hos när mamma jobbar.');
    await page.getByText(/Sparat \d\d:\d\d/).first().waitFor();

    const decisions = page.getByRole('region', { name: 'Beslut', exact: true });
    await keys.choose(decisions.getByLabel('Insats', { exact: true }), 'Kontaktfamilj (11 kap. 1 § SoL)');
    await keys.toggle(decisions.getByRole('radio', { name: /^Bifall/ }));
    await decisions.getByLabel('Omfattning').fill('4 dygn per månad');
    await decisions.getByLabel('Motivering').fill('Yusuf behöver en trygg vuxen när hans mamma arbetar kvällar. Du beviljas därför kontaktfamilj.');
    await keys.press(decisions.getByRole('button', { name: 'Spara beslutsförslag' }));
    await status(page, /Beslutsförslaget är sparat/);
    // kontaktfamilj is delegated to the arbetsledare, so the handläggare proposes
    await keys.press(decisions.getByRole('button', { name: 'Skicka förslag till arbetsledaren' }));
    await status(page, /Förslaget är skickat till arbetsledaren/);
    await expectNoAxeViolations(page, 'proposal sent');
    await screenshot(page, 'journey-child-proposed');
    const caseUrl = page.url();
    await context.close();

    const lead = await newPage(browser);
    await loginAs(lead.page, 'personal', 'Lina');
    await keys.press(lead.page.getByRole('navigation').getByRole('link', { name: 'Översikt' }));
    const proposals = lead.page.getByRole('region', { name: 'Beslutsförslag att ta ställning till' });
    await keys.press(proposals.getByRole('link', { name: /Yusuf Ibrahim|Orosanmälan|Anmälan/ }).first());
    await lead.page.waitForURL(caseUrl);
    await keys.press(lead.page.getByRole('button', { name: 'Fatta beslut och skapa beslutsbrev' }));
    await status(lead.page, /Beslutet är fattat och beslutsbrevet är skapat/);
    expect(await lead.page.getByRole('region', { name: 'Beslut', exact: true }).innerText()).toMatch(/Beslutat .* av Lina .* på delegation/);
    await expectNoAxeViolations(lead.page, 'decided by arbetsledare');
    await screenshot(lead.page, 'journey-child-decided');
    await lead.context.close();
  });

  it('an avslag is communicated first, decided by the arbetsledare, delivered, appealed in time and passed to förvaltningsrätten', async () => {
    const caseId = demoUuid('1:case:vera:Ansökan om särskilt boende');
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', 'Karin');
    await page.goto(`/handlaggare/arende/${caseId}`);
    const decisions = page.getByRole('region', { name: 'Beslut', exact: true });
    await decisions.waitFor();
    await page.getByLabel('Bedömning').fill('Vera klarar sin vardag i ordinärt boende med hemtjänst och trygghetslarm; behovet kan tillgodoses där.');
    await page.getByText(/Sparat \d\d:\d\d/).first().waitFor();

    await keys.toggle(decisions.getByRole('radio', { name: /^Avslag/ }));
    await decisions.getByLabel('Motivering').fill('Du har ansökt om särskilt boende. Utredningen visar att dina behov kan tillgodoses i ditt hem med hemtjänst och trygghetslarm. Du har därför inte rätt till särskilt boende.');
    await keys.press(decisions.getByRole('button', { name: 'Spara beslutsförslag' }));
    await status(page, /Beslutsförslaget är sparat/);

    // an avslag goes against Vera: the investigation is communicated first (25 § FL)
    expect(await decisions.innerText()).toMatch(/Beslut kan inte fattas ännu/);
    const next = page.getByRole('region', { name: 'Nästa steg' });
    await keys.press(next.getByRole('button', { name: 'Kommunicera underlaget' }));
    await keys.press(next.getByRole('button', { name: 'Kommunicera underlaget' }).last());
    await status(page, /Kommuniceringen är registrerad/);
    // inside the reply period the decision is refused with its reason
    expect(await decisions.innerText()).toMatch(/Beslut kan inte fattas ännu[\s\S]*25 § FL/);
    await expectNoAxeViolations(page, 'inside the reply period');
    await screenshot(page, 'journey-avslag-kommunicering');
    await decisions.screenshot({ path: '.tmp/screens/journey-avslag-blocked.png' });
    const komm = page.getByRole('region', { name: 'Kommunicering' });
    await keys.press(komm.getByRole('button', { name: 'Registrera att svar kommit in' }));
    await status(page, /Svaret är registrerat/);

    // särskilt boende avslag is delegated to the enhetschef: Karin proposes
    await keys.press(decisions.getByRole('button', { name: 'Skicka förslag till arbetsledaren' }));
    await status(page, /Förslaget är skickat till arbetsledaren/);
    await context.close();

    const lead = await newPage(browser);
    const p = lead.page;
    await loginAs(p, 'personal', 'Johan');
    await p.goto(`/handlaggare/arende/${caseId}`);
    await keys.press(p.getByRole('button', { name: 'Fatta beslut och skapa beslutsbrev' }));
    await status(p, /Beslutet är fattat och beslutsbrevet är skapat/);

    // the letter: a PDF that reads like a letter, with how to appeal and by when
    const letters = p.getByRole('region', { name: 'Beslutsbrev' });
    const href = await letters.getByRole('link', { name: /Öppna PDF/ }).getAttribute('href');
    const pdf = await p.request.get(href!);
    expect(pdf.status()).toBe(200);
    const dir = '.tmp/letters';
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/journey-avslag.pdf`, await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', `${dir}/journey-avslag.pdf`, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Vera Lindström/);
    expect(text).toMatch(/Avslag|avslå/i);
    expect(text).toMatch(/Så överklagar du beslutet/);
    expect(text).toMatch(/tre veckor/);
    execFileSync('pdftoppm', ['-png', '-r', '80', `${dir}/journey-avslag.pdf`, `${dir}/journey-avslag`]);

    // delgivning today; the överklagande comes in today, in time, and is passed to the court
    await keys.press(letters.getByRole('button', { name: 'Registrera delgivning' }));
    await status(p, /Delgivningen är registrerad/);
    expect(await letters.innerText()).toMatch(/Sista dag att överklaga/i);
    const appeals = p.getByRole('region', { name: 'Överklagande' });
    await keys.press(appeals.getByRole('button', { name: 'Registrera överklagande' }));
    await keys.press(appeals.getByRole('button', { name: 'Registrera överklagande' }).last());
    await status(p, /Överklagandet är registrerat och rättidsprövat/);
    expect(await appeals.innerText()).toMatch(/Kom in i rätt tid/);
    await keys.press(appeals.getByRole('button', { name: 'Överlämna till förvaltningsrätten' }));
    await appeals.getByLabel('Domstol').fill('Förvaltningsrätten i Göteborg');
    await keys.press(appeals.getByRole('button', { name: 'Överlämna till förvaltningsrätten' }).last());
    await status(p, /Överklagandet är överlämnat till förvaltningsrätten/);
    expect(await appeals.innerText()).toMatch(/Överlämnat till Förvaltningsrätten i Göteborg/);
    await expectNoAxeViolations(p, 'appeal forwarded');
    await screenshot(p, 'journey-avslag-appeal');
    await appeals.screenshot({ path: '.tmp/screens/journey-avslag-appeal-section.png' });
    await p.getByRole('region', { name: 'Beslutsbrev' }).screenshot({ path: '.tmp/screens/journey-avslag-letters-section.png' });
    await lead.context.close();
  });

  it('the arbetsledare sees caseload and deadlines at risk, assigns from the inbox, and a handläggare takes a case', async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', 'Lina');
    await keys.press(page.getByRole('navigation').getByRole('link', { name: 'Översikt' }));
    const load = page.getByRole('region', { name: 'Arbetsbelastning' });
    await load.getByRole('table').waitFor();
    expect(await load.innerText()).toMatch(/Ahmed Hassan/);
    expect(await page.getByRole('region', { name: 'Frister i fara' }).innerText()).toMatch(/\d{4}-BoU-\d{4}/);
    await expectNoAxeViolations(page, 'dashboard');
    await screenshot(page, 'journey-dashboard');

    await keys.press(page.getByRole('link', { name: 'Till inkorgen' }));
    await page.waitForURL(/\/handlaggare\/inkorg$/);
    const inbox = page.getByRole('table', { name: /Nya ärenden i enheten/ });
    await inbox.waitFor();
    expect(await inbox.innerText()).toMatch(/Ella Gustafsson/);
    await expectNoAxeViolations(page, 'inbox');
    await screenshot(page, 'journey-inbox');
    await keys.press(inbox.getByRole('row').filter({ hasText: 'Ella Gustafsson' }).getByRole('link', { name: /^\d{4}-BoU-\d{4}$/ }));
    await page.waitForURL(/\/handlaggare\/arende\//);
    await keys.press(page.getByRole('button', { name: 'Tilldela', exact: true }));
    const to = page.getByLabel('Tilldela till');
    await to.locator('option', { hasText: 'Ahmed Hassan' }).waitFor({ state: 'attached' });
    await to.focus();
    await to.selectOption({ label: (await to.locator('option', { hasText: 'Ahmed Hassan' }).innerText()).trim() });
    await keys.press(page.getByRole('button', { name: 'Tilldela ärendet' }));
    await status(page, /Ärendet är tilldelat Ahmed Hassan/);
    await context.close();

    const worker = await newPage(browser);
    await loginAs(worker.page, 'personal', 'Ahmed');
    await keys.press(worker.page.getByRole('navigation').getByRole('link', { name: 'Inkorg' }));
    const row = worker.page.getByRole('row').filter({ hasText: 'Maja Eriksson' });
    await keys.press(row.getByRole('button', { name: /^Ta ärende/ }));
    await expect.poll(() => worker.page.getByRole('row').filter({ hasText: 'Maja Eriksson' }).count()).toBe(0);
    await keys.press(worker.page.getByRole('navigation').getByRole('link', { name: 'Mina ärenden' }));
    await worker.page.getByRole('heading', { level: 1, name: 'Mina ärenden' }).waitFor();
    const mine = worker.page.getByRole('table');
    await mine.waitFor();
    await expect.poll(() => mine.innerText()).toMatch(/Maja Eriksson/);
    expect(await mine.innerText()).toMatch(/Ella Gustafsson/);
    await expectNoAxeViolations(worker.page, 'my cases');
    await screenshot(worker.page, 'journey-my-cases');
    await worker.context.close();
  });
});
