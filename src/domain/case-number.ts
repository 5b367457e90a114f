// Case numbers (diarienummer in the personakt): ÅÅÅÅ-PREFIX-NNNN, one series per municipality,
// area prefix and year, e.g. 2026-ÄO-0042. The prefix tells staff at a glance which area owns it.
import type { CaseArea } from './process/types.ts';

export const CASE_NUMBER_PREFIX: Readonly<Record<CaseArea, string>> = {
  aldreomsorg: 'ÄO',
  funktionsstod: 'FS',
  barn_och_unga: 'BoU',
  vuxen: 'VUX',
  ekonomiskt_bistand: 'EB',
  familjeratt: 'FR',
  vald_i_nara_relationer: 'VUX',
};

export function formatCaseNumber(year: number, prefix: string, n: number): string {
  return `${year}-${prefix}-${String(n).padStart(4, '0')}`;
}
