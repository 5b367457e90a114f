// The mobile day view for home-care field staff in Chromium on a phone-sized viewport: Fatima
// sees today's visits, checks in online, checks out while offline (queued on the phone), reloads
// while still offline (the service worker's app shell and the day saved on the phone), and the
// queue is sent when the network returns. Data on the phone is cleared at logout. Axe on each state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { MobileDay } from '../src/shared/mobile-api';
import { expectNoAxeViolations, launch, loginAs, newPage, screenshot } from './browser.ts';

const PHONE = { width: 390, height: 844 };
const QUEUED = /Sparad på telefonen – skickas när nätet är tillbaka/;

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const serverDay = (page: Page) => page.evaluate(async () => (await (await fetch('/api/mobile/today')).json()) as MobileDay);
const mobileKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lots.mobile.')));

describe('mobile day view for field staff', () => {
  it('checks in online, checks out offline, survives an offline reload and syncs when the network returns', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await loginAs(page, 'personal', 'Fatima Ali');
    await page.goto('/utforare/mobil');
    await page.getByRole('heading', { level: 1, name: 'Mina besök i dag' }).waitFor();
    const card = page.getByRole('article', { name: 'Gerd Blom' });
    await card.waitFor();
    expect(await page.getByRole('article').count()).toBeGreaterThanOrEqual(3);
    expect(await card.innerText()).toMatch(/Eftermiddagsbesök/);     // the visit's tasks
    expect(await card.innerText()).toMatch(/syn-nedsättning/);        // info to the provider
    // a phone-first page: nothing wider than the screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page, 'mobile day');
    await screenshot(page, 'mobile-day');

    // The service worker has cached the app shell before we go offline.
    expect(await page.evaluate(async () => Boolean(await navigator.serviceWorker.ready))).toBe(true);
    expect(await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.getAttribute('href'))).toBe('/manifest.webmanifest');

    // Check in online: sent at once, no queue left.
    await card.getByRole('button', { name: /Checka in/ }).click();
    await expect.poll(() => card.innerText()).toMatch(/Incheckad \d\d:\d\d/);
    await expect.poll(() => card.innerText()).not.toMatch(/Sparad på telefonen/);
    const gerdId = async () => (await serverDay(page)).items.find((v) => v.person.name === 'Gerd Blom')!;
    await expect.poll(async () => (await gerdId()).status).toBe('pagaende');

    // Offline: the check-out is stored on the phone and shown as queued.
    await context.setOffline(true);
    await expect.poll(() => page.getByText(/Du är offline/).count()).toBeGreaterThan(0);
    await card.getByRole('button', { name: /Checka ut/ }).click();
    await expect.poll(() => card.innerText()).toMatch(QUEUED);
    await expect.poll(() => card.innerText()).toMatch(/Utcheckad \d\d:\d\d/);
    await card.getByText('Skriv en kort anteckning').click();
    await card.getByLabel('Kort anteckning').fill('Gerd var glad i dag. Dammsög hallen.');
    await card.getByRole('button', { name: /Spara anteckning/ }).click();
    await expect.poll(() => page.getByText(/2 åtgärder väntar på att skickas/).count()).toBe(1);
    await expectNoAxeViolations(page, 'mobile day, offline with a queued check-out');
    await screenshot(page, 'mobile-offline-queued');

    // Reload while offline: the app shell comes from the service worker, the day and the queue from the phone.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mina besök i dag' }).waitFor();
    await card.waitFor();
    expect(await card.innerText()).toMatch(QUEUED);
    expect(await page.getByRole('article').count()).toBeGreaterThanOrEqual(3);
    await expectNoAxeViolations(page, 'mobile day, reloaded offline');
    await screenshot(page, 'mobile-offline-reload');

    // Back online: the queue is sent, the card shows the server's state, nothing is left on the queue.
    await context.setOffline(false);
    await expect.poll(() => card.innerText(), { timeout: 20_000 }).not.toMatch(/Sparad på telefonen/);
    await expect.poll(() => card.innerText()).toMatch(/Utförd tid \d+ min/);
    const gerd = await gerdId();
    expect(gerd.status).toBe('utford');
    expect(gerd.checkedOutAt).not.toBeNull();
    expect(gerd.performedMinutes).not.toBeNull();
    expect(gerd.note).toBe('Gerd var glad i dag. Dammsög hallen.');
    expect(await page.getByText(/väntar på att skickas/).count()).toBe(0);
    await screenshot(page, 'mobile-synced');

    // Logout clears everything the view stored on the phone.
    expect((await mobileKeys(page)).length).toBeGreaterThan(0);
    await page.getByRole('button', { name: /Konto/ }).click();
    await page.getByRole('button', { name: /^Logga ut$/ }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await mobileKeys(page)).toEqual([]);
    await context.close();
  });

  it('shows a conflict from another device on the card, with the server’s reason, until the user chooses', async () => {
    const phone = await newPage(browser, PHONE);
    const tablet = await newPage(browser, PHONE);
    for (const p of [phone.page, tablet.page]) {
      await loginAs(p, 'personal', 'Fatima Ali');
      await p.goto('/utforare/mobil');
      await p.getByRole('article', { name: 'Gunnel Strand' }).waitFor();
    }
    const card = phone.page.getByRole('article', { name: 'Gunnel Strand' });
    // The phone checks in offline; meanwhile the tablet checks in online.
    await phone.context.setOffline(true);
    await card.getByRole('button', { name: /Checka in/ }).click();
    await expect.poll(() => card.innerText()).toMatch(QUEUED);
    const other = tablet.page.getByRole('article', { name: 'Gunnel Strand' });
    await other.getByRole('button', { name: /Checka in/ }).click();
    await expect.poll(() => other.innerText()).toMatch(/Pågår/);
    await expect.poll(() => other.innerText()).not.toMatch(/Sparad på telefonen/);

    // Back online: the phone's check-in is refused, and the card says why — nothing is dropped.
    await phone.context.setOffline(false);
    const alert = card.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.innerText()).toMatch(/Servern tog inte emot åtgärden/);
    expect(await alert.innerText()).toMatch(/redan incheckat kl\. \d\d:\d\d/);
    await expectNoAxeViolations(phone.page, 'mobile day with a conflict');
    await screenshot(phone.page, 'mobile-conflict');
    // Reloading keeps the conflict; accepting the server's version clears it.
    await phone.page.reload();
    await card.getByRole('alert').waitFor();
    await card.getByRole('button', { name: 'Godta serverns uppgifter' }).click();
    await expect.poll(() => card.getByRole('alert').count()).toBe(0);
    expect(await card.innerText()).toMatch(/Incheckad \d\d:\d\d/);
    expect(await card.getByRole('button', { name: /Checka ut/ }).count()).toBe(1);
    await phone.context.close();
    await tablet.context.close();
  });
});
