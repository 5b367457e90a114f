// Mina insatser in a real Chromium on a phone (390 px): Ingrid Lund, who holds a fullmakt for her
// father Gösta, logs in with Test-BankID and sees his home-care visits (day, time, who by first name)
// and the signed genomförandeplan — the journey. Then she asks to change provider for his
// trygghetslarm (valfrihet, LOV), Karin (handläggare, äldreomsorg) carries it out on the case page in
// one click, and Ingrid sees it done. Bengt, waiting for särskilt boende, sees his place in the queue.
// Axe on every page; screenshots in .tmp/screens.
//
// The change of provider is made on a trygghetslarm ordered here through the staff API, so Gösta's
// hemtjänst order (and the field staff's visits on it, used by other journeys) stays as it is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoUuid } from '../src/server/dev/demo-data.ts';
import { addDays, dateInSweden } from '../src/domain/deadlines.ts';
import { expectNoAxeViolations, launch, loginAs, newPage, screenshot } from './browser.ts';

const PHONE = { width: 390, height: 844 };
const GOSTA = demoUuid('1:person:gosta');
const P1 = demoUuid('1:provider:p1');
const today = dateInSweden();

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const sideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A JSON call as the logged-in user of the context, with the session's CSRF token. */
async function call<T>(context: BrowserContext, method: 'GET' | 'POST', url: string, data?: unknown): Promise<T> {
  const session = await (await context.request.get('/api/session')).json() as { csrfToken?: string };
  const res = method === 'GET' ? await context.request.get(url)
    : await context.request.post(url, { data: data ?? {}, headers: { 'x-csrf-token': session.csrfToken ?? '' } });
  const body = await res.json() as T;
  expect(res.status(), `${method} ${url}: ${JSON.stringify(body)}`).toBeLessThan(300);
  return body;
}

async function status(page: Page, text: RegExp): Promise<void> {
  try {
    await page.getByRole('status').filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
  } catch (error) {
    await screenshot(page, `failed-services-${text.source.slice(0, 30).replace(/[^a-zåäö]+/gi, '-')}`);
    throw error;
  }
}

async function settle(page: Page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading'), undefined, { timeout: 10_000 });
}

