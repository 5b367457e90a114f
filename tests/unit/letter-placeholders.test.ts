// Placeholders in letter templates are filled from the case on the server; what cannot be filled
// is reported, never silently printed as "{svarsdatum}" in a letter to the party.
import { describe, expect, it } from 'vitest';
import { fillLetter, fillPlaceholders, type PlaceholderValues } from '../../src/server/modules/files/placeholders.ts';

const values: PlaceholderValues = {
  namn: 'Tolvan Tolvansson', personnummer: '19121212-1212', arendenummer: '2026-ÄO-0042', handlaggare: 'Eva Lindqvist',
  datum: '23 november 2026', svarsdatum: null,
};

describe('fillPlaceholders', () => {
  it('replaces every known placeholder, each time it occurs', () => {
    const r = fillPlaceholders('Hej {namn} ({personnummer})! Ärende {arendenummer}, {datum}. Hälsningar {handlaggare}. /{namn}', values);
    expect(r.text).toBe('Hej Tolvan Tolvansson (19121212-1212)! Ärende 2026-ÄO-0042, 23 november 2026. Hälsningar Eva Lindqvist. /Tolvan Tolvansson');
    expect(r.missing).toEqual([]);
    expect(r.unknown).toEqual([]);
  });

  it('is case-insensitive in the placeholder name', () => {
    expect(fillPlaceholders('{Namn} {NAMN}', values).text).toBe('Tolvan Tolvansson Tolvan Tolvansson');
  });

  it('leaves a placeholder without a value as written and reports it missing (kommunicering without a reply date, 25 § FL)', () => {
    const r = fillPlaceholders('Svara senast {svarsdatum}.', values);
    expect(r.text).toBe('Svara senast {svarsdatum}.');
    expect(r.missing).toEqual(['svarsdatum']);
    expect(fillPlaceholders('Svara senast {svarsdatum}.', { ...values, svarsdatum: '1 mars 2030' }).text).toBe('Svara senast 1 mars 2030.');
  });

  it('reports misspelt or unknown placeholders, and leaves other braces alone', () => {
    const r = fillPlaceholders('Hej {namnn}, {adress}. Mängd: { 3 } och {}.', values);
    expect(r.text).toBe('Hej {namnn}, {adress}. Mängd: { 3 } och {}.');
    expect(r.unknown).toEqual(['{namnn}', '{adress}']);
  });

  it('does not re-read a filled value as a placeholder', () => {
    const r = fillPlaceholders('{namn}', { ...values, namn: '{personnummer}' });
    expect(r.text).toBe('{personnummer}');
  });
});

describe('fillLetter', () => {
  it('fills the title and the body, and merges what is missing in either', () => {
    const r = fillLetter('Kallelse {datum}', 'Hej {namn}, svara senast {svarsdatum}. {svarsdatum}', values);
    expect(r.title).toBe('Kallelse 23 november 2026');
    expect(r.body).toBe('Hej Tolvan Tolvansson, svara senast {svarsdatum}. {svarsdatum}');
    expect(r.missing).toEqual(['svarsdatum']);
  });
});
