// The journal on the case page, in Debian's Chromium: one click (or Alt+J) opens the editor,
// nothing typed is lost when the tab closes before the autosave fires or the network is gone,
// signing makes the entry part of the journal, and a correction shows next to the original.
// axe (WCAG 2.1 A/AA) on each state, screenshots in .tmp/screens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoUuid } from '../src/server/dev/demo-data.ts';
import type { CaseJournal } from '../src/shared/journal-api.ts';
import { expectNoAxeViolations, launch, loginAs, newPage, screenshot } from './browser.ts';

// Margit's application for särskilt boende, handled by Eva in Biståndsenheten äldreomsorg.
const caseId = demoUuid('1:case:margit:Ansökan om särskilt boende');
const casePath = `/handlaggare/arende/${caseId}`;

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function openCase(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(casePath);
  await page.getByRole('heading', { name: 'Journal', level: 2, exact: true }).waitFor();
  // the journal has loaded: either the new-entry button, or the editor with restored text
  await page.getByRole('button', { name: /Ny journalanteckning/ }).or(editor(page)).first().waitFor();
  return page;
}

function editor(page: Page) {
  return page.getByRole('dialog', { name: /journalanteckning|rättelse/i });
}
const serverJournal = async (context: BrowserContext) =>
  (await (await context.request.get(`/api/staff/cases/${caseId}/journal`)).json()) as CaseJournal;

