// The public e-service "Orosanmälan om barn": anyone may report concern about a child, without
// logging in and — unless they report in their profession — anonymously (19 kap. 1 och 4 §§ SoL
// 2025:400). The report becomes a case in the inbox of the unit that receives new Barn och unga
// matters, with the skyddsbedömning ("genast", 20 kap. 1 §) and förhandsbedömning (14 days,
// 20 kap. 2 §) deadlines, exactly like a report registered by a handläggare. The reporter gets a
// receipt and nothing else: no case number and nothing about the child (OSL 26 kap. 1 §).
//
// The child. The reporter gives the child's name and either a personnummer or a birth date.
//  - A personnummer that matches a person in the municipality: the case is about that person.
//  - Otherwise a new person row is created from what the reporter wrote (with the personnummer,
//    or with a reservnummer built from the birth date) and the case's intake says the identity
//    is unverified, so the handläggare checks it against folkbokföringen before anything else.
//  The answer is the same in every case: the endpoint never reveals whether a child is known to
//  the social services.
//
// CSRF. The staff and citizen routes carry a session and are protected by the session's token
// (withActor → assertCsrf). This route has no session and acts for no one, so there is nothing a
// forged cross-site request could ride on; it ignores any session cookie. What remains is
// cross-site *spam*: the route takes JSON only (a cross-site HTML form cannot send
// application/json without a CORS preflight, which Lots never allows), and a browser's Origin
// header, when sent, must be Lots' own origin.
//
// Anonymity. JO (2798-2008) holds that the nämnd may not trace an anonymous reporter: for an
// anonymous report nothing about the sender is stored — no name, no IP address or user agent in
// the audit record.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database, TenantTx } from '../../db/database.ts';
import { requestMeta } from '../../access/session.ts';
import { HttpProblem, badRequest } from '../../http/problems.ts';
import { insertCase, intakeUnitFor } from '../cases/commands.ts';
import { dateInSweden } from '../../../domain/deadlines.ts';
import { RECEIPT_ALPHABET, makeReceiptNumber } from '../../../domain/receipt.ts';
import { ReportBody, ReportReceipt, childBirthDate, isMandatoryReporter, validateReport, type ReportRole } from '../../../shared/report-api.ts';
import type { Reporter } from '../../../shared/cases-api.ts';

/** Serialises submissions with the same idempotency key (advisory lock class). */
const REPORT_LOCK_CLASS = 727_005;

function assertSameOrigin(req: FastifyRequest, config: Config): void {
  const origin = req.headers.origin;
  if (origin === undefined) return; // not sent by every client (curl, some privacy settings); JSON-only still applies
  if (origin !== new URL(config.publicUrl).origin) {
    throw new HttpProblem(403, 'Otillåten avsändare', 'Anmälan måste skickas från kommunens egen webbplats för orosanmälan.', 'cross-origin');
  }
}

const trim = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** The child's person row: the one with this personnummer, or a new, unverified one. */
async function childPerson(tx: TenantTx, body: ReportBody, today: string): Promise<{ id: string; matched: boolean }> {
  const birth = childBirthDate(body.child, today);
  if (!birth.ok) throw badRequest(birth.error); // validated before; kept for the type
  if (birth.idNumber) {
    const found = await tx.one<{ id: string }>('SELECT id FROM persons WHERE municipality_id = $1 AND id_number = $2',
      [tx.municipalityId, birth.idNumber.canonical]);
    if (found) return { id: found.id, matched: true };
  }
  // A reservnummer: the birth date and four signs ('R' + three random), unique within the municipality.
  for (let attempt = 0; ; attempt++) {
    const idNumber = birth.idNumber?.canonical
      ?? `${birth.birthDate.replace(/-/g, '')}R${Array.from(randomBytes(3), (b) => RECEIPT_ALPHABET[b % RECEIPT_ALPHABET.length]).join('')}`;
    const row = await tx.one<{ id: string }>(
      `INSERT INTO persons (municipality_id, id, id_kind, id_number, first_name, last_name, birth_date)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6) ON CONFLICT (municipality_id, id_number) DO NOTHING RETURNING id`,
      [tx.municipalityId, birth.idNumber?.kind ?? 'reservnummer', idNumber, body.child.firstName.trim(), body.child.lastName.trim(), birth.birthDate]);
    if (row) return { id: row.id, matched: false };
    if (birth.idNumber || attempt > 20) throw new Error('could not create the reported child');
  }
}

