// Row → API mappings shared by the modules. Protected persons never get an address out.
import { formatIdNumber, ageOn } from '../../../domain/personnummer.ts';
import { dateInSweden, isOverdue } from '../../../domain/deadlines.ts';
import type { Deadline, DecisionView, PersonRef } from '../../../shared/api.ts';

export type IdKind = 'personnummer' | 'samordningsnummer' | 'reservnummer';
export type ProtectionLevel = 'ingen' | 'sekretessmarkering' | 'skyddad_folkbokforing';

export interface PersonCols {
  person_id: string; first_name: string; last_name: string; id_number: string; id_kind: IdKind;
  protection: ProtectionLevel; birth_date: string;
  street?: string | null; postal_code?: string | null; city?: string | null;
}

export const PERSON_COLS = `p.id AS person_id, p.first_name, p.last_name, p.id_number, p.id_kind, p.protection, p.birth_date`;

/** Today's date in Sweden: deadlines and ages turn at Swedish midnight, not at UTC's. */
export const today = () => dateInSweden();

export function personRef(r: PersonCols): PersonRef {
  return { id: r.person_id, name: `${r.first_name} ${r.last_name}`, idNumber: formatIdNumber(r.id_number, r.id_kind), protection: r.protection };
}

/** The first of a name's words ("Eva Karlsson" → "Eva"): staff are shown to citizens by first name. */
export function firstNameOf(name: string | null | undefined): string | null {
  return name?.trim().split(/\s+/)[0] ?? null;
}

export function ageOf(r: Pick<PersonCols, 'birth_date'>): number {
  return ageOn(r.birth_date, today());
}

/** The address, unless the person has protected personal data (sekretessmarkering or skyddad folkbokföring). */
export function addressOf(r: PersonCols) {
  if (r.protection !== 'ingen' || !r.street || !r.postal_code || !r.city) return null;
  return { street: r.street, postalCode: r.postal_code, city: r.city };
}

export interface DeadlineCols { dl_kind: string | null; dl_basis: string | null; dl_due: string | null }

/** The earliest open deadline of a case, as a LATERAL join producing dl_kind, dl_basis, dl_due. */
export const NEXT_DEADLINE_JOIN = `LEFT JOIN LATERAL (
    SELECT d.kind AS dl_kind, d.legal_basis AS dl_basis, d.due_on AS dl_due FROM case_deadlines d
    WHERE d.municipality_id = c.municipality_id AND d.case_id = c.id AND d.completed_on IS NULL
    ORDER BY d.due_on LIMIT 1) dl ON true`;

export function deadlineOf(r: DeadlineCols): Deadline | null {
  if (!r.dl_kind || !r.dl_due) return null;
  return { kind: r.dl_kind, legalBasis: r.dl_basis ?? '', dueOn: r.dl_due, overdue: isOverdue(r.dl_due, today()) };
}

export interface DecisionCols {
  id: string; case_id: string; insats: string; outcome: DecisionView['outcome']; legal_basis: string; decided_on: string;
  valid_from: string | null; valid_to: string | null; scope: string | null; motivation: string;
}

export const DECISIONS_FOR_CASES = `SELECT id, case_id, insats, outcome, legal_basis, decided_on, valid_from, valid_to, scope, motivation
  FROM decisions WHERE municipality_id = $1 AND case_id = ANY($2::uuid[]) ORDER BY decided_on DESC`;

export function groupDecisions(rows: DecisionCols[]): Map<string, DecisionView[]> {
  const byCase = new Map<string, DecisionView[]>();
  for (const d of rows) {
    const view: DecisionView = { id: d.id, insats: d.insats, outcome: d.outcome, legalBasis: d.legal_basis, decidedOn: d.decided_on,
      validFrom: d.valid_from, validTo: d.valid_to, scope: d.scope, motivation: d.motivation };
    byCase.set(d.case_id, [...(byCase.get(d.case_id) ?? []), view]);
  }
  return byCase;
}