describe('journal on the case page', () => {
  it('keeps the text when the tab closes before the autosave, then signs it', async () => {
    const { context, page: login } = await newPage(browser);
    await loginAs(login, 'personal', 'Eva Lindqvist');
    await login.close();

    // One click opens the editor; the shortcut is announced on the button.
    let page = await openCase(context);
    const button = page.getByRole('button', { name: /Ny journalanteckning/ });
    expect(await button.getAttribute('aria-keyshortcuts')).toBe('Alt+J');
    await button.click();
    await editor(page).waitFor();
    const title = 'Hembesök hos Margit';
    const body = 'Margit visade lägenheten. Hon har svårt med trapporna och vill flytta till särskilt boende. Dottern deltog.';
    await page.keyboard.type(title); // focus starts in the heading field
    await editor(page).getByLabel('Anteckning', { exact: true }).click();
    await page.keyboard.type(body);
    // Close the tab at once, well before the ~800 ms autosave would fire.
    await page.close();

    page = await openCase(context);
    await editor(page).waitFor();
    const textarea = editor(page).getByLabel('Anteckning', { exact: true });
    await expect.poll(() => textarea.inputValue()).toBe(body);
    expect(await editor(page).getByLabel('Rubrik').inputValue()).toBe(title);
    await expect.poll(() => editor(page).getByRole('status').innerText(), { timeout: 10_000 }).toMatch(/Sparat \d\d:\d\d/);
    const saved = await serverJournal(context);
    expect(saved.drafts.find((d) => d.title === title)?.body).toBe(body);
    await expectNoAxeViolations(page, 'journal editor');
    await screenshot(page, 'journal-editor');

    // Sign, with a confirm step.
    await editor(page).getByRole('button', { name: 'Signera' }).click();
    await editor(page).getByRole('heading', { name: 'Signera anteckningen?' }).waitFor();
    await editor(page).getByRole('button', { name: 'Ja, signera' }).click();
    await editor(page).waitFor({ state: 'detached' });
    const entry = page.getByRole('article', { name: title, exact: true });
    await entry.waitFor();
    expect(await entry.innerText()).toContain(body);
    expect(await entry.innerText()).toMatch(/Signerad av Eva Lindqvist/);
    const after = await serverJournal(context);
    expect(after.drafts.some((d) => d.title === title)).toBe(false);
    expect(after.entries.find((e) => e.title === title)?.signedBy.name).toBe('Eva Lindqvist');
    await expectNoAxeViolations(page, 'journal with a signed entry');

    // "Rätta" opens a draft linked to the signed entry; both stay visible.
    await entry.getByRole('button', { name: /Rätta/ }).click();
    await editor(page).getByText(/Du rättar anteckningen från/).waitFor();
    await editor(page).getByLabel('Anteckning', { exact: true }).fill('Rättelse: det var sonen, inte dottern, som deltog.');
    await expect.poll(() => editor(page).getByRole('status').innerText(), { timeout: 10_000 }).toMatch(/Sparat/);
    await editor(page).getByRole('button', { name: 'Signera' }).click();
    await editor(page).getByRole('button', { name: 'Ja, signera' }).click();
    await editor(page).waitFor({ state: 'detached' });
    await expect.poll(() => entry.innerText()).toMatch(/Rättad av anteckning/);
    const correction = page.getByRole('article', { name: `Rättelse: ${title}` });
    expect(await correction.innerText()).toMatch(/Rättar anteckning från/);
    expect(await entry.innerText()).toContain(body); // the original text is unchanged
    await expectNoAxeViolations(page, 'journal with a correction');
    await screenshot(page, 'journal-signed-and-corrected');
    await context.close();
  });

  it('keeps what was typed without a network, and saves it when the case is opened again', async () => {
    const { context, page: login } = await newPage(browser);
    await loginAs(login, 'personal', 'Eva Lindqvist');
    await login.close();

    let page = await openCase(context);
    await page.keyboard.press('Alt+J'); // the shortcut works from anywhere on the page
    await editor(page).waitFor();
    await context.setOffline(true);
    const body = 'Telefonsamtal med Margits son om besök på boendet. Skrivet utan nätverk.';
    await editor(page).getByLabel('Anteckning', { exact: true }).click();
    await page.keyboard.type(body);
    await expect.poll(() => editor(page).innerText(), { timeout: 10_000 }).toMatch(/Inte sparat i Lots ännu/);
    await page.close();
    await context.setOffline(false);
    expect((await serverJournal(context)).drafts.some((d) => d.body === body)).toBe(false);

    page = await openCase(context);
    await editor(page).waitFor();
    await expect.poll(() => editor(page).getByLabel('Anteckning', { exact: true }).inputValue()).toBe(body);
    await expect.poll(async () => (await serverJournal(context)).drafts.some((d) => d.body === body), { timeout: 10_000 }).toBe(true);

    // Closing the editor keeps the draft under "Mina utkast", ready to continue.
    await editor(page).getByRole('button', { name: 'Stäng' }).click();
    await editor(page).waitFor({ state: 'detached' });
    const cont = page.getByRole('button', { name: /Fortsätt skriva/ }).first();
    await cont.waitFor();
    await expectNoAxeViolations(page, 'journal with my drafts');
    await screenshot(page, 'journal-drafts');
    await cont.click();
    await expect.poll(() => editor(page).getByLabel('Anteckning', { exact: true }).inputValue()).toBe(body);
    await editor(page).getByRole('button', { name: 'Ta bort utkast' }).click();
    await editor(page).getByRole('button', { name: 'Ja, ta bort' }).click();
    await editor(page).waitFor({ state: 'detached' });
    expect((await serverJournal(context)).drafts.some((d) => d.body === body)).toBe(false);
    await context.close();
  });
});

