// Receipt numbers for e-service submissions (src/domain/receipt.ts): no personal data, not
// guessable, readable aloud, with a check sign that catches one wrong sign or two swapped signs.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RECEIPT_ALPHABET, isValidReceiptNumber, makeReceiptNumber, normaliseReceiptNumber } from '../../src/domain/receipt';

const cryptoByte = () => randomBytes(1)[0]!;
const fixed = (bytes: number[]) => { let i = 0; return () => bytes[i++ % bytes.length]!; };

describe('makeReceiptNumber', () => {
  it('has the printed form OA-ÅÅÅÅ-XXXX-XXXX with only unambiguous signs', () => {
    for (let i = 0; i < 500; i++) {
      const r = makeReceiptNumber('orosanmalan', 2026, cryptoByte);
      expect(r).toMatch(/^OA-2026-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      expect(r.slice(8)).not.toMatch(/[01ILO]/);
      expect(isValidReceiptNumber(r)).toBe(true);
    }
  });

  it('uses the prefix of the e-service', () => {
    expect(makeReceiptNumber('ansokan_forsorjningsstod', 2027, cryptoByte)).toMatch(/^FS-2027-/);
    expect(makeReceiptNumber('ansokan_bistand', 2027, cryptoByte)).toMatch(/^AB-2027-/);
  });

  it('is deterministic for given bytes and skips bytes ≥ 248 so every sign is equally likely', () => {
    // 0 → '2', 30 → 'Z', 31 → '2' again (31 mod 31), 255 is skipped.
    const r = makeReceiptNumber('orosanmalan', 2026, fixed([0, 255, 30, 31, 248, 1, 2, 3, 4]));
    expect(r.slice(8, 12) + r.slice(13, 16)).toBe('2Z2' + '3456');
    expect(isValidReceiptNumber(r)).toBe(true);
    // The check sign worked out by hand: 1·0 + 2·30 + 3·0 + 4·1 + 5·2 + 6·3 + 7·4 = 120 ≡ 27, and
    // 27 + 8·16 = 155 = 5·31, so it is the sign of value 16, 'J'.
    expect(r).toBe('OA-2026-2Z23-456J');
  });

  it('does not repeat over many draws (unguessable enough to reveal nothing)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) seen.add(makeReceiptNumber('orosanmalan', 2026, cryptoByte));
    expect(seen.size).toBe(5000);
  });

  it('refuses a random source that gives nothing usable and a nonsense year', () => {
    expect(() => makeReceiptNumber('orosanmalan', 2026, () => 250)).toThrow(/random/);
    expect(() => makeReceiptNumber('orosanmalan', 2026, () => 300)).toThrow(/range/);
    expect(() => makeReceiptNumber('orosanmalan', 26, cryptoByte)).toThrow(/year/);
  });
});

describe('isValidReceiptNumber', () => {
  it('catches every single wrong sign and every swap of two neighbouring different signs', () => {
    const r = makeReceiptNumber('orosanmalan', 2026, fixed([5, 17, 29, 3, 11, 23, 8]));
    const signs = (r.slice(8, 12) + r.slice(13)).split('');
    const print = (s: string[]) => `OA-2026-${s.slice(0, 4).join('')}-${s.slice(4).join('')}`;
    expect(isValidReceiptNumber(print(signs))).toBe(true);
    for (let i = 0; i < 8; i++) {
      for (const c of RECEIPT_ALPHABET) {
        if (c === signs[i]) continue;
        const wrong = [...signs]; wrong[i] = c;
        expect(isValidReceiptNumber(print(wrong)), print(wrong)).toBe(false);
      }
      if (i < 7 && signs[i] !== signs[i + 1]) {
        const swapped = [...signs]; [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
        expect(isValidReceiptNumber(print(swapped))).toBe(false);
      }
    }
  });

  it('refuses the wrong shape, signs outside the alphabet, and unknown prefixes', () => {
    for (const bad of ['', 'OA-2026-4F7K-9Q', 'OA-2026-4F7K-9QM0', 'OA-2026-4F7K-9QMI', 'XX-2026-4F7K-9QM3', 'oa-2026-4f7k-9qm3', 'OA20264F7K9QM3']) {
      expect(isValidReceiptNumber(bad), bad).toBe(false);
    }
  });
});

describe('normaliseReceiptNumber', () => {
  it('accepts what a person types: lower case, spaces, no or typographic dashes', () => {
    const r = makeReceiptNumber('orosanmalan', 2026, cryptoByte);
    const compact = r.replace(/-/g, '');
    expect(normaliseReceiptNumber(compact.toLowerCase())).toBe(r);
    expect(normaliseReceiptNumber(` ${r.replace(/-/g, ' ')} `)).toBe(r);
    expect(normaliseReceiptNumber(r.replace(/-/g, '\u2013'))).toBe(r);
    // Literal values (the valid one worked out by hand above), so a wrong check cannot agree with itself.
    expect(normaliseReceiptNumber('oa 2026 2z23 456j')).toBe('OA-2026-2Z23-456J');
    expect(normaliseReceiptNumber('OA–2026–2Z23–456J')).toBe('OA-2026-2Z23-456J');
    expect(normaliseReceiptNumber('OA-2026-2Z23-456K')).toBeNull(); // wrong check sign
    expect(normaliseReceiptNumber('OA-2026-AAAA-AAAA')).toBeNull(); // 8·36 = 288 ≡ 9, not 0
    expect(normaliseReceiptNumber('hej')).toBeNull();
  });
});
