// Meddelanden in Chromium: a message goes both ways. Ingrid Lund (ombud for her father Gösta) chooses
// e-mail notices (confirming the address with the code that reaches the local mail server) and
// writes to the handläggare on her phone; Karin Holm (same unit) sees it on the
// case page with the unread mark, journals it (a draft in the journal) and replies; the notice that
// reaches the local mail server says only that there is a message; Ingrid reads the reply.
// axe (WCAG 2.1 A/AA) on every page; screenshots in .tmp/screens.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoUuid } from '../src/server/dev/demo-data.ts';
import path from 'node:path';
import { SCREENSHOT_DIR, expectNoAxeViolations, launch, loginAs, newPage, screenshot } from './browser.ts';

const PHONE = { width: 390, height: 844 };
const GOSTA_CASE = demoUuid('1:case:gosta:Ansökan om hemtjänst');
const EMAIL = 'ingrid.lund@example.se';
const QUESTION = 'Pappa har ramlat igen i badrummet. Kan hemtjänsten komma oftare på morgonen?';
const TO_PROVIDER = 'Kan ni ringa på dörren två gånger? Jag hör dåligt.';
const FROM_PROVIDER = 'Ja, det gör vi. Hälsningar Anna på Hemtjänsten Centrum.';
const GOSTA_ORDER = demoUuid(`${GOSTA_CASE}:order`);
const ANSWER = 'Tack Ingrid. Jag ringer dig i morgon förmiddag så bokar vi ett hembesök.';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

interface Inbox { running: boolean; mails: Array<{ to: string[]; subject: string; text: string }> }
const inbox = async (): Promise<Inbox> => (await fetch(`${inject('baseUrl')}/dev/notifications`)).json() as Promise<Inbox>;

