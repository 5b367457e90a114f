// Small pure helpers for the case screens.
import type { CaseDeadlineView, CaseDetail, CaseType, Catalogue } from '../../shared/cases-api';
import type { CaseStatus, Lang } from '../i18n';

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (ISO dates; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  const b = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)));
  return Math.round((b - a) / DAY_MS);
}

/** The nearest deadline that is still running. */
export function nextOpenDeadline(deadlines: readonly CaseDeadlineView[]): CaseDeadlineView | null {
  return [...deadlines].filter((d) => !d.completedOn).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ?? null;
}

/** The statuses each case type passes through (its state machine's states, in order). */
export function statusChain(type: CaseType): readonly CaseStatus[] {
  switch (type) {
    case 'barn_anmalan': return ['aktualiserad', 'forhandsbedomning', 'utredning', 'beslut', 'verkstallighet', 'uppfoljning', 'avslutad'];
    case 'ekonomiskt_bistand': return ['aktualiserad', 'utredning', 'beslut', 'uppfoljning', 'avslutad'];
    default: return ['aktualiserad', 'utredning', 'beslut', 'verkstallighet', 'uppfoljning', 'avslutad'];
  }
}

export type Insats = Catalogue['insatser'][number];

export function insatsLabel(catalogue: Catalogue | undefined, key: string, lang: Lang): string {
  const i = catalogue?.insatser.find((x) => x.key === key);
  if (!i) return key;
  return lang === 'sv' ? i.labelSv : i.labelEn;
}

export function isChildCase(detail: Pick<CaseDetail, 'caseType'>): boolean {
  return detail.caseType === 'barn_anmalan';
}

/** 'HH:MM' in Swedish time, for "Sparat 14:32". */
export function clockTime(date: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' }).format(date);
}

/** Words for a list: "a, b och c" / "a, b and c". */
export function listWords(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'sv' ? 'och' : 'and'} ${items[items.length - 1]}`;
}
