// Ej verkställda beslut per unit, the quarterly reports recorded, and the IVO individrapport file
// made from the data (no retyping). Rules: src/domain/evb.ts (34 kap. 1–2 §§ SoL, 28 f–h §§ LSS).
import type { TenantTx } from '../../db/database.ts';
import type { CaseWorker, RequestContext } from '../../access/actor.ts';
import { auditRecord, recordListReads } from '../../access/gate.ts';
import { badRequest, conflict, forbidden, notFound } from '../../http/problems.ts';
import { dateInSweden } from '../../../domain/deadlines.ts';
import {
  evbFinding, evbLaw, isTracked, isVerkstallt, ivoCsv, ivoRow, ivoWindow, parseQuarter, quarterRange, reportingQuarter,
  type EvbDecisionFacts, type EvbFinding, type EvbKind,
} from '../../../domain/evb.ts';
import type { EvbList, EvbReportBody } from '../../../shared/orders-api.ts';

interface Row {
  decision_id: string; case_id: string; case_number: string; case_status: string; legal_basis: string; status: string;
  outcome: 'bifall' | 'delvis_bifall' | 'avslag'; decided_on: string | null; valid_to: string | null; insats: string;
  person_id: string; first_name: string; last_name: string; id_number: string; birth_date: string; protection: string;
  assigned_to: string | null; closed_on: string | null;
  orders: Array<{ status: EvbDecisionFacts['orders'][number]['status']; startedOn: string | null; interruptedOn: string | null }>;
  reports: Array<{ kind: EvbKind; quarter: string; reason: string }> | null;
}

/** Granted, signed decisions of the unit under 11 kap. 1 §, 12 kap. 1 § SoL or 9 § LSS, with their orders and reports. */
async function unitDecisions(tx: TenantTx, unitId: string): Promise<Row[]> {
  const rows = await tx.query<Row>(
    `SELECT d.id AS decision_id, c.id AS case_id, c.case_number, c.status AS case_status, d.legal_basis, d.status, d.outcome, d.decided_on,
       d.valid_to, d.insats, p.id AS person_id, p.first_name, p.last_name, p.id_number, p.birth_date, p.protection, su.name AS assigned_to, c.closed_on,
       coalesce((SELECT json_agg(json_build_object('status', o.status, 'startedOn', o.started_on, 'interruptedOn', o.interrupted_on))
                 FROM orders o WHERE o.municipality_id = d.municipality_id AND o.decision_id = d.id), '[]') AS orders,
       (SELECT json_agg(json_build_object('kind', r.kind, 'quarter', r.quarter, 'reason', r.reason) ORDER BY r.quarter)
          FROM evb_reports r WHERE r.municipality_id = d.municipality_id AND r.decision_id = d.id) AS reports
     FROM decisions d
     JOIN cases c ON c.municipality_id = d.municipality_id AND c.id = d.case_id
     JOIN persons p ON p.municipality_id = c.municipality_id AND p.id = c.person_id
     LEFT JOIN staff_users su ON su.municipality_id = c.municipality_id AND su.id = c.assigned_to
     WHERE d.municipality_id = $1 AND c.unit_id = $2 AND d.status = 'fattat' AND d.outcome <> 'avslag'
       AND (d.legal_basis IN ('SoL2025:11:1', 'SoL2025:12:1') OR d.legal_basis ~ '^LSS:9:')
     ORDER BY d.decided_on, c.case_number`, [tx.municipalityId, unitId]);
  return rows.filter((r) => evbLaw(r.legal_basis) !== null);
}

function facts(r: Row): EvbDecisionFacts {
  return {
    legalBasis: r.legal_basis, status: r.status, outcome: r.outcome, decidedOn: r.decided_on, validTo: r.valid_to,
    caseClosed: r.case_status === 'avslutad', orders: r.orders,
  };
}

function unitOf(actor: CaseWorker): string {
  if (!actor.unitId) throw forbidden('Du hör inte till någon enhet; listan visas per enhet.', 'no-unit');
  return actor.unitId;
}

export async function evbList(tx: TenantTx, ctx: RequestContext, actor: CaseWorker): Promise<EvbList> {
  const today = dateInSweden();
  const quarter = reportingQuarter(today);
  const rows = await unitDecisions(tx, unitOf(actor));
  const items: EvbList['items'] = [];
  const resolved: EvbList['resolved'] = [];
  for (const r of rows) {
    const f = evbFinding(facts(r), today);
    const reports = r.reports ?? [];
    const name = `${r.first_name} ${r.last_name}`;
    if (f) {
      const mine = reports.filter((x) => x.kind === f.kind);
      items.push({
        decisionId: r.decision_id, caseId: r.case_id, caseNumber: r.case_number, personName: name, protectedIdentity: r.protection !== 'ingen',
        insats: r.insats, law: f.law, legalBasis: r.legal_basis, decidedOn: r.decided_on!, kind: f.kind, since: f.since, lastDay: f.lastDay,
        daysSince: f.daysSince, assignedTo: r.assigned_to, reportedQuarters: [...new Set(mine.map((x) => x.quarter))],
        reportedThisQuarter: mine.some((x) => x.quarter === quarter), lastReason: mine.at(-1)?.reason ?? null,
      });
    } else if (reports.length) {
      // Reported earlier and no longer reportable: tracked until verkställt or ended (34 kap. 2 § SoL: report the day of verkställighet).
      const fx = facts(r);
      const started = r.orders.map((o) => o.startedOn).filter((x): x is string => Boolean(x)).sort();
      const verkstallt = isVerkstallt(fx);
      resolved.push({
        decisionId: r.decision_id, caseId: r.case_id, caseNumber: r.case_number, personName: name, insats: r.insats, kind: reports.at(-1)!.kind,
        reportedQuarters: [...new Set(reports.map((x) => x.quarter))],
        outcome: verkstallt && isTracked(fx, today) ? 'verkstallt' : 'avslutat',
        on: verkstallt && isTracked(fx, today) ? started.at(-1) ?? null : r.closed_on ?? r.valid_to,
      });
    }
  }
  items.sort((a, b) => b.daysSince - a.daysSince);
  recordListReads(tx, ctx, rows.filter((r) => items.some((i) => i.decisionId === r.decision_id) || resolved.some((i) => i.decisionId === r.decision_id)).map((r) => r.person_id), 'evb.list');
  return { quarter, window: ivoWindow(quarter), today, items, resolved };
}

