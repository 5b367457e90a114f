// Ansökan om försörjningsstöd (ekonomiskt bistånd, 12 kap. 1 § SoL 2025:400): what the household
// tells the socialnämnd for one month. Pure: the e-service (web and server), the case's intake and
// the handläggare's view all read the application through these functions.
//
// Sources (/work/shared/domain.md §3.3):
// - 12 kap. 1 § SoL: the right to bistånd for försörjning (försörjningsstöd) and other living costs.
// - 12 kap. 7 § SoL: försörjningsstöd covers the riksnorm items and *actual reasonable costs* for
//   housing, household electricity, work travel, home insurance, trade union and a-kassa
//   membership. Those are the costs asked for here (plus barnomsorg and medical costs, which the
//   handläggare weighs as livsföring i övrigt, case by case).
// - The calculation counts the whole household's income (wages, benefits, maintenance …) against
//   the household's norm and costs; assets must normally be used first (domain.md §3.3, formula).
//   12 kap. 9 §: children's own work income is counted only above 1 prisbasbelopp a year.
// - Spouses, registered partners and sambos are one household and are applied for together: the
//   riksnorm has one amount for a cohabiting couple (SoF 2001:937 2 kap. 1 §, domain.md S11), and
//   spouses owe each other maintenance (äktenskapsbalken 6 kap. 1–2 §§, ⚠️ not in domain.md).
//   In practice both adults sign the application and are both responsible for what it says
//   (⚠️ municipal practice, not a paragraph of SoL). So a partner confirms it with their own e-ID.
// - This module does NOT compute the riksnorm or the amount of försörjningsstöd: the per-age
//   riksnorm tables are ⚠️ not retrieved (domain.md §3.3). This is the application only.

import { dateInSweden, type IsoDate } from './deadlines';
import { parseIdNumber } from './personnummer';

// ---- kinds ---------------------------------------------------------------------------------------

export const INCOME_KINDS = ['lon', 'a_kassa', 'sjukpenning', 'aktivitetsstod', 'bostadsbidrag', 'underhallsstod_barnbidrag', 'pension', 'ovrigt'] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];

export const INCOME_LABELS: Record<IncomeKind, { sv: string; en: string }> = {
  lon: { sv: 'Lön', en: 'Salary' },
  a_kassa: { sv: 'Ersättning från a-kassan', en: 'Unemployment benefit (a-kassa)' },
  sjukpenning: { sv: 'Sjukpenning eller sjukersättning', en: 'Sickness benefit or sickness compensation' },
  aktivitetsstod: { sv: 'Aktivitetsstöd eller etableringsersättning', en: 'Activity support or establishment allowance' },
  bostadsbidrag: { sv: 'Bostadsbidrag', en: 'Housing allowance' },
  underhallsstod_barnbidrag: { sv: 'Underhållsstöd eller barnbidrag', en: 'Maintenance support or child allowance' },
  pension: { sv: 'Pension', en: 'Pension' },
  ovrigt: { sv: 'Annan inkomst', en: 'Other income' },
};

/** Incomes whose amount is the same month to month (set by a decision): copied to the next month's application. */
export const STABLE_INCOMES: readonly IncomeKind[] = ['underhallsstod_barnbidrag', 'pension'];

export const COST_KINDS = ['hyra', 'el', 'hemforsakring', 'a_kassa_fack', 'arbetsresor', 'barnomsorg', 'lakarvard_medicin', 'ovrigt'] as const;
export type CostKind = (typeof COST_KINDS)[number];

export const COST_LABELS: Record<CostKind, { sv: string; en: string }> = {
  hyra: { sv: 'Hyra eller boendekostnad', en: 'Rent or housing cost' },
  el: { sv: 'Hushållsel', en: 'Household electricity' },
  hemforsakring: { sv: 'Hemförsäkring', en: 'Home insurance' },
  a_kassa_fack: { sv: 'Avgift till a-kassa och fackförening', en: 'Unemployment fund and trade union fees' },
  arbetsresor: { sv: 'Resor till och från arbetet', en: 'Travel to and from work' },
  barnomsorg: { sv: 'Avgift för förskola eller fritids', en: 'Pre-school or after-school fees' },
  lakarvard_medicin: { sv: 'Läkarvård och medicin', en: 'Medical care and medicine' },
  ovrigt: { sv: 'Annan kostnad', en: 'Other cost' },
};