describe('Mina insatser', () => {
  let alarmCase = '';

  beforeAll(async () => {
    // Gösta is granted a trygghetslarm, delivered by the municipality's provider (started today).
    const { context, page } = await newPage(browser);
    await loginAs(page, 'personal', 'Karin Holm');
    const c = await call<{ id: string }>(context, 'POST', '/api/staff/cases', {
      receivedOn: today, personId: GOSTA, area: 'aldreomsorg', origin: 'ansokan', description: 'Gösta ansöker om trygghetslarm.', requestedInsatser: ['trygghetslarm'], assignToMe: true,
    });
    alarmCase = c.id;
    await call(context, 'POST', `/api/staff/cases/${c.id}/steps/inled_utredning`, {});
    await call(context, 'POST', `/api/staff/cases/${c.id}/decisions`, {
      insatsKey: 'trygghetslarm', outcome: 'bifall', validFrom: today, validTo: addDays(today, 730),
      motivation: 'Du har fallit i hemmet och behöver kunna larma om hjälp dygnet runt.', amountSek: null,
    });
    await call(context, 'POST', `/api/staff/cases/${c.id}/decisions/sign`, {});
    const orders = await call<{ decisions: Array<{ decisionId: string; insatsKey: string | null }> }>(context, 'GET', `/api/staff/cases/${c.id}/orders`);
    const decisionId = orders.decisions.find((d) => d.insatsKey === 'trygghetslarm')!.decisionId;
    const order = await call<{ id: string }>(context, 'POST', `/api/staff/cases/${c.id}/orders`, {
      decisionId, providerId: P1, chosenBy: 'kommun', startOn: today, infoToProvider: 'Installation av trygghetslarm.',
    });
    await context.close();
    const anna = await newPage(browser);
    await loginAs(anna.page, 'personal', 'Anna Persson');
    await call(anna.context, 'POST', `/api/provider/orders/${order.id}/steps/acceptera`, { date: today });
    await call(anna.context, 'POST', `/api/provider/orders/${order.id}/steps/paborja`, { date: today });
    await anna.context.close();
  });

  it('Ingrid (daughter with fullmakt) sees her father’s home-care visits and the plan, on a phone', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await loginAs(page, 'medborgare', 'Ingrid Lund');
    await page.goto('/medborgare/insatser');
    await settle(page);
    await expect.poll(() => page.evaluate(() => document.title)).toMatch(/Mina insatser/);
    await expectNoAxeViolations(page, 'mina insatser: Ingrid herself');
    await screenshot(page, 'insatser-1-ingrid');

    await page.getByRole('radio', { name: /Gösta Lund/ }).check();
    await page.getByRole('heading', { level: 2, name: 'Insatser för Gösta Lund' }).waitFor();
    await settle(page);
    const homeCare = page.getByRole('article', { name: /Hemtjänst/ });
    await homeCare.waitFor();
    expect(await homeCare.innerText()).toMatch(/Hemtjänsten Centrum/);
    // The visits, as a readable list: "söndag 22 november, 07:32–08:15, Fatima".
    // The latest week is open; earlier weeks are one click away (closed <details>).
    const visits = homeCare.locator('details[open] .sv-visits li .sv-visit-line');
    await expect.poll(() => visits.count()).toBeGreaterThan(0);
    const lines = [...await visits.allInnerTexts(), ...await homeCare.locator('.sv-visit-line').allTextContents()];
    expect(lines.length).toBeGreaterThan(7);
    for (const line of lines) expect(line).toMatch(/^(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag) \d{1,2} [a-zåäö]+, \d\d:\d\d–\d\d:\d\d, (Fatima|Erik)$/i);
    expect(await homeCare.innerText()).not.toMatch(/Fatima Ali|Erik Nord/);
    // The plan: closed at first, opened by keyboard.
    const plan = homeCare.locator('summary', { hasText: /Visa genomförandeplanen/ });
    await plan.focus();
    await page.keyboard.press('Enter');
    await homeCare.getByText('Stöd vid av- och påklädning', { exact: false }).waitFor();
    expect(await homeCare.innerText()).toMatch(/Så var du med och planerade/);
    expect(await homeCare.innerText()).not.toMatch(/Promenad/); // the unsigned draft is never shown
    expect(await sideScroll(page)).toBeLessThanOrEqual(1);
    await expectNoAxeViolations(page, 'mina insatser: Gösta, visits and plan');
    await screenshot(page, 'insatser-2-gosta-besok');
    await context.close();
  });

  it('Ingrid asks to change provider for the trygghetslarm; Karin carries it out; Ingrid sees it done', async () => {
    const citizen = await newPage(browser, PHONE);
    const page = citizen.page;
    await loginAs(page, 'medborgare', 'Ingrid Lund');
    await page.goto(`/medborgare/insatser?for=${GOSTA}`);
    await settle(page);
    const alarm = page.getByRole('article', { name: /Trygghetslarm/ });
    await alarm.waitFor();
    expect(await alarm.innerText()).toMatch(/Hemtjänsten Centrum/);
    await alarm.getByRole('button', { name: 'Byt utförare' }).click();
    await alarm.getByRole('radio', { name: /Omsorgsbolaget Trygg Vardag AB/ }).check();
    expect(await alarm.getByLabel('Från vilket datum vill du byta?').inputValue()).toBe(addDays(today, 1));
    await alarm.getByLabel(/Vill du berätta något för handläggaren/).fill('Pappa vill ha samma larmbolag som grannen.');
    await expectNoAxeViolations(page, 'mina insatser: the choice form');
    await screenshot(page, 'insatser-3-val-av-utforare');
    await alarm.getByRole('button', { name: 'Skicka önskemålet' }).click();
    await status(page, /Ditt önskemål om att byta till Omsorgsbolaget Trygg Vardag AB är skickat/);
    await alarm.getByText(/Du har bett om att byta till Omsorgsbolaget Trygg Vardag AB/).waitFor();
    await expectNoAxeViolations(page, 'mina insatser: the request sent');
    await screenshot(page, 'insatser-4-onskemal-skickat');

    // Karin, on the case page: one click carries it out.
    const staff = await newPage(browser);
    await loginAs(staff.page, 'personal', 'Karin Holm');
    await staff.page.goto(`/handlaggare/arende/${alarmCase}`);
    const verk = staff.page.getByRole('region', { name: 'Verkställighet' });
    await verk.getByRole('heading', { name: 'Önskemål om val av utförare (LOV)' }).waitFor();
    expect(await verk.innerText()).toMatch(/Ingrid Lund \(ombud\) önskar byta från Hemtjänsten Centrum till Omsorgsbolaget Trygg Vardag AB/);
    await expectNoAxeViolations(staff.page, 'case page: the provider choice to handle');
    await screenshot(staff.page, 'insatser-5-handlaggare-onskemal');
    await verk.getByRole('button', { name: 'Genomför bytet' }).click();
    await status(staff.page, /Bytet är genomfört: beställning B-\d{4}-\d{4} till Omsorgsbolaget Trygg Vardag AB/);
    await verk.getByText('Genomfört', { exact: true }).first().waitFor();
    await expectNoAxeViolations(staff.page, 'case page: the change carried out');
    await screenshot(staff.page, 'insatser-6-handlaggare-genomfort');
    await staff.context.close();

    // Ingrid sees it done: the new provider, and the request carried out.
    await page.reload();
    await settle(page);
    const requests = page.getByRole('region', { name: 'Önskemål om byte av utförare' });
    await requests.waitFor();
    expect(await requests.innerText()).toMatch(/Genomfört/);
    expect(await requests.innerText()).toMatch(/Omsorgsbolaget Trygg Vardag AB utför insatsen från/);
    const alarms = page.getByRole('article', { name: /Trygghetslarm/ });
    await expect.poll(async () => (await alarms.allInnerTexts()).some((t) => /Omsorgsbolaget Trygg Vardag AB/.test(t) && /Beställd/.test(t))).toBe(true);
    expect(await sideScroll(page)).toBeLessThanOrEqual(1);
    await expectNoAxeViolations(page, 'mina insatser: the change done');
    await screenshot(page, 'insatser-7-bytet-klart');
    await citizen.context.close();
  });

  it('Bengt, granted särskilt boende, sees his place in the queue and what happens next', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await loginAs(page, 'medborgare', 'Bengt Håkansson');
    await page.goto('/medborgare/insatser');
    await settle(page);
    const queue = page.getByRole('article', { name: 'Kö till särskilt boende' });
    await queue.waitFor();
    const text = await queue.innerText();
    expect(text).toMatch(/Du står på plats \d+ i kön/);
    expect(text).toMatch(/Vad händer nu\?/);
    expect(text).toMatch(/IVO/);
    expect(await sideScroll(page)).toBeLessThanOrEqual(1);
    await expectNoAxeViolations(page, 'mina insatser: the queue');
    await screenshot(page, 'insatser-8-ko-sarskilt-boende');
    // The same page in English (the UI language is the citizen's choice; server texts stay Swedish, marked lang="sv").
    await page.locator('button.header-button[lang="en"]').click();
    await page.getByRole('heading', { level: 1, name: 'My services' }).waitFor();
    expect(await page.getByRole('article', { name: 'Queue for a care home' }).innerText()).toMatch(/You are number \d+ in the queue/);
    await expectNoAxeViolations(page, 'mina insatser in English: the queue and the meal delivery');
    await screenshot(page, 'insatser-9-queue-english');
    await page.locator('button.header-button[lang="sv"]').click();
    await context.close();
  });
});