describe('meddelanden', () => {
  it('a message goes both ways, and the e-mail notice arrives without content', async () => {
    // ---- Ingrid, on her phone: notices by e-mail, then a message about her father's case ----
    const citizen = await newPage(browser, PHONE);
    const page = citizen.page;
    await loginAs(page, 'medborgare', 'Ingrid Lund');
    await page.goto('/medborgare/meddelanden');
    await page.getByRole('heading', { level: 1, name: 'Meddelanden' }).waitFor();
    expect(await page.title()).toBe('Meddelanden – Lots');
    await page.getByRole('heading', { level: 2, name: 'Samtal om Gösta Lund' }).waitFor();
    await expectNoAxeViolations(page, 'meddelanden: overview');
    expect(await noSideScroll(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'meddelanden-1-oversikt');

    const notify = page.getByRole('region', { name: 'Avisering' });
    await notify.getByRole('radio', { name: 'E-post' }).check();
    await notify.getByRole('button', { name: 'Spara' }).click();
    // Without an address: the error is announced and the field takes focus.
    await notify.getByText('Skriv den e-postadress aviseringen ska skickas till.').first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');
    await expectNoAxeViolations(page, 'meddelanden: notice settings with an error');
    await notify.getByLabel('E-postadress').fill(EMAIL);
    await notify.getByRole('button', { name: 'Spara' }).click();
    await notify.getByRole('status').filter({ hasText: `Dina val för avisering är sparade. Vi har skickat en kod till ${EMAIL}.` }).waitFor();
    await expect.poll(async () => notify.getByText(/Du har fått ett nytt meddelande från Demo kommun/).count()).toBe(1);
    // Not confirmed yet: said in words, with the code field (a real label, numeric keyboard, one-time-code).
    await notify.getByText('Aviseringar skickas inte förrän du har skrivit in koden.').waitFor();
    await notify.getByText('Inte bekräftad', { exact: true }).waitFor();
    await notify.getByText(`Vi har skickat en kod till ${EMAIL}. Skriv in den här. Koden gäller i 15 minuter.`).waitFor();
    const codeField = notify.getByLabel('Kod (6 siffror)');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    await expectNoAxeViolations(page, 'meddelanden: the code to confirm the address');
    expect(await noSideScroll(page)).toBeLessThanOrEqual(1);
    await notify.getByRole('heading', { name: 'Bekräfta din e-postadress' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'meddelanden-2-avisering');
    await notify.screenshot({ path: path.join(SCREENSHOT_DIR, 'meddelanden-2b-kod.png') });

    // The code arrives at the local mail server. A wrong one first: told why, in an alert, at the field.
    await expect.poll(async () => (await inbox()).mails.filter((x) => x.to.includes(EMAIL) && x.subject.startsWith('Din kod')).length, { timeout: 15_000 }).toBe(1);
    const codeMail = (await inbox()).mails.find((x) => x.to.includes(EMAIL) && x.subject.startsWith('Din kod'))!;
    const code = /är (\d{6})\./.exec(codeMail.text)![1]!;
    await codeField.fill(code === '000000' ? '111111' : '000000');
    await notify.getByRole('button', { name: 'Bekräfta', exact: true }).click();
    await notify.getByRole('alert').filter({ hasText: 'Koden stämmer inte.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('one-time-code');
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'meddelanden: a wrong code');
    await screenshot(page, 'meddelanden-2c-fel-kod');
    await codeField.fill(code);
    await codeField.press('Enter');
    await notify.getByRole('status').filter({ hasText: 'Klart! Adressen är bekräftad' }).waitFor();
    await notify.getByText('Bekräftad', { exact: true }).waitFor();
    await notify.getByText(`Aviseringar skickas till ${EMAIL}.`).waitFor();
    expect(await notify.getByLabel('Kod (6 siffror)').count()).toBe(0);
    await expectNoAxeViolations(page, 'meddelanden: the address confirmed');
    await screenshot(page, 'meddelanden-2d-bekraftad');

    // Nothing chosen: told what to choose.
    await page.getByRole('button', { name: 'Skicka' }).click();
    await page.getByText('Välj vad meddelandet gäller.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('msg-topic');
    const about = page.getByLabel('Vad gäller meddelandet?');
    const options = await about.locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['Ansökan om hemtjänst – till handläggaren Eva']));
    expect(options.some((o) => /till Hemtjänsten Centrum/.test(o))).toBe(true);
    await about.selectOption({ label: 'Ansökan om hemtjänst – till handläggaren Eva' });
    await page.getByLabel('Meddelande', { exact: true }).fill(QUESTION);
    await page.getByRole('button', { name: 'Skicka' }).click();

    await page.waitForURL(/\/medborgare\/meddelanden\?arende=/);
    await page.getByRole('heading', { level: 1, name: 'Ansökan om hemtjänst' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Meddelandet är skickat.' }).waitFor();
    const mine = page.getByRole('listitem').filter({ hasText: QUESTION });
    await mine.getByText('Inte läst än').waitFor();
    await expectNoAxeViolations(page, 'meddelanden: the conversation after sending');
    expect(await noSideScroll(page)).toBeLessThanOrEqual(1);
    await screenshot(page, 'meddelanden-3-skickat');

    // ---- Karin, on the case page ----
    const staff = await newPage(browser);
    const k = staff.page;
    await loginAs(k, 'personal', 'Karin Holm');
    await k.goto(`/handlaggare/arende/${GOSTA_CASE}`);
    const section = k.getByRole('region', { name: 'Meddelanden med Gösta' });
    await section.waitFor();
    await section.getByText('1 oläst').first().waitFor();
    const incoming = section.getByRole('listitem').filter({ hasText: QUESTION });
    await incoming.getByText('Ingrid Lund (ombud)').waitFor();
    await incoming.getByText('Oläst').waitFor();
    await section.scrollIntoViewIfNeeded();
    await expectNoAxeViolations(k, 'case page: messages');
    await screenshot(k, 'meddelanden-4-arendet');
    await section.screenshot({ path: path.join(SCREENSHOT_DIR, 'meddelanden-4b-sektionen.png') });

    // Journalför: a draft with the message in the journal, to read and sign there.
    await incoming.getByRole('button', { name: /^Journalför meddelandet från Ingrid Lund/ }).click();
    await section.getByRole('status').filter({ hasText: 'Ett utkast med meddelandet finns nu i journalen.' }).waitFor();
    await incoming.getByText('Journalfört som utkast').waitFor();
    await k.locator('.jr-draft').filter({ hasText: 'Meddelande från Ingrid Lund' }).first().waitFor();

    // Reply; the citizen's message is then read.
    await section.getByLabel('Svar till Ingrid Lund').fill(ANSWER);
    await section.getByRole('button', { name: 'Skicka' }).first().click();
    await section.getByRole('status').filter({ hasText: 'Meddelandet är skickat till Ingrid Lund.' }).waitFor();
    const reply = section.getByRole('listitem').filter({ hasText: ANSWER });
    await reply.getByText('Inte läst av Ingrid Lund än').waitFor();
    expect(await section.getByText('1 oläst').count()).toBe(0);
    await expectNoAxeViolations(k, 'case page: after journal and reply');
    await screenshot(k, 'meddelanden-5-svar');
    await section.screenshot({ path: path.join(SCREENSHOT_DIR, 'meddelanden-5b-sektionen.png') });

    // ---- The e-mail notice: it arrived, and it says nothing of what was written ----
    const notices = async () => (await inbox()).mails.filter((x) => x.to.includes(EMAIL) && !x.subject.startsWith('Din kod'));
    await expect.poll(async () => (await notices()).length, { timeout: 15_000 }).toBe(1);
    const mail = (await notices())[0]!;
    expect(mail.subject).toBe('Nytt meddelande från Demo kommun');
    expect(mail.text).toContain('Du har fått ett nytt meddelande från Demo kommun.');
    for (const secret of ['hembesök', 'ringer', 'ramlat', 'Gösta', 'Karin', 'hemtjänst']) {
      expect(`${mail.subject} ${mail.text}`.toLowerCase(), secret).not.toContain(secret.toLowerCase());
    }

    // ---- Ingrid reads the reply ----
    await page.goto('/medborgare/meddelanden');
    await page.getByRole('heading', { level: 2, name: 'Samtal om Gösta Lund' }).waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Ansökan om hemtjänst\s*, 1 nytt meddelande$/ }) });
    await card.waitFor();
    await card.getByText('Med handläggaren Eva').waitFor();
    await screenshot(page, 'meddelanden-6-nytt');
    await card.getByRole('link').click();
    const answer = page.getByRole('listitem').filter({ hasText: ANSWER });
    await answer.getByText('Karin, biståndshandläggare').waitFor();
    await page.getByRole('listitem').filter({ hasText: QUESTION }).getByText('Läst', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'meddelanden: the reply');
    await screenshot(page, 'meddelanden-7-svaret');
    // 200 % zoom of a 1280 px window is 640 CSS px: still no sideways scrolling.
    await page.setViewportSize({ width: 640, height: 800 });
    expect(await noSideScroll(page)).toBeLessThanOrEqual(1);
    // Read: nothing new is left.
    await page.goto('/medborgare/meddelanden');
    await page.getByRole('link', { name: 'Ansökan om hemtjänst', exact: true }).first().waitFor();

    await citizen.context.close();
    await staff.context.close();
  });

  it('Gösta writes to his home-care provider, which journals and answers on the order page', async () => {
    const citizen = await newPage(browser, PHONE);
    const page = citizen.page;
    // (anchored: Ingrid's entry on the test IdP mentions Gösta Lund too)
    await loginAs(page, 'medborgare', '^Gösta Lund');
    await page.goto('/medborgare/meddelanden');
    await page.getByRole('heading', { level: 2, name: 'Dina samtal' }).waitFor();
    const about = page.getByLabel('Vad gäller meddelandet?');
    const option = (await about.locator('option').allTextContents()).find((o) => /till Hemtjänsten Centrum/.test(o))!;
    await about.selectOption({ label: option });
    await page.getByLabel('Meddelande', { exact: true }).fill(TO_PROVIDER);
    await page.getByRole('button', { name: 'Skicka' }).click();
    await page.waitForURL(/\/medborgare\/meddelanden\?bestallning=/);
    await page.getByText('Med Hemtjänsten Centrum (utför insatsen)').waitFor();
    await expectNoAxeViolations(page, 'meddelanden: a conversation with the provider');

    const provider = await newPage(browser);
    const a = provider.page;
    await loginAs(a, 'personal', 'Anna Persson');
    // The provider's inbox lists the order with an unread message, and the menu counts it.
    const unread = a.getByRole('region', { name: 'Olästa meddelanden från medborgare' });
    await unread.getByRole('link', { name: /Gösta Lund, beställning/ }).waitFor();
    await expect.poll(() => a.getByRole('navigation').getByRole('link', { name: /Beställningar/ }).innerText()).toMatch(/1/);
    await expectNoAxeViolations(a, 'provider inbox with unread citizen messages');
    await unread.getByRole('link', { name: /Gösta Lund, beställning/ }).click();
    await a.waitForURL(new RegExp(`/utforare/bestallning/${GOSTA_ORDER}`));
    const section = a.getByRole('region', { name: 'Meddelanden med medborgaren' });
    await section.waitFor();
    const incoming = section.getByRole('listitem').filter({ hasText: TO_PROVIDER });
    await incoming.getByText('Oläst').waitFor();
    await section.scrollIntoViewIfNeeded();
    await expectNoAxeViolations(a, 'order page: messages with the citizen');
    await incoming.getByRole('button', { name: /^Journalför meddelandet från Gösta Lund/ }).click();
    await incoming.getByText('Journalfört som utkast').waitFor();
    await a.getByRole('region', { name: 'Journal' }).getByText('Meddelande från Gösta Lund').first().waitFor();
    await section.getByLabel('Svar till Gösta Lund').fill(FROM_PROVIDER);
    await section.getByRole('button', { name: 'Skicka' }).first().click();
    await section.getByRole('listitem').filter({ hasText: FROM_PROVIDER }).getByText('Inte läst av Gösta Lund än').waitFor();
    await expectNoAxeViolations(a, 'order page: after journal and reply');
    await section.screenshot({ path: path.join(SCREENSHOT_DIR, 'meddelanden-8-utforaren.png') });

    await page.reload();
    await page.getByRole('listitem').filter({ hasText: FROM_PROVIDER }).getByText('Anna, Hemtjänsten Centrum').waitFor();
    // "Sent" was said once, not again after a reload.
    expect(await page.getByText('Meddelandet är skickat.').count()).toBe(0);
    await screenshot(page, 'meddelanden-9-utforarens-svar');
    await citizen.context.close();
    await provider.context.close();
  });
});
