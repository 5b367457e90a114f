// Ej verkställda beslut (EVB): which granted decisions the nämnd must report to IVO and the
// kommunens revisorer, and the individrapport that goes to IVO (domain.md 1.3.4).
//
// - 34 kap. 1 § första stycket SoL (2025:400): a gynnande decision under 11 kap. 1 § or 12 kap. 1 §
//   that has not been verkställt within three months of the day of the decision is reported.
// - 34 kap. 1 § andra stycket SoL: the same when verkställigheten was interrupted (avbrott) and has
//   not been resumed within three months of the interruption.
// - 34 kap. 2 § SoL: the day of verkställighet is reported once it happens (the provider's start).
// - LSS 28 f–h §§ give the parallel rules for 9 § LSS insatser. ⚠️ paragraph numbers per
//   domain.md, not re-verified.
// - IVO practice [S5]: one individrapport per decision or interruption, every quarter until the
//   decision is verkställt or ends, submitted in set windows (2019: Q1 → 1–30 April, Q2 → 1 July–31
//   August, Q3 → 1–31 October, Q4 → 1–31 January).
//
// "Three months" is calendar months (lagen 1930:173 om beräkning av lagstadgad tid, through
// addMonths): a decision of 2026-11-30 has until 2027-02-28 and is reportable from 2027-03-01.
import { addMonths, type IsoDate } from './deadlines.ts';

export type EvbKind = 'ej_verkstallt' | 'avbrott';
export type EvbLaw = 'SoL' | 'LSS';
export type Quarter = `${number}Q${1 | 2 | 3 | 4}`;

export const EVB_KIND_LABELS_SV: Record<EvbKind, string> = { ej_verkstallt: 'Ej verkställt beslut', avbrott: 'Avbrott i verkställigheten' };

/**
 * The law under which a decision counts for EVB reporting, or null: only 11 kap. 1 § and
 * 12 kap. 1 § SoL (34 kap. 1 § SoL) and the insatser in 9 § LSS (28 f § LSS).
 */
export function evbLaw(legalBasis: string): EvbLaw | null {
  if (legalBasis === 'SoL2025:11:1' || legalBasis === 'SoL2025:12:1') return 'SoL';
  if (/^LSS:9:(10|[1-9])$/.test(legalBasis)) return 'LSS';
  return null;
}

export interface EvbOrderFacts {
  status: 'skickad' | 'accepterad' | 'pagaende' | 'avbruten' | 'avslutad' | 'returnerad';
  /** The provider's reported start (the decision is verkställt, 34 kap. 2 § SoL). */
  startedOn: IsoDate | null;
  interruptedOn: IsoDate | null;
}

export interface EvbDecisionFacts {
  legalBasis: string;
  status: string; // 'utkast' | 'forslag' | 'fattat'
  outcome: 'bifall' | 'delvis_bifall' | 'avslag';
  decidedOn: IsoDate | null;
  validTo: IsoDate | null;
  /** The case is closed: the decision is no longer tracked (it ended, was withdrawn or declined). */
  caseClosed: boolean;
  orders: EvbOrderFacts[];
}

export interface EvbFinding {
  kind: EvbKind;
  law: EvbLaw;
  /** The day the clock runs from: the decision day, or the day of the interruption. */
  since: IsoDate;
  /** The last day of the three months; reportable from the day after. */
  lastDay: IsoDate;
  daysSince: number;
}

const DAY_MS = 86_400_000;
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The last day of the three months from `since` (the decision day or the day of an interruption)
 * within which the decision must be verkställt (34 kap. 1 § SoL; 28 f § LSS): reportable from the day after.
 */
export function evbLastDay(since: IsoDate): IsoDate {
  return addMonths(since, 3);
}

/** Whether the decision is verkställt: the provider has reported a start on some order (34 kap. 2 § SoL). */
export function isVerkstallt(d: { orders: readonly Pick<EvbOrderFacts, 'startedOn'>[] }, asOf?: IsoDate): boolean {
  return d.orders.some((o) => o.startedOn !== null && (asOf === undefined || o.startedOn <= asOf));
}

/** A granted, signed decision (gynnande beslut) whose period has not ended and whose case is open. */
export function isTracked(d: Pick<EvbDecisionFacts, 'status' | 'outcome' | 'decidedOn' | 'caseClosed' | 'validTo'>, asOf: IsoDate): boolean {
  return d.status === 'fattat' && d.outcome !== 'avslag' && d.decidedOn !== null && !d.caseClosed && (d.validTo === null || d.validTo >= asOf);
}

/**
 * Whether the decision must be reported as of `asOf`, and as what:
 * - 'ej_verkstallt': never verkställt and more than three months since the decision (34 kap. 1 § första st. SoL);
 * - 'avbrott': verkställt, now interrupted, and more than three months since the interruption
 *   without resumption (34 kap. 1 § andra st. SoL).
 */
export function evbFinding(d: EvbDecisionFacts, asOf: IsoDate): EvbFinding | null {
  const law = evbLaw(d.legalBasis);
  if (!law || !isTracked(d, asOf)) return null;
  if (!isVerkstallt(d, asOf)) {
    const since = d.decidedOn!;
    const lastDay = evbLastDay(since);
    return asOf > lastDay ? { kind: 'ej_verkstallt', law, since, lastDay, daysSince: daysBetween(since, asOf) } : null;
  }
  // Verkställt: an interruption counts only if no order is running now.
  if (d.orders.some((o) => o.status === 'pagaende')) return null;
  const interrupted = d.orders.filter((o) => o.status === 'avbruten' && o.interruptedOn && o.interruptedOn <= asOf)
    .map((o) => o.interruptedOn!).sort();
  const since = interrupted[0];
  if (!since) return null;
  const lastDay = evbLastDay(since);
  return asOf > lastDay ? { kind: 'avbrott', law, since, lastDay, daysSince: daysBetween(since, asOf) } : null;
}

