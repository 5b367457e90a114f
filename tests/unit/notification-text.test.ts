// The notice by e-mail or SMS says only that there is a message (26 kap. 1 § OSL): not its text,
// not whom or which matter it is about, not who wrote it — even if a caller hands it all of that.
import { describe, expect, it } from 'vitest';
import {
  CODE_MAX_ATTEMPTS, CODE_VALID_MINUTES, MESSAGES_PATH, formatMobile, messagesUrl, normaliseEmail, normaliseMobile, notificationNotice,
  verificationCodeMessage, type NoticeFacts,
} from '../../src/domain/notification-text.ts';

const BODIES = [
  'Pappa har ramlat igen och behöver mer hjälp med duschen.',
  'Beslutet om hemtjänst är klart, 32 timmar per månad.',
  'Hej Gösta! Vi kommer på hembesök på tisdag kl. 10.',
  'Skyddad adress: Hemligvägen 3',
];

/** Everything a careless caller might pass along with the facts. */
const withContent = (body: string) => ({
  municipalityName: 'Demo kommun',
  baseUrl: 'https://lots.demo.se/',
  body,
  text: body,
  message: body,
  personName: 'Gösta Lund',
  authorName: 'Eva Lind',
  caseNumber: 'AO-2026-0042',
  caseTitle: 'Ansökan om hemtjänst',
  providerName: 'Hemtjänsten Centrum',
  protection: 'skyddad_folkbokforing',
}) as unknown as NoticeFacts;

/** The GSM 03.38 basic character set: one SMS part holds 160 of them. */
const GSM7 = new Set(`@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà`);

describe('notification notice', () => {
  it.each(BODIES)('never contains the message, the person, the case or the author (%s)', (body) => {
    const notice = notificationNotice(withContent(body));
    for (const text of [notice.subject, notice.emailText, notice.smsText]) {
      expect(text).not.toContain(body);
      // Not even a telling fragment of it.
      for (const word of body.split(/\s+/).filter((w) => w.length >= 6)) expect(text).not.toContain(word);
      for (const secret of ['Gösta', 'Lund', 'Eva Lind', 'AO-2026-0042', 'hemtjänst', 'Hemtjänsten', 'skyddad', 'Hemligvägen']) {
        expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
      }
    }
  });

  it('says that there is a message, from which municipality, and where to read it', () => {
    const notice = notificationNotice({ municipalityName: 'Demo kommun', baseUrl: 'https://lots.demo.se/' });
    expect(notice.subject).toBe('Nytt meddelande från Demo kommun');
    expect(notice.smsText).toBe('Du har fått ett nytt meddelande från Demo kommun. Logga in på https://lots.demo.se/medborgare/meddelanden för att läsa det. Svara inte på detta sms.');
    expect(notice.emailText).toContain('Du har fått ett nytt meddelande från Demo kommun. Logga in på https://lots.demo.se/medborgare/meddelanden för att läsa det.');
    expect(notice.emailText).toContain('Av sekretesskäl');
    expect(messagesUrl('http://localhost:8080')).toBe(`http://localhost:8080${MESSAGES_PATH}`);
  });

  it('fits one SMS in the GSM alphabet', () => {
    const { smsText } = notificationNotice({ municipalityName: 'Demo kommun', baseUrl: 'http://localhost:8080' });
    expect(smsText.length).toBeLessThanOrEqual(160);
    expect([...smsText].filter((c) => !GSM7.has(c))).toEqual([]);
  });

  it('is the same for everyone, protected identity or not: it depends only on the municipality and the address', () => {
    const a = notificationNotice(withContent('x'));
    const b = notificationNotice({ municipalityName: 'Demo kommun', baseUrl: 'https://lots.demo.se/' });
    expect(a).toEqual(b);
  });
});

describe('notice addresses', () => {
  it.each([
    ['070-123 45 67', '+46701234567'], ['0701234567', '+46701234567'], ['+46 70 123 45 67', '+46701234567'],
    ['0046701234567', '+46701234567'], ['+4915112345678', '+4915112345678'],
  ])('%s is the mobile number %s', (input, e164) => {
    expect(normaliseMobile(input)).toBe(e164);
  });

  it.each(['08-123 456 78', '0701', 'ring mig', '+46812345678', ''])('%s is not a mobile number', (input) => {
    expect(normaliseMobile(input)).toBeNull();
  });

  it('formats Swedish mobile numbers as they are written', () => {
    expect(formatMobile('+46701234567')).toBe('070-123 45 67');
    expect(formatMobile('+4915112345678')).toBe('+4915112345678');
  });

  it('accepts e-mail addresses and refuses what is not one', () => {
    expect(normaliseEmail('  ingrid.lund@example.se ')).toBe('ingrid.lund@example.se');
    for (const bad of ['ingrid', 'ingrid@', '@example.se', 'a b@example.se', 'ingrid@example', `${'a'.repeat(250)}@x.se`]) {
      expect(normaliseEmail(bad), bad).toBeNull();
    }
  });
});

describe('the one-time code for the address', () => {
  it('says the code, from whom and how long it is valid — word for word, nothing else', () => {
    const m = verificationCodeMessage({ municipalityName: 'Demo kommun', code: '123456' });
    expect(m.text).toBe('Din kod för aviseringar från Demo kommun är 123456. Den gäller i 15 minuter.');
    expect(m.subject).toBe('Din kod för aviseringar från Demo kommun');
    expect([CODE_VALID_MINUTES, CODE_MAX_ATTEMPTS]).toEqual([15, 5]);
  });

  it('keeps a leading zero and carries nothing a careless caller adds', () => {
    const m = verificationCodeMessage({ ...withContent(BODIES[0]!), code: '004711' } as unknown as { municipalityName: string; code: string });
    expect(m.text).toBe('Din kod för aviseringar från Demo kommun är 004711. Den gäller i 15 minuter.');
    for (const secret of ['Gösta', 'Lund', 'Eva', 'AO-2026', 'emtjänst', 'lots.demo.se', 'ramlat']) expect(`${m.subject} ${m.text}`).not.toContain(secret);
  });

  it('fits one SMS in the GSM alphabet; without a name it says "kommunen"', () => {
    const { text } = verificationCodeMessage({ municipalityName: 'Upplands Väsby kommun', code: '999999' });
    expect(text.length).toBeLessThanOrEqual(160);
    expect([...text].every((c) => GSM7.has(c))).toBe(true);
    expect(verificationCodeMessage({ municipalityName: '  ', code: '000000' }).text).toBe('Din kod för aviseringar från kommunen är 000000. Den gäller i 15 minuter.');
  });

  it('refuses anything but six digits', () => {
    for (const code of ['12345', '1234567', '12a456', '']) expect(() => verificationCodeMessage({ municipalityName: 'Demo kommun', code })).toThrow();
  });
});