describe('journal when the session ends or another tab saves', () => {
  it('keeps the text on a 401 and saves it after logging in again in another tab', async () => {
    const { context, page: login } = await newPage(browser);
    await loginAs(login, 'personal', 'Eva Lindqvist');
    await login.close();
    const page = await openCase(context);
    await page.getByRole('button', { name: /Ny journalanteckning/ }).click();
    await editor(page).getByLabel('Anteckning', { exact: true }).fill('Första raden.');
    await expect.poll(() => editor(page).getByRole('status').innerText(), { timeout: 10_000 }).toMatch(/Sparat/);

    // The session ends (timeout, logged out elsewhere): the next autosave answers 401.
    await context.clearCookies();
    const body = 'Första raden. Andra raden, skriven efter att sessionen gått ut.';
    await editor(page).getByLabel('Anteckning', { exact: true }).fill(body);
    await expect.poll(() => editor(page).innerText(), { timeout: 10_000 }).toMatch(/Du har blivit utloggad/);
    expect(await editor(page).getByLabel('Anteckning', { exact: true }).inputValue()).toBe(body);
    expect(await editor(page).getByRole('link', { name: /Logga in igen/ }).getAttribute('target')).toBe('_blank');
    await expectNoAxeViolations(page, 'journal editor logged out');
    await screenshot(page, 'journal-logged-out');

    const other = await context.newPage();
    await loginAs(other, 'personal', 'Eva Lindqvist');
    await other.close();
    await editor(page).getByRole('button', { name: 'Spara nu' }).click();
    await expect.poll(() => editor(page).getByRole('status').innerText(), { timeout: 10_000 }).toMatch(/Sparat/);
    await expect.poll(async () => (await serverJournal(context)).drafts.some((d) => d.body === body)).toBe(true);
    await editor(page).getByRole('button', { name: 'Ta bort utkast' }).click();
    await editor(page).getByRole('button', { name: 'Ja, ta bort' }).click();
    await editor(page).waitFor({ state: 'detached' });
    await context.close();
  });

  it('shows both texts when another tab saved meanwhile, and keeps mine on request', async () => {
    const { context, page: login } = await newPage(browser);
    await loginAs(login, 'personal', 'Eva Lindqvist');
    await login.close();
    const a = await openCase(context);
    await a.getByRole('button', { name: /Ny journalanteckning/ }).click();
    await editor(a).getByLabel('Rubrik').fill('Möte med boendet');
    await expect.poll(() => editor(a).getByRole('status').innerText(), { timeout: 10_000 }).toMatch(/Sparat/);

    // Another tab continues the same draft and saves.
    const b = await openCase(context);
    if (!(await editor(b).count())) await b.getByRole('button', { name: /Fortsätt skriva: Möte med boendet/ }).click();
    await editor(b).getByLabel('Anteckning', { exact: true }).fill('Text från flik B.');
    await expect.poll(() => editor(b).getByRole('status').innerText(), { timeout: 10_000 }).toMatch(/Sparat/);

    // The first tab types on: its save meets a newer version.
    await editor(a).getByLabel('Anteckning', { exact: true }).fill('Text från flik A.');
    await editor(a).getByText(/sparats från ett annat fönster/).waitFor({ timeout: 10_000 });
    expect(await editor(a).getByRole('group').or(editor(a).locator('details')).first().innerText()).toMatch(/Text från flik B/);
    expect(await editor(a).getByLabel('Anteckning', { exact: true }).inputValue()).toBe('Text från flik A.');
    await expectNoAxeViolations(a, 'journal conflict');
    await screenshot(a, 'journal-conflict');
    await editor(a).getByRole('button', { name: 'Behåll min text' }).click();
    await expect.poll(() => editor(a).getByRole('status').innerText(), { timeout: 10_000 }).toMatch(/Sparat/);
    const saved = (await serverJournal(context)).drafts.find((d) => d.title === 'Möte med boendet');
    expect(saved?.body).toBe('Text från flik A.');
    await editor(a).getByRole('button', { name: 'Ta bort utkast' }).click();
    await editor(a).getByRole('button', { name: 'Ja, ta bort' }).click();
    await context.close();
  });
});

describe('timeline on the person page', () => {
  it('lists events with filters as form controls, and passes axe', async () => {
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', 'Eva Lindqvist');
    await page.goto(`/handlaggare/person/${demoUuid('1:person:gosta')}`);
    const timeline = page.getByRole('region', { name: 'Tidslinje' });
    await timeline.waitFor();
    await expect.poll(() => timeline.getByRole('listitem').count()).toBeGreaterThan(1);
    await timeline.getByLabel('Typ av händelse').selectOption({ label: 'Beslut' });
    await expect.poll(async () => (await timeline.getByRole('listitem').allInnerTexts()).every((x) => /Beslut/.test(x))).toBe(true);
    const link = timeline.getByRole('link', { name: /Ärende / }).first();
    expect(await link.getAttribute('href')).toMatch(/^\/handlaggare\/arende\//);
    await expectNoAxeViolations(page, 'person timeline');
    await screenshot(page, 'person-timeline');
    await context.close();
  });
});
