// Receipt numbers for e-service submissions, e.g. 'OA-2026-4F7K-9QM3' for an orosanmälan.
//
// The receipt is the only thing an anonymous reporter gets back, so it must carry no personal
// data and no case number, and it must not be guessable from another receipt: seven characters
// from a 31-sign alphabet are random (31^7 ≈ 2.8·10^10), the eighth is a check character so a
// number read out over the phone with one sign wrong is caught. The alphabet leaves out 0/O,
// 1/I/L so the number can be read aloud and typed from paper without mix-ups.
// Pure: the caller supplies the random bytes (node:crypto on the server).

export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BASE = RECEIPT_ALPHABET.length; // 31 (a prime, so the weighted check catches every single-sign error and swap)
const RANDOM_SIGNS = 7;

export const RECEIPT_PREFIX = { orosanmalan: 'OA', ansokan_bistand: 'AB', ansokan_forsorjningsstod: 'FS' } as const;
export type ReceiptKind = keyof typeof RECEIPT_PREFIX;

const PATTERN = /^(OA|AB|FS)-(\d{4})-([2-9A-HJKMNP-Z]{4})-([2-9A-HJKMNP-Z]{4})$/;

/** Weighted sum mod 31 over the eight signs' values; a valid number sums to 0. */
function checkValue(signs: string): number {
  let sum = 0;
  for (let i = 0; i < signs.length; i++) sum += (i + 1) * RECEIPT_ALPHABET.indexOf(signs[i]!);
  return sum % BASE;
}

/**
 * A new receipt number. `randomByte` returns uniformly random integers 0–255; bytes of 248 and
 * more are skipped so every sign is equally likely (248 = 8 · 31).
 */
export function makeReceiptNumber(kind: ReceiptKind, year: number, randomByte: () => number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new Error(`invalid year ${year}`);
  let signs = '';
  let guard = 0;
  while (signs.length < RANDOM_SIGNS) {
    if (++guard > 10_000) throw new Error('random source does not deliver usable bytes');
    const b = randomByte();
    if (!Number.isInteger(b) || b < 0 || b > 255) throw new Error('random byte out of range');
    if (b >= 8 * BASE) continue;
    signs += RECEIPT_ALPHABET[b % BASE];
  }
  // Choose the check sign c so that the weighted sum including c·8 is 0 mod 31 (8 is invertible mod 31).
  const partial = checkValue(signs);
  const inverse8 = 4; // 8 · 4 = 32 ≡ 1 (mod 31)
  const c = ((BASE - partial) * inverse8) % BASE;
  signs += RECEIPT_ALPHABET[c];
  return `${RECEIPT_PREFIX[kind]}-${year}-${signs.slice(0, 4)}-${signs.slice(4)}`;
}

/** Normalises what a person typed (lower case, spaces, missing dashes) to the printed form, or null. */
export function normaliseReceiptNumber(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\u2010-\u2015\u2212-]/g, '');
  const m = /^(OA|AB|FS)(\d{4})([0-9A-Z]{8})$/.exec(compact);
  if (!m) return null;
  const printed = `${m[1]}-${m[2]}-${m[3]!.slice(0, 4)}-${m[3]!.slice(4)}`;
  return isValidReceiptNumber(printed) ? printed : null;
}

/** Right shape, right alphabet, and the check sign adds up. */
export function isValidReceiptNumber(receipt: string): boolean {
  const m = PATTERN.exec(receipt);
  if (!m) return false;
  return checkValue(m[3]! + m[4]!) === 0;
}
