// Placeholders in letter templates: {namn}, {personnummer}, {arendenummer}, {handlaggare},
// {datum} and {svarsdatum}. Filled on the server from the case, so a letter never carries a
// value the case worker typed from memory. Pure: no I/O.
import type { LetterPlaceholder } from '../../../shared/files-api.ts';

export const LETTER_PLACEHOLDERS: readonly LetterPlaceholder[] = ['namn', 'personnummer', 'arendenummer', 'handlaggare', 'datum', 'svarsdatum'];

export type PlaceholderValues = Record<LetterPlaceholder, string | null>;

export interface FilledText {
  text: string;
  /** Known placeholders without a value here (left as written, e.g. {svarsdatum} with no date). */
  missing: LetterPlaceholder[];
  /** Words in braces that are no placeholder (left as written, e.g. a misspelt {namnn}). */
  unknown: string[];
}

const PLACEHOLDER = /\{([\p{L}_]{1,40})\}/gu;

const isPlaceholder = (name: string): name is LetterPlaceholder => (LETTER_PLACEHOLDERS as readonly string[]).includes(name);

/** Replaces every known placeholder that has a value; reports the rest. Case-insensitive: {Namn} works too. */
export function fillPlaceholders(text: string, values: PlaceholderValues): FilledText {
  const missing = new Set<LetterPlaceholder>();
  const unknown = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, raw: string) => {
    const name = raw.toLowerCase();
    if (!isPlaceholder(name)) { unknown.add(whole); return whole; }
    const value = values[name];
    if (value === null || value.trim() === '') { missing.add(name); return whole; }
    return value;
  });
  return { text: filled, missing: [...missing], unknown: [...unknown] };
}

/** Both title and body, with what is missing or unknown in either. */
export function fillLetter(title: string, body: string, values: PlaceholderValues): { title: string; body: string; missing: LetterPlaceholder[]; unknown: string[] } {
  const t = fillPlaceholders(title, values);
  const b = fillPlaceholders(body, values);
  return {
    title: t.text, body: b.text,
    missing: [...new Set([...t.missing, ...b.missing])],
    unknown: [...new Set([...t.unknown, ...b.unknown])],
  };
}
