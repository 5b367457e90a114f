// Receipt numbers for e-service submissions: short, readable aloud on the phone, no ambiguous
// characters (no 0/O, 1/I/L), and unguessable enough that one cannot be derived from another.
import { randomBytes } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** 'K-20261123-7KQ4-M2XD' from the day (ÅÅÅÅ-MM-DD) and 8 bytes of entropy. Pure. */
export function receiptNumber(day: string, entropy: Uint8Array = randomBytes(8)): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`receiptNumber: not a date: ${day}`);
  if (entropy.length < 8) throw new Error('receiptNumber: needs 8 bytes of entropy');
  const chars = Array.from(entropy.slice(0, 8), (b) => ALPHABET[b % ALPHABET.length]).join('');
  return `K-${day.replaceAll('-', '')}-${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
}