/** Records this quarter's report of a decision (idempotent per decision, kind and quarter). */
export async function recordEvbReport(tx: TenantTx, ctx: RequestContext, actor: CaseWorker, body: EvbReportBody): Promise<{ id: string; quarter: string; created: boolean }> {
  const today = dateInSweden();
  const quarter = reportingQuarter(today);
  const reason = body.reason.trim();
  if (!reason) throw badRequest('Ange skälet till dröjsmålet.', [{ path: 'body/reason', message: 'Ange skälet till dröjsmålet.' }]);
  const rows = await unitDecisions(tx, unitOf(actor));
  const r = rows.find((x) => x.decision_id === body.decisionId);
  if (!r) throw notFound('Beslutet');
  const f = evbFinding(facts(r), today);
  if (!f || f.kind !== body.kind) {
    throw conflict(body.kind === 'ej_verkstallt'
      ? 'Beslutet ska inte rapporteras som ej verkställt: det är verkställt, har upphört eller är inte äldre än tre månader (34 kap. 1 § SoL).'
      : 'Det finns inget avbrott som varat mer än tre månader att rapportera (34 kap. 1 § andra stycket SoL).', 'not-reportable');
  }
  const existing = await tx.one<{ id: string }>('SELECT id FROM evb_reports WHERE municipality_id = $1 AND decision_id = $2 AND kind = $3 AND quarter = $4',
    [tx.municipalityId, body.decisionId, body.kind, quarter]);
  tx.audit(auditRecord(ctx, { action: 'update', resource: 'evb.report', subjectPersonId: r.person_id, purpose: 'unit_case', details: { decisionId: body.decisionId, quarter } }));
  if (existing) return { id: existing.id, quarter, created: false };
  const inserted = await tx.one<{ id: string }>(
    `INSERT INTO evb_reports (municipality_id, id, decision_id, kind, quarter, reason, reported_on, reported_by)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7)
     ON CONFLICT (municipality_id, decision_id, kind, quarter) DO NOTHING RETURNING id`,
    [tx.municipalityId, body.decisionId, body.kind, quarter, reason, today, actor.userId]);
  if (!inserted) {
    const again = await tx.one<{ id: string }>('SELECT id FROM evb_reports WHERE municipality_id = $1 AND decision_id = $2 AND kind = $3 AND quarter = $4',
      [tx.municipalityId, body.decisionId, body.kind, quarter]);
    return { id: again!.id, quarter, created: false };
  }
  return { id: inserted.id, quarter, created: true };
}

/**
 * The IVO individrapporter for a quarter: the unit's decisions reportable at the end of the quarter
 * (or today, while it runs), one row each, with the reason recorded for that quarter (or the latest).
 */
export async function ivoReportCsv(tx: TenantTx, ctx: RequestContext, actor: CaseWorker, quarterParam?: string): Promise<{ csv: string; fileName: string }> {
  const today = dateInSweden();
  const quarter = quarterParam ?? reportingQuarter(today);
  if (!parseQuarter(quarter)) throw badRequest('Ange kvartal som ÅÅÅÅQn, t.ex. 2026Q4.', [{ path: 'querystring/quarter', message: 'ÅÅÅÅQn' }]);
  const range = quarterRange(quarter);
  if (range.from > today) throw badRequest('Kvartalet har inte börjat än.', [{ path: 'querystring/quarter', message: 'Kvartalet har inte börjat än.' }]);
  const asOf = range.to < today ? range.to : today;
  const muni = await tx.one<{ name: string; board_name: string }>('SELECT name, board_name FROM municipalities WHERE id = $1', [tx.municipalityId]);
  const rows = await unitDecisions(tx, unitOf(actor));
  const found: Array<{ r: Row; f: EvbFinding }> = [];
  for (const r of rows) {
    const f = evbFinding(facts(r), asOf);
    if (f) found.push({ r, f });
  }
  const lines = found.map(({ r, f }) => {
    const reports = (r.reports ?? []).filter((x) => x.kind === f.kind);
    const reason = reports.find((x) => x.quarter === quarter)?.reason ?? reports.at(-1)?.reason ?? null;
    return ivoRow({
      municipality: muni!.name, board: muni!.board_name, law: f.law, legalBasis: r.legal_basis, insats: r.insats, decidedOn: r.decided_on!,
      kind: f.kind, interruptedOn: f.kind === 'avbrott' ? f.since : null, idNumber: r.id_number, birthDate: r.birth_date,
      protectedIdentity: r.protection !== 'ingen', reason, quarter, daysSince: f.daysSince,
    });
  });
  recordListReads(tx, ctx, found.map((x) => x.r.person_id), 'evb.ivo_report', { quarter });
  return { csv: ivoCsv(lines), fileName: `IVO-individrapporter-${quarter}.csv` };
}
