// A person's timeline across every case of theirs the user may see (own unit's cases, or all
// through a need-to-know override): the aktualisering, signed journal entries, decisions taken,
// decision letters and files in the personakt (SOSFS 2014:5 4 kap. 6 §), newest first.
import type { TenantTx } from '../../db/database.ts';
import type { RequestContext } from '../../access/actor.ts';
import { accessPerson, caseVisibleSql } from '../../access/gate.ts';
import { TIMELINE_LIMIT, TIMELINE_TYPES, type Timeline, type TimelineEvent, type TimelineQuery, type TimelineType } from '../../../shared/journal-api.ts';
import type { CaseSummary } from '../../../shared/api.ts';

type Area = CaseSummary['area'];
const STOCKHOLM = `'Europe/Stockholm'`;

// Each part yields: type, key, date, at (for order within a day), case_id, title, summary, detail.
// `vc` is the visible cases of the person; every part joins it, so nothing outside it is read.
const PARTS: Record<TimelineType, string> = {
  aktualisering: `SELECT 'aktualisering' AS type, 'aktualisering:' || vc.id AS key, vc.received_on AS date, vc.created_at AS at,
      vc.id AS case_id, vc.title AS title, NULL::text AS summary, vc.origin AS detail
    FROM vc`,
  journal: `SELECT 'journal' AS type, 'journal:' || j.id AS key, j.occurred_on AS date, j.signed_at AS at, vc.id AS case_id,
      j.title AS title, left(j.body, 300) AS summary, j.kind AS detail
    FROM journal_entries j JOIN vc ON j.case_id = vc.id
    WHERE j.municipality_id = $1 AND j.signed_at IS NOT NULL`,
  beslut: `SELECT 'beslut' AS type, 'beslut:' || d.id AS key, d.decided_on AS date, d.signed_at AS at, vc.id AS case_id,
      d.insats AS title, d.scope AS summary, d.outcome AS detail
    FROM decisions d JOIN vc ON d.case_id = vc.id
    WHERE d.municipality_id = $1 AND d.status = 'fattat'`,
  beslutsbrev: `SELECT 'beslutsbrev' AS type, 'beslutsbrev:' || l.id AS key, (l.created_at AT TIME ZONE ${STOCKHOLM})::date AS date,
      l.created_at AS at, vc.id AS case_id, COALESCE(f.file_name, 'Beslutsbrev') AS title, NULL::text AS summary,
      l.delivered_on::text AS detail
    FROM decision_letters l JOIN vc ON l.case_id = vc.id
    LEFT JOIN case_files f ON f.municipality_id = l.municipality_id AND f.id = l.file_id
    WHERE l.municipality_id = $1`,
  // Files that are a decision letter show once, as the letter.
  fil: `SELECT 'fil' AS type, 'fil:' || f.id AS key, (f.uploaded_at AT TIME ZONE ${STOCKHOLM})::date AS date, f.uploaded_at AS at,
      vc.id AS case_id, f.file_name AS title, f.description AS summary, f.kind AS detail
    FROM case_files f JOIN vc ON f.case_id = vc.id
    WHERE f.municipality_id = $1
      AND NOT EXISTS (SELECT 1 FROM decision_letters l WHERE l.municipality_id = f.municipality_id AND l.file_id = f.id)`,
};

export async function personTimeline(tx: TenantTx, ctx: RequestContext, personId: string, query: TimelineQuery): Promise<Timeline> {
  const relation = await accessPerson(tx, ctx, personId, { action: 'read', resource: 'person.timeline' });
  const params: unknown[] = [tx.municipalityId, personId];
  const visible = caseVisibleSql(ctx.actor, 'c', relation, params);

  const areas = await tx.query<{ area: Area }>(
    `SELECT DISTINCT c.area FROM cases c WHERE c.municipality_id = $1 AND c.person_id = $2 AND ${visible} ORDER BY c.area`, params);

  const areaFilter = query.area ? ` AND c.area = $${params.push(query.area)}` : '';
  const types = query.type ? [query.type] : [...TIMELINE_TYPES];
  const rows = await tx.query<{
    type: TimelineType; key: string; date: string; case_id: string; case_number: string; area: Area;
    title: string; summary: string | null; detail: string | null;
  }>(
    `WITH vc AS (
       SELECT c.id, c.case_number, c.area, c.title, c.origin, c.received_on, c.created_at
       FROM cases c WHERE c.municipality_id = $1 AND c.person_id = $2 AND ${visible}${areaFilter}
     )
     SELECT e.type, e.key, e.date, e.case_id, vc.case_number, vc.area, e.title, e.summary, e.detail
     FROM (${types.map((t) => PARTS[t]).join('\n UNION ALL ')}) e
     JOIN vc ON vc.id = e.case_id
     ORDER BY e.date DESC, e.at DESC NULLS LAST, e.key
     LIMIT ${TIMELINE_LIMIT + 1}`, params);

  const items: TimelineEvent[] = rows.slice(0, TIMELINE_LIMIT).map((r) => ({
    key: r.key, type: r.type, date: r.date, caseId: r.case_id, caseNumber: r.case_number, area: r.area,
    title: r.title, summary: r.summary, detail: r.detail,
  }));
  return { personId, items, areas: areas.map((a) => a.area), truncated: rows.length > TIMELINE_LIMIT };
}