/**
 * Costs that come back every month: the actual reasonable costs of 12 kap. 7 § SoL (housing,
 * household electricity, work travel, home insurance, union and a-kassa), and the barnomsorg fee.
 * Copied to the next month's application; medical costs and other costs are one-off and are not.
 */
export const RECURRING_COSTS: readonly CostKind[] = ['hyra', 'el', 'hemforsakring', 'a_kassa_fack', 'arbetsresor', 'barnomsorg'];

export const PARTNER_RELATIONS = ['make_maka', 'registrerad_partner', 'sambo'] as const;
export type PartnerRelation = (typeof PARTNER_RELATIONS)[number];
export const PARTNER_LABELS: Record<PartnerRelation, { sv: string; en: string }> = {
  make_maka: { sv: 'Make eller maka', en: 'Spouse' },
  registrerad_partner: { sv: 'Registrerad partner', en: 'Registered partner' },
  sambo: { sv: 'Sambo', en: 'Cohabiting partner (sambo)' },
};

export const ASSET_KINDS = ['bank', 'vehicle', 'other'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export const ASSET_LABELS: Record<AssetKind, { sv: string; en: string }> = {
  bank: { sv: 'Pengar på bankkonton', en: 'Money in bank accounts' },
  vehicle: { sv: 'Bil, motorcykel eller båt', en: 'Car, motorcycle or boat' },
  other: { sv: 'Annat av värde, till exempel bostad, aktier eller fonder', en: 'Other assets, for example a home, shares or funds' },
};

export const ATTACHMENT_KINDS = ['hyra', 'lon', 'ersattning', 'kontoutdrag', 'el', 'ovrigt'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_LABELS: Record<AttachmentKind, { sv: string; en: string }> = {
  hyra: { sv: 'Hyresavi eller hyreskontrakt', en: 'Rent notice or lease' },
  lon: { sv: 'Lönespecifikation', en: 'Pay slip' },
  ersattning: { sv: 'Beslut eller utbetalning från Försäkringskassan, a-kassan eller Pensionsmyndigheten', en: 'Decision or payment from Försäkringskassan, a-kassa or the Pensions Agency' },
  kontoutdrag: { sv: 'Kontoutdrag', en: 'Bank statement' },
  el: { sv: 'Elräkning', en: 'Electricity bill' },
  ovrigt: { sv: 'Annat underlag', en: 'Other document' },
};

export type Who = 'applicant' | 'co_applicant';

// ---- the content -----------------------------------------------------------------------------------

export interface Child {
  /** Client-made id, stable while the form is edited (not a person id). */
  id: string;
  firstName?: string;
  age?: number | null;
  /** How much of the time the child lives in the household, 1–100 % (50 = varannan vecka). */
  livesHerePercent?: number | null;
}
export interface CoApplicantAnswer { relation?: PartnerRelation; personnummer?: string }
export interface Household {
  /** Married, registered partner or sambo, living together. */
  livesWithPartner?: boolean | null;
  coApplicant?: CoApplicantAnswer;
  children?: Child[];
}
export interface IncomeRow { who: Who; kind: IncomeKind; amount?: number | null; note?: string }
export interface CostRow { kind: CostKind; amount?: number | null; note?: string }
export interface AssetAnswer { has?: boolean | null; text?: string }
export type Assets = Partial<Record<AssetKind, AssetAnswer>>;

/** What the form holds; every part optional so a draft can hold half an application. */
export interface ApplicationContent {
  /** The month applied for, 'YYYY-MM'. */
  month?: string;
  household?: Household;
  incomes?: IncomeRow[];
  costs?: CostRow[];
  assets?: Assets;
  /** Anything else the applicant wants the handläggare to know. */
  otherInfo?: string;
}

export const LIMITS = {
  /** Largest amount per row, whole kronor a month: far above any real figure, catches a typo of extra zeros. */
  maxAmount: 1_000_000,
  maxChildren: 12,
  /** Children living at home count to the household up to and including 20 (riksnorm 19–20 at home, in school; 12 kap. 9 §). */
  maxChildAge: 20,
  note: 200,
  firstName: 60,
  assetText: 500,
  otherInfo: 3000,
  /** How many months back an application can be made here; older months by talking to the handläggare. */
  monthsBack: 3,
  monthsAhead: 1,
} as const;

// ---- months ------------------------------------------------------------------------------------

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MONTH_NAMES_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const MONTH_NAMES_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

/** '2026-12' plus n months ('2027-01' for n = 1). */
export function addMonthsToMonth(month: string, n: number): string {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`Not a month: '${month}'`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function nextMonth(month: string): string {
  return addMonthsToMonth(month, 1);
}

/** 'mars 2026' / 'March 2026'. */
export function monthLabel(month: string, lang: 'sv' | 'en' = 'sv'): string {
  const m = MONTH.exec(month);
  if (!m) return month;
  return `${(lang === 'sv' ? MONTH_NAMES_SV : MONTH_NAMES_EN)[Number(m[2]) - 1]} ${m[1]}`;
}

/** The months an application can be made for on `today`: a few back, this month, the next. Newest first. */
export function monthsOpenFor(today: IsoDate = dateInSweden()): string[] {
  const current = today.slice(0, 7);
  const out: string[] = [];
  for (let n = LIMITS.monthsAhead; n >= -LIMITS.monthsBack; n--) out.push(addMonthsToMonth(current, n));
  return out;
}

// ---- amounts -----------------------------------------------------------------------------------

const KRONOR = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK', minimumFractionDigits: 0, maximumFractionDigits: 0 });

/** '12 500 kr' (non-breaking spaces), whole kronor. */
export function formatKronor(amount: number): string {
  return KRONOR.format(amount);
}

/**
 * What the citizen typed in an amount field, as whole kronor: '12 500', '12500 kr', '12 500:-' and
 * '12500,00' are 12 500. Empty is null; anything else (letters, öre, a minus sign) is 'invalid'.
 */
export function parseKronor(input: string): number | null | 'invalid' {
  const text = input.replace(/[\s\u00a0\u202f]/g, '').replace(/(kr|kronor|sek|:-)$/i, '');
  if (text === '') return null;
  const m = /^(\d{1,9})(?:[.,]0{1,2})?$/.exec(text) ?? /^(\d{1,3}(?:\.\d{3})+)$/.exec(text);
  if (!m) return 'invalid';
  return Number(m[1]!.replaceAll('.', ''));
}

const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= LIMITS.maxAmount;

// ---- reading a saved draft -------------------------------------------------------------------

const str = (v: unknown, max: number): string | undefined => (typeof v === 'string' ? v.slice(0, max) : undefined);
const num = (v: unknown): number | null | undefined => (v === null ? null : typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const bool = (v: unknown): boolean | null | undefined => (v === null ? null : typeof v === 'boolean' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => (list as readonly unknown[]).includes(v) ? v as T : undefined;
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The application from a draft's free-form JSON: known fields with the right types only; rows of
 * an unknown kind are dropped. Half-filled values (an amount not yet given) are kept.
 */
export function contentFrom(raw: unknown): ApplicationContent {
  const c = obj(raw) ?? {};
  const out: ApplicationContent = {};
  if (isMonth(c.month)) out.month = c.month;
  const h = obj(c.household);
  if (h) {
    const co = obj(h.coApplicant);
    out.household = compact({
      livesWithPartner: bool(h.livesWithPartner),
      coApplicant: co ? compact({ relation: oneOf(PARTNER_RELATIONS, co.relation), personnummer: str(co.personnummer, 20) }) : undefined,
      children: arr(h.children).map(obj).filter((x): x is Record<string, unknown> => x !== null).slice(0, LIMITS.maxChildren * 2).map((x, i) => compact({
        id: typeof x.id === 'string' && x.id ? x.id.slice(0, 40) : `barn-${i + 1}`,
        firstName: str(x.firstName, LIMITS.firstName),
        age: num(x.age),
        livesHerePercent: num(x.livesHerePercent),
      })),
    });
  }
  if (Array.isArray(c.incomes)) {
    out.incomes = c.incomes.map(obj).filter((x): x is Record<string, unknown> => x !== null).flatMap((x) => {
      const who = oneOf(['applicant', 'co_applicant'] as const, x.who);
      const kind = oneOf(INCOME_KINDS, x.kind);
      return who && kind ? [compact({ who, kind, amount: num(x.amount), note: str(x.note, LIMITS.note) })] : [];
    });
  }
  if (Array.isArray(c.costs)) {
    out.costs = c.costs.map(obj).filter((x): x is Record<string, unknown> => x !== null).flatMap((x) => {
      const kind = oneOf(COST_KINDS, x.kind);
      return kind ? [compact({ kind, amount: num(x.amount), note: str(x.note, LIMITS.note) })] : [];
    });
  }
  const a = obj(c.assets);
  if (a) {
    const assets: Assets = {};
    for (const k of ASSET_KINDS) {
      const x = obj(a[k]);
      if (x) assets[k] = compact({ has: bool(x.has), text: str(x.text, LIMITS.assetText) });
    }
    out.assets = assets;
  }
  const other = str(c.otherInfo, LIMITS.otherInfo);
  if (other !== undefined) out.otherInfo = other;
  return out;
}

// ---- validation --------------------------------------------------------------------------------

export interface FieldError { path: string; message: string }

export interface ValidationContext {
  today?: IsoDate;
  /** The applicant's own personnummer (canonical 12 digits): they cannot be their own co-applicant. */
  applicantIdNumber?: string;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * Checks a complete application. Every error names the field (`body/…`) and says, in Swedish,
 * what to fix. The server refuses to send an application with errors; the web shows the same words.
 */
export function validateApplication(c: ApplicationContent, ctx: ValidationContext = {}): FieldError[] {
  const today = ctx.today ?? dateInSweden();
  const errors: FieldError[] = [];
  const err = (path: string, message: string) => errors.push({ path: `body/${path}`, message });

  // Month
  if (!c.month) err('month', 'Välj vilken månad du söker försörjningsstöd för.');
  else if (!isMonth(c.month)) err('month', 'Månaden ska skrivas som ÅÅÅÅ-MM, till exempel 2026-03.');
  else if (!monthsOpenFor(today).includes(c.month)) {
    err('month', `Här kan du söka för ${monthLabel(monthsOpenFor(today).at(-1)!)} till ${monthLabel(monthsOpenFor(today)[0]!)}. Kontakta din handläggare om du behöver söka för en annan månad.`);
  }

  // Household
  const h = c.household ?? {};
  const partner = h.livesWithPartner === true;
  if (h.livesWithPartner !== true && h.livesWithPartner !== false) {
    err('household/livesWithPartner', 'Svara på om du är gift, registrerad partner eller sambo och bor ihop.');
  }
  if (partner) {
    const co = h.coApplicant ?? {};
    if (!co.relation) err('household/coApplicant/relation', 'Välj om ni är gifta, registrerade partner eller sambor.');
    const pnr = co.personnummer?.trim() ?? '';
    if (!pnr) err('household/coApplicant/personnummer', 'Skriv personnumret för din make, maka, partner eller sambo (ÅÅÅÅMMDD-NNNN).');
    else {
      const parsed = parseIdNumber(pnr, new Date(`${today}T12:00:00Z`));
      if (!parsed.ok || parsed.value.kind === 'reservnummer') {
        err('household/coApplicant/personnummer', `${parsed.ok ? 'Skriv ett personnummer eller samordningsnummer' : parsed.error}. Skriv numret som ÅÅÅÅMMDD-NNNN.`);
      } else if (ctx.applicantIdNumber && parsed.value.canonical === ctx.applicantIdNumber) {
        err('household/coApplicant/personnummer', 'Det är ditt eget personnummer. Skriv personnumret för den du är gift eller sambo med.');
      }
    }
  }
  const children = h.children ?? [];
  if (children.length > LIMITS.maxChildren) err('household/children', `Du kan lägga till högst ${LIMITS.maxChildren} barn här. Berätta om fler under Övrigt.`);
  children.forEach((ch, i) => {
    const n = `barn ${i + 1}`;
    if (!ch.firstName?.trim()) err(`household/children/${i}/firstName`, `Skriv förnamnet på ${n}.`);
    if (ch.age === null || ch.age === undefined) err(`household/children/${i}/age`, `Skriv hur gammalt ${ch.firstName?.trim() || n} är, i hela år.`);
    else if (!Number.isInteger(ch.age) || ch.age < 0 || ch.age > LIMITS.maxChildAge) {
      err(`household/children/${i}/age`, `Åldern ska vara 0–${LIMITS.maxChildAge} år. Barn som är äldre än ${LIMITS.maxChildAge} söker själva.`);
    }
    if (ch.livesHerePercent === null || ch.livesHerePercent === undefined) err(`household/children/${i}/livesHerePercent`, `Svara på hur mycket ${ch.firstName?.trim() || n} bor hos dig.`);
    else if (!Number.isInteger(ch.livesHerePercent) || ch.livesHerePercent < 1 || ch.livesHerePercent > 100) {
      err(`household/children/${i}/livesHerePercent`, 'Skriv hur stor del av tiden barnet bor hos dig, i procent från 1 till 100 (varannan vecka är 50).');
    }
  });

  // Incomes
  const seenIncome = new Set<string>();
  (c.incomes ?? []).forEach((r, i) => {
    const label = lower(INCOME_LABELS[r.kind].sv);
    const whose = r.who === 'co_applicant' ? 'din make, maka eller sambo' : 'du';
    if (r.who === 'co_applicant' && !partner) err(`incomes/${i}/who`, `Ta bort ${label} för din make, maka eller sambo, eller svara att ni bor ihop.`);
    const key = `${r.who}:${r.kind}`;
    if (seenIncome.has(key)) err(`incomes/${i}/kind`, `${INCOME_LABELS[r.kind].sv} finns med två gånger för samma person. Lägg ihop beloppen på en rad.`);
    seenIncome.add(key);
    if (r.amount === null || r.amount === undefined) err(`incomes/${i}/amount`, `Skriv hur mycket ${whose} får i ${label} under månaden, i hela kronor.`);
    else if (!isAmount(r.amount)) err(`incomes/${i}/amount`, `Beloppet för ${label} ska vara hela kronor, 0–${formatKronor(LIMITS.maxAmount)}.`);
    if (r.kind === 'ovrigt' && !r.note?.trim()) err(`incomes/${i}/note`, 'Skriv vad den andra inkomsten är, till exempel studiemedel eller arvode.');
  });

  // Costs
  const seenCost = new Set<string>();
  (c.costs ?? []).forEach((r, i) => {
    const label = lower(COST_LABELS[r.kind].sv);
    if (seenCost.has(r.kind)) err(`costs/${i}/kind`, `${COST_LABELS[r.kind].sv} finns med två gånger. Lägg ihop beloppen på en rad.`);
    seenCost.add(r.kind);
    if (r.amount === null || r.amount === undefined) err(`costs/${i}/amount`, `Skriv hur mycket ${label} kostar under månaden, i hela kronor.`);
    else if (!isAmount(r.amount)) err(`costs/${i}/amount`, `Beloppet för ${label} ska vara hela kronor, 0–${formatKronor(LIMITS.maxAmount)}.`);
    if (r.kind === 'ovrigt' && !r.note?.trim()) err(`costs/${i}/note`, 'Skriv vad den andra kostnaden är.');
  });

  // Assets
  const QUESTIONS: Record<AssetKind, string> = {
    bank: 'Svara ja eller nej: har du eller någon i hushållet pengar på bankkonton?',
    vehicle: 'Svara ja eller nej: äger du eller någon i hushållet en bil, motorcykel eller båt?',
    other: 'Svara ja eller nej: har du eller någon i hushållet något annat av värde?',
  };
  const DESCRIBE: Record<AssetKind, string> = {
    bank: 'Skriv vilka konton det gäller och hur mycket pengar som finns på dem.',
    vehicle: 'Skriv vilket fordon det är och ungefär vad det är värt.',
    other: 'Skriv vad det är och ungefär vad det är värt.',
  };
  for (const k of ASSET_KINDS) {
    const a = c.assets?.[k];
    if (a?.has !== true && a?.has !== false) err(`assets/${k}/has`, QUESTIONS[k]);
    else if (a.has && !a.text?.trim()) err(`assets/${k}/text`, DESCRIBE[k]);
  }
  if ((c.otherInfo?.length ?? 0) > LIMITS.otherInfo) err('otherInfo', `Skriv högst ${LIMITS.otherInfo} tecken under Övrigt.`);
  return errors;
}

// ---- sums --------------------------------------------------------------------------------------

export interface Sums {
  income: Record<Who, number>;
  incomeTotal: number;
  costTotal: number;
  /** Recurring costs (12 kap. 7 § items and barnomsorg) only. */
  costRecurring: number;
}

/** What the application adds up to; an amount not yet given counts as 0. No riksnorm, no decision. */
export function sums(c: ApplicationContent): Sums {
  const amount = (r: { amount?: number | null }) => (isAmount(r.amount) ? r.amount : 0);
  const income: Record<Who, number> = { applicant: 0, co_applicant: 0 };
  for (const r of c.incomes ?? []) income[r.who] += amount(r);
  const costs = c.costs ?? [];
  return {
    income,
    incomeTotal: income.applicant + income.co_applicant,
    costTotal: costs.reduce((s, r) => s + amount(r), 0),
    costRecurring: costs.filter((r) => RECURRING_COSTS.includes(r.kind)).reduce((s, r) => s + amount(r), 0),
  };
}

// ---- the next month --------------------------------------------------------------------------

/**
 * The next month's application from the previous one: the household (partner, children) and the
 * recurring costs with their amounts are copied; the income sources are kept but their amounts must
 * be given again (they change), except incomes fixed by a decision (pension, underhållsstöd and
 * barnbidrag); one-off costs, assets and "övrigt" are cleared. Attachments are never copied (they
 * belong to the submitted case).
 */
export function nextMonthFrom(previous: ApplicationContent, month?: string): ApplicationContent {
  const target = month ?? (previous.month ? nextMonth(previous.month) : undefined);
  const h = previous.household;
  const out: ApplicationContent = {};
  if (target) out.month = target;
  if (h) {
    out.household = compact({
      livesWithPartner: h.livesWithPartner,
      coApplicant: h.livesWithPartner && h.coApplicant ? { ...h.coApplicant } : undefined,
      children: (h.children ?? []).map((ch) => ({ ...ch })),
    });
  }
  out.incomes = (previous.incomes ?? [])
    .filter((r) => r.who === 'applicant' || h?.livesWithPartner)
    .map((r) => compact({ who: r.who, kind: r.kind, amount: STABLE_INCOMES.includes(r.kind) ? r.amount ?? null : null, note: r.note }));
  out.costs = (previous.costs ?? []).filter((r) => RECURRING_COSTS.includes(r.kind)).map((r) => compact({ kind: r.kind, amount: r.amount ?? null, note: r.note }));
  return out;
}

// ---- the text for the handläggare ---------------------------------------------------------

/** The application as one readable text for the case (the structured figures are stored beside it). */
export function describeApplication(c: ApplicationContent, who: { applicantName: string; coApplicantName: string | null }): string {
  const s = sums(c);
  const h = c.household ?? {};
  const lines: string[] = [
    `Ansökan om försörjningsstöd (12 kap. 1 § SoL) via e-tjänst för ${c.month ? monthLabel(c.month) : 'okänd månad'}.`,
  ];
  const relation = h.coApplicant?.relation ? lower(PARTNER_LABELS[h.coApplicant.relation].sv) : 'make, maka eller sambo';
  lines.push(who.coApplicantName
    ? `Sökande: ${who.applicantName}. Medsökande (${relation}): ${who.coApplicantName}, som har bekräftat ansökan med e-legitimation.`
    : `Sökande: ${who.applicantName}${h.livesWithPartner === false ? ' (ensamstående)' : ''}.`);
  const children = h.children ?? [];
  lines.push(children.length
    ? `Barn i hushållet: ${children.map((ch) => `${ch.firstName?.trim() ?? 'barn'} ${ch.age ?? '?'} år${ch.livesHerePercent !== undefined && ch.livesHerePercent !== null && ch.livesHerePercent < 100 ? ` (bor här ${ch.livesHerePercent} % av tiden)` : ''}`).join(', ')}.`
    : 'Inga barn i hushållet.');
  const row = (label: string, amount: number | null | undefined, note?: string) => `- ${label}${note?.trim() ? ` (${note.trim()})` : ''}: ${isAmount(amount) ? formatKronor(amount) : 'belopp saknas'}`;
  const incomes = c.incomes ?? [];
  lines.push(incomes.length
    ? ['Inkomster under månaden:', ...incomes.map((r) => row(`${INCOME_LABELS[r.kind].sv}${r.who === 'co_applicant' ? ' (medsökande)' : ''}`, r.amount, r.note)), `Summa inkomster: ${formatKronor(s.incomeTotal)}`].join('\n')
    : 'Inga inkomster under månaden.');
  const costs = c.costs ?? [];
  lines.push(costs.length
    ? ['Kostnader under månaden:', ...costs.map((r) => row(COST_LABELS[r.kind].sv, r.amount, r.note)), `Summa kostnader: ${formatKronor(s.costTotal)}`].join('\n')
    : 'Inga kostnader angivna.');
  lines.push(['Tillgångar:', ...ASSET_KINDS.map((k) => {
    const a = c.assets?.[k];
    return `- ${ASSET_LABELS[k].sv}: ${a?.has === true ? `ja, ${a.text?.trim() ?? ''}` : a?.has === false ? 'nej' : 'inte besvarat'}`;
  })].join('\n'));
  if (c.otherInfo?.trim()) lines.push(`Övrigt:\n${c.otherInfo.trim()}`);
  return lines.join('\n\n');
}