// ---- quarters and IVO's reporting windows -----------------------------------------------------

export function quarterOf(date: IsoDate): Quarter {
  const month = Number(date.slice(5, 7));
  return `${Number(date.slice(0, 4))}Q${(Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4}`;
}

export function parseQuarter(q: string): { year: number; q: 1 | 2 | 3 | 4 } | null {
  const m = /^(\d{4})Q([1-4])$/.exec(q);
  return m ? { year: Number(m[1]), q: Number(m[2]) as 1 | 2 | 3 | 4 } : null;
}

/** First and last day of a quarter. */
export function quarterRange(q: Quarter | string): { from: IsoDate; to: IsoDate } {
  const p = parseQuarter(q);
  if (!p) throw new RangeError(`Not a quarter: '${q}'`);
  const firstMonth = (p.q - 1) * 3 + 1;
  const from = `${p.year}-${String(firstMonth).padStart(2, '0')}-01`;
  return { from, to: previousDay(addMonths(from, 3)) };
}

function previousDay(date: IsoDate): IsoDate {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS);
  return d.toISOString().slice(0, 10);
}

/**
 * IVO's reporting window for a quarter's individrapporter (the 2019 windows, domain.md 1.3.4):
 * Q1 → 1–30 April, Q2 → 1 July–31 August, Q3 → 1–31 October, Q4 → 1–31 January the year after.
 */
export function ivoWindow(q: Quarter | string): { from: IsoDate; to: IsoDate } {
  const p = parseQuarter(q);
  if (!p) throw new RangeError(`Not a quarter: '${q}'`);
  switch (p.q) {
    case 1: return { from: `${p.year}-04-01`, to: `${p.year}-04-30` };
    case 2: return { from: `${p.year}-07-01`, to: `${p.year}-08-31` };
    case 3: return { from: `${p.year}-10-01`, to: `${p.year}-10-31` };
    case 4: return { from: `${p.year + 1}-01-01`, to: `${p.year + 1}-01-31` };
  }
}

export function previousQuarter(q: Quarter | string): Quarter {
  const p = parseQuarter(q)!;
  return p.q === 1 ? `${p.year - 1}Q4` : `${p.year}Q${(p.q - 1) as 1 | 2 | 3}`;
}

/**
 * The quarter a report made today belongs to: the previous quarter while its IVO window is open
 * (a report in January is the Q4 report), otherwise the current quarter.
 */
export function reportingQuarter(today: IsoDate): Quarter {
  const prev = previousQuarter(quarterOf(today));
  const w = ivoWindow(prev);
  return today >= w.from && today <= w.to ? prev : quarterOf(today);
}

// ---- the individrapport ---------------------------------------------------------------------

/** Kön from a personnummer: the second-to-last digit, odd = man, even = kvinna. */
export function sexFromIdNumber(idNumber: string): 'kvinna' | 'man' | null {
  const digits = idNumber.replace(/\D/g, '');
  if (digits.length < 10) return null;
  return Number(digits[digits.length - 2]) % 2 === 1 ? 'man' : 'kvinna';
}

export interface IvoRowInput {
  municipality: string;
  board: string;
  law: EvbLaw;
  legalBasis: string;      // 'SoL2025:11:1', 'LSS:9:10'
  insats: string;
  decidedOn: IsoDate;
  kind: EvbKind;
  interruptedOn: IsoDate | null;
  idNumber: string;
  birthDate: IsoDate;
  protectedIdentity: boolean;
  reason: string | null;
  quarter: Quarter | string;
  daysSince: number;
}

/** The individrapport's fields, in IVO's order: Swedish headers, one row per decision or interruption. No address, no name. */
export const IVO_COLUMNS = [
  'Kvartal', 'Kommun', 'Nämnd', 'Lag', 'Lagrum för beslutet', 'Insats', 'Typ av rapport', 'Beslutsdatum', 'Avbrottsdatum',
  'Dagar sedan beslut eller avbrott', 'Kön', 'Födelseår', 'Skyddad identitet', 'Skäl till dröjsmålet',
] as const;

export function ivoRow(r: IvoRowInput): string[] {
  const sex = sexFromIdNumber(r.idNumber);
  const basis = /^SoL2025:(\d+):(\d+)$/.exec(r.legalBasis);
  const lss = /^LSS:9:(\d+)$/.exec(r.legalBasis);
  const lagrum = basis ? `${basis[1]} kap. ${basis[2]} § SoL` : lss ? `9 § ${lss[1]} LSS` : r.legalBasis;
  return [
    r.quarter, r.municipality, r.board, r.law, lagrum, r.insats, EVB_KIND_LABELS_SV[r.kind], r.decidedOn, r.interruptedOn ?? '',
    String(r.daysSince), sex === null ? '' : sex === 'man' ? 'Man' : 'Kvinna', r.birthDate.slice(0, 4),
    // Protected identity: flagged, so the report is sent through the e-service with the note IVO asks for (domain.md 1.3.4).
    r.protectedIdentity ? 'Ja' : 'Nej', r.reason ?? '',
  ];
}

function csvCell(v: string): string {
  return /[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Semicolon-separated (Swedish Excel), CRLF, UTF-8 with BOM so å/ä/ö open right. */
export function ivoCsv(rows: string[][]): string {
  return `\uFEFF${[[...IVO_COLUMNS], ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
