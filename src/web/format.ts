// Display formatting for the web app, per UI language. Swedish dates come from the shared domain
// helpers (src/domain/format.ts); English uses Intl with the same UTC-safe handling of ISO dates.
import { DEADLINE_KINDS, type DeadlineKind } from '../domain/deadlines';
import { formatDateSv } from '../domain/format';
import type { Deadline } from '../shared/api';
import type { Lang } from './i18n';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function utcDate(iso: string): Date | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

const dateFormats: Record<Exclude<Lang, 'sv'>, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

const dateTimeFormats: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }),
};

/** '2026-11-22' → '22 nov. 2026' (sv) / '22 Nov 2026' (en). */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  try {
    if (lang === 'sv') return formatDateSv(iso);
  } catch {
    return iso;
  }
  const date = utcDate(iso);
  return date ? dateFormats[lang].format(date) : iso;
}

/** An instant, shown in Swedish time. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormats[lang].format(date);
}

/** Label of a deadline kind ('forhandsbedomning' → 'Förhandsbedömning'). */
export function deadlineLabel(deadline: Deadline, lang: Lang): string {
  const info = (DEADLINE_KINDS as Partial<Record<string, (typeof DEADLINE_KINDS)[DeadlineKind]>>)[deadline.kind];
  if (info) return lang === 'sv' ? info.labelSv : info.labelEn;
  const text = deadline.kind.replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