export function registerReportRoutes(app: FastifyInstance, deps: { db: Database; config: Config }): void {
  const { db, config } = deps;

  app.post('/api/public/reports', {
    schema: {
      tags: ['e-tjänster'],
      summary: 'Orosanmälan om barn (offentlig, utan inloggning)',
      description: 'Tar emot en orosanmälan och svarar med ett kvittensnummer, inget annat. Samma idempotencyKey igen ger samma kvittens.',
      security: [],
      body: ReportBody,
      response: { 201: ReportReceipt, 400: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 415: { $ref: 'Problem#' }, 429: { $ref: 'Problem#' } },
    },
    // Anyone may report without logging in, so a script could flood the unit's inbox: a limit per
    // address (in memory, never stored — an anonymous reporter's address is not kept anywhere).
    config: {
      rateLimit: {
        max: () => config.publicReports.max,
        timeWindow: config.publicReports.windowSeconds * 1000,
        errorResponseBuilder: (_req: unknown, context: { after: string; ttl: number }) => new HttpProblem(429, 'För många anmälningar',
          `Många anmälningar har skickats från din uppkoppling på kort tid. Vänta ${Math.max(1, Math.ceil(context.ttl / 60000))} minuter och skicka igen – det du skrivit finns kvar i formuläret. Är barnet i akut fara: ring 112. Du kan också ringa socialtjänsten.`,
          'too-many-reports'),
      },
    },
  }, async (req, reply) => {
    assertSameOrigin(req, config);
    const body = req.body as ReportBody;
    const today = dateInSweden();
    const errors = validateReport(body, today);
    if (errors.length) throw badRequest(`Rätta uppgifterna och skicka igen: ${errors.map((e) => e.message).join(' ')}`, errors);

    const [m] = await db.withoutTenant<{ id: number }>('SELECT id FROM auth_municipality_by_code($1)', [body.municipality.trim()]);
    if (!m) throw badRequest('Välj en kommun i listan.', [{ path: 'body/municipality', message: 'Välj en kommun i listan.' }]);

    const role = body.reporter.role as ReportRole;
    const anonymous = body.reporter.anonymous && !isMandatoryReporter(role);
    const meta = requestMeta(req);

    const receipt = await db.withTenant(m.id, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [REPORT_LOCK_CLASS, body.idempotencyKey]);
      const earlier = await tx.one<{ receipt_number: string; submitted_at: Date }>(
        `SELECT receipt_number, submitted_at FROM e_service_submissions
         WHERE municipality_id = $1 AND idempotency_key = $2 AND kind = 'orosanmalan'`, [tx.municipalityId, body.idempotencyKey]);
      if (earlier) return { receiptNumber: earlier.receipt_number, receivedAt: earlier.submitted_at.toISOString() };
      // The same key used for another e-service: refuse rather than answer with the other's receipt.
      const clash = await tx.one('SELECT 1 FROM e_service_submissions WHERE municipality_id = $1 AND idempotency_key = $2', [tx.municipalityId, body.idempotencyKey]);
      if (clash) throw badRequest('Formuläret behöver laddas om. Ladda om sidan och skicka igen.', [{ path: 'body/idempotencyKey', message: 'Nyckeln är redan använd.' }]);

      const child = await childPerson(tx, body, today);
      const reporter: Reporter = anonymous
        ? { role, anonymous: true, mayBeNamed: false }
        : { role, anonymous: false, mayBeNamed: body.reporter.mayBeNamed, name: trim(body.reporter.name), phone: trim(body.reporter.phone), organisation: trim(body.reporter.organisation) };
      const unitId = await intakeUnitFor(tx, 'barn_och_unga');
      const created = await insertCase(tx, {
        personId: child.id, area: 'barn_och_unga', origin: 'anmalan', channel: 'e_tjanst', receivedOn: today,
        description: body.description.trim(), reporter,
        // An acute report must stand out in the inbox list, where only the title shows.
        ...(body.immediateDanger ? { title: 'AKUT: Orosanmälan – barnet uppges vara i akut fara' } : {}),
      }, { unitId, assignedTo: null });

      const receiptNumber = makeReceiptNumber('orosanmalan', Number(today.slice(0, 4)), () => randomBytes(1)[0]!);
      // What the handläggare needs beyond the common intake: how the child was identified, and urgency.
      await tx.query(
        `UPDATE cases SET intake = intake || $3::jsonb WHERE municipality_id = $1 AND id = $2`,
        [tx.municipalityId, created.id, JSON.stringify({
          immediateDanger: body.immediateDanger,
          receiptNumber,
          childAsReported: { firstName: body.child.firstName.trim(), lastName: body.child.lastName.trim(), whereabouts: trim(body.child.whereabouts) ?? null },
          childIdentityVerified: false,
          childMatchedByPersonnummer: child.matched,
        })]);
      const row = await tx.one<{ submitted_at: Date }>(
        `INSERT INTO e_service_submissions (municipality_id, id, kind, idempotency_key, receipt_number, case_id, submitted_by_person_id)
         VALUES ($1, gen_random_uuid(), 'orosanmalan', $2, $3, $4, NULL) RETURNING submitted_at`,
        [tx.municipalityId, body.idempotencyKey, receiptNumber, created.id]);
      tx.audit({
        actorKind: 'anonymous', actorId: null, actorName: anonymous ? null : 'Anmälare via e-tjänst',
        subjectPersonId: child.id, action: 'create', resource: 'case.report.public', purpose: 'orosanmalan', reason: null,
        flagged: false,
        ip: anonymous ? null : meta.ip, userAgent: anonymous ? null : meta.userAgent,
        details: { caseId: created.id, receiptNumber, reporterRole: role, anonymous, immediateDanger: body.immediateDanger, childMatched: child.matched },
      });
      return { receiptNumber, receivedAt: row!.submitted_at.toISOString() };
    });
    return reply.status(201).send(receipt);
  });
}
