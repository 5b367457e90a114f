// Organisationsnummer (lag 1974:174 om identitetsbeteckning för juridiska personer m.fl.;
// Skatteverket/Bolagsverket: ten digits NNNNNN-NNNN, group digit first, third and fourth digits
// at least 20, Luhn check digit last).
import { describe, expect, it } from 'vitest';
import { ORG_ERRORS, isValidOrgNumber, luhnCheckDigit, parseOrgNumber } from '../../src/domain/orgnummer';

describe('parseOrgNumber', () => {
  it('accepts published organisationsnummer of a kommun and an aktiebolag, with their group', () => {
    // Stockholms stad, Göteborgs stad (group 2: kommun) and Saab AB (group 5: aktiebolag).
    expect(parseOrgNumber('212000-0142')).toEqual({ ok: true, value: { canonical: '212000-0142', group: 2 } });
    expect(parseOrgNumber('212000-1355')).toEqual({ ok: true, value: { canonical: '212000-1355', group: 2 } });
    expect(parseOrgNumber('556036-0793')).toEqual({ ok: true, value: { canonical: '556036-0793', group: 5 } });
  });

  it('accepts the number without hyphen, with spaces, a typographic dash, or the 16 prefix', () => {
    for (const input of ['5560360793', ' 556036 0793 ', '556036\u20130793', '16556036-0793', '165560360793']) {
      expect(parseOrgNumber(input)).toEqual({ ok: true, value: { canonical: '556036-0793', group: 5 } });
    }
  });

  it('refuses a wrong check digit, naming it', () => {
    for (const wrong of ['556036-0794', '212000-0143', '212000-9999', '559999-0001']) {
      expect(parseOrgNumber(wrong)).toEqual({ ok: false, error: ORG_ERRORS.checkDigit });
    }
  });

  it('refuses a personnummer (third and fourth digits under 20): a sole trader is not a legal person', () => {
    // 811218-9876 is a valid personnummer (Luhn) but not an organisationsnummer.
    expect(luhnCheckDigit('811218987')).toBe(6);
    expect(parseOrgNumber('811218-9876')).toEqual({ ok: false, error: ORG_ERRORS.personnummer });
    expect(parseOrgNumber('551912-3450')).toEqual({ ok: false, error: ORG_ERRORS.personnummer });
  });

  it('refuses the unused group digits 0 and 4', () => {
    expect(parseOrgNumber(`0120000000`)).toEqual({ ok: false, error: ORG_ERRORS.group });
    expect(parseOrgNumber(`4520000000`)).toEqual({ ok: false, error: ORG_ERRORS.group });
  });

  it('refuses empty input and wrong shapes with a message that shows the form', () => {
    expect(parseOrgNumber('   ')).toEqual({ ok: false, error: ORG_ERRORS.empty });
    for (const bad of ['556036-079', '556036-07933', '55603-60793', 'ABCDEF-1234', '556036--0793', '556036+0793', '17556036-0793']) {
      expect(parseOrgNumber(bad)).toEqual({ ok: false, error: ORG_ERRORS.format });
    }
    expect(ORG_ERRORS.format).toMatch(/NNNNNN-NNNN/);
  });

  it('computes the Luhn check digit with weights 2,1,2,1… from the left', () => {
    expect(luhnCheckDigit('212000014')).toBe(2);
    expect(luhnCheckDigit('556036079')).toBe(3);
    expect(luhnCheckDigit('559900000')).toBe(6);
    expect(isValidOrgNumber('559900-0006')).toBe(true);
    expect(isValidOrgNumber('559900-0007')).toBe(false);
    // Every single-digit change of a valid number is caught by the check digit.
    const digits = '5560360793';
    for (let i = 0; i < 10; i++) {
      for (let d = 0; d < 10; d++) {
        if (String(d) === digits[i]) continue;
        const changed = digits.slice(0, i) + String(d) + digits.slice(i + 1);
        const r = parseOrgNumber(changed);
        expect(r.ok, changed).toBe(false);
      }
    }
  });
});
