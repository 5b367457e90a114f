// Swedish organisationsnummer (identity numbers of legal persons), for the register of providers.
//
// Sources:
// - Lag (1974:174) om identitetsbeteckning för juridiska personer m.fl.: who is given a number
//   (companies, föreningar, kommuner, regioner …); Skatteverket keeps the register and
//   Bolagsverket, Skatteverket and others assign the numbers.
// - Skatteverket / Bolagsverket on the number's form: ten digits, printed NNNNNN-NNNN. The first
//   digit is the group (1 dödsbon, 2 stat, regioner, kommuner och församlingar, 3 utländska
//   företag, 5 aktiebolag, 6 enkla bolag, 7 ekonomiska föreningar, 8 ideella föreningar och
//   stiftelser, 9 handelsbolag och kommanditbolag). The third and fourth digits together are
//   always at least 20, so the number can never be mistaken for a personnummer (whose "month"
//   is 01–12). The tenth digit is a check digit computed with the Luhn algorithm (modulus 10,
//   weights 2,1,2,1…) over the first nine, exactly as for personnummer.
// - A sole trader (enskild näringsidkare) has no organisationsnummer: the owner's personnummer
//   is used. The provider register takes legal persons only, so that it never holds a
//   personnummer; a sole trader is refused with a message that says so.

export type OrgNumberResult =
  | { ok: true; value: { canonical: string; group: OrgGroup } }
  | { ok: false; error: string };

export type OrgGroup = 1 | 2 | 3 | 5 | 6 | 7 | 8 | 9;

export const ORG_GROUPS: Readonly<Record<OrgGroup, string>> = {
  1: 'Dödsbo',
  2: 'Stat, region, kommun eller församling',
  3: 'Utländskt företag',
  5: 'Aktiebolag',
  6: 'Enkelt bolag',
  7: 'Ekonomisk förening',
  8: 'Ideell förening eller stiftelse',
  9: 'Handelsbolag eller kommanditbolag',
};

/** Messages shown to the user, in plain Swedish, saying what to fix. */
export const ORG_ERRORS = {
  empty: 'Skriv organisationsnumret, tio siffror som NNNNNN-NNNN.',
  format: 'Organisationsnumret ska ha tio siffror och skrivas NNNNNN-NNNN, till exempel 212000-0142.',
  group: 'Första siffran anger typ av organisation och kan inte vara 0 eller 4. Kontrollera numret mot Bolagsverket.',
  personnummer: 'Numret ser ut som ett personnummer (tredje och fjärde siffran är under 20). Registret tar bara organisationsnummer för juridiska personer, inte en enskild näringsidkares personnummer.',
  checkDigit: 'Kontrollsiffran (sista siffran) stämmer inte. Kontrollera numret mot Bolagsverket.',
} as const;

// Hyphen look-alikes that arrive when a number is pasted from a word processor or a PDF.
const DASHES = /[\u2010-\u2015\u2212]/g;
const FORM = /^(?:16)?(\d{6})-?(\d{4})$/;

/** Luhn (modulus 10) check digit over the given digits, weights 2,1,2,1… from the left. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Parses an organisationsnummer as typed: with or without the hyphen, spaces allowed, and the
 * twelve-digit form with the "16" prefix used in some registers. Canonical form: NNNNNN-NNNN.
 */
export function parseOrgNumber(input: string): OrgNumberResult {
  const raw = input.replace(DASHES, '-').replace(/\s+/g, '');
  if (raw === '') return { ok: false, error: ORG_ERRORS.empty };
  const m = FORM.exec(raw);
  if (!m) return { ok: false, error: ORG_ERRORS.format };
  const digits = m[1]! + m[2]!;
  const group = Number(digits[0]);
  if (group === 0 || group === 4) return { ok: false, error: ORG_ERRORS.group };
  if (Number(digits.slice(2, 4)) < 20) return { ok: false, error: ORG_ERRORS.personnummer };
  if (luhnCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) return { ok: false, error: ORG_ERRORS.checkDigit };
  return { ok: true, value: { canonical: `${digits.slice(0, 6)}-${digits.slice(6)}`, group: group as OrgGroup } };
}

export const isValidOrgNumber = (input: string): boolean => parseOrgNumber(input).ok;
