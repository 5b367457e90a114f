// The register of providers (utförare), kept by the systemförvaltare: municipal units and private
// companies, under LOV (lag 2008:962 om valfrihetssystem, where the kommun must approve every
// qualifying provider and inform the person of all of them) or not, with the insatser and areas
// they deliver. Orders reference providers, so a provider is never deleted: it is deactivated,
// and the orders module then no longer offers it for new beställningar (GET /api/staff/providers
// filters on active); orders already placed run on. No personal data here: every change is
// audited without a subject person, and a refused attempt is logged and flagged.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../shared/api.ts';
import { AdminProviderBody, AdminProviderList, AdminProviderView } from '../../../shared/admin-providers-api.ts';
import { INSATSER, insatsByKey, legalBasisShort } from '../../../domain/insatser.ts';
import { parseOrgNumber } from '../../../domain/orgnummer.ts';
import { ORDER_ACTIVE } from '../../../domain/verkstallighet.ts';
import type { WithActor } from '../../access/session.ts';
import { viewOf } from '../../access/session.ts';
import type { RequestContext } from '../../access/actor.ts';
import { auditRecord } from '../../access/gate.ts';
import type { TenantTx } from '../../db/database.ts';
import { badRequest, forbidden, HttpProblem, notFound } from '../../http/problems.ts';

const problems = { 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' } };
const changeProblems = { ...problems, 400: { $ref: 'Problem#' }, 409: { $ref: 'Problem#' } };
const tags = ['utförarregister'];
const RESOURCE = 'provider';

/** Ekonomiskt bistånd is paid out by the nämnd; no provider carries it out. */
const DELIVERABLE = INSATSER.filter((i) => !i.hasAmount);
const DELIVERABLE_KEYS = new Set(DELIVERABLE.map((i) => i.key));
const CATALOGUE_ORDER = new Map(DELIVERABLE.map((i, n) => [i.key, n]));

interface Row {
  id: string; name: string; org_number: string; kind: 'kommunal' | 'privat'; lov: boolean; phone: string | null;
  email: string | null; insatser: string[]; areas: string[]; active: boolean; active_orders: number;
}

const SELECT = `SELECT p.id, p.name, p.org_number, p.kind, p.lov, p.phone, p.email, p.insatser, p.areas, p.active,
    (SELECT count(*)::int FROM orders o WHERE o.municipality_id = p.municipality_id AND o.provider_id = p.id
       AND o.status = ANY($2::text[])) AS active_orders
  FROM providers p WHERE p.municipality_id = $1`;

function view(r: Row): AdminProviderView {
  return {
    id: r.id, name: r.name, orgNumber: r.org_number, orgNumberValid: parseOrgNumber(r.org_number).ok, kind: r.kind, lov: r.lov,
    phone: r.phone, email: r.email, insatser: r.insatser, areas: r.areas, active: r.active, activeOrders: r.active_orders,
  };
}

async function listProviders(tx: TenantTx): Promise<AdminProviderView[]> {
  const rows = await tx.query<Row>(`${SELECT} ORDER BY p.active DESC, p.name`, [tx.municipalityId, ORDER_ACTIVE]);
  return rows.map(view);
}

async function readProvider(tx: TenantTx, id: string): Promise<AdminProviderView | null> {
  const row = await tx.one<Row>(`${SELECT} AND p.id = $3`, [tx.municipalityId, ORDER_ACTIVE, id]);
  return row ? view(row) : null;
}

/** Only systemförvaltare keep the register; a refused attempt is logged and flagged for follow-up. */
function assertAdmin(tx: TenantTx, ctx: RequestContext, attempted: string): void {
  if (viewOf(ctx.actor) === 'systemforvaltare') return;
  tx.auditRefusal(auditRecord(ctx, { action: 'denied', resource: RESOURCE, flagged: true, details: { attempted } }));
  throw forbidden(
    'Endast systemförvaltare kan se och ändra utförarregistret. Kontakta systemförvaltaren om en utförare behöver läggas till eller ändras.',
    'not-systemforvaltare',
  );
}

interface Clean {
  name: string; orgNumber: string; kind: 'kommunal' | 'privat'; lov: boolean; phone: string | null; email: string | null;
  insatser: string[]; areas: string[]; active: boolean;
}

const PHONE = /^\+?[\d\s()-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks every field and reports all faults at once, each naming the field in Swedish. A stored
 * organisationsnummer that predates the check (`keepOrgNumber`) is kept as is if left unchanged,
 * so that such a provider can still be edited or deactivated; a changed number must be valid.
 */
function validate(body: AdminProviderBody, keepOrgNumber: string | null): Clean {
  const errors: Array<{ path: string; message: string }> = [];
  const fail = (field: string, message: string) => errors.push({ path: `body/${field}`, message });

  const name = body.name.trim().replace(/\s+/g, ' ');
  if (!name) fail('name', 'Namn: skriv utförarens namn, till exempel "Hemtjänsten Centrum" eller bolagets registrerade namn.');
  else if (name.length > 200) fail('name', 'Namn: högst 200 tecken.');

  let orgNumber = body.orgNumber.trim();
  if (keepOrgNumber === null || orgNumber !== keepOrgNumber) {
    const parsed = parseOrgNumber(orgNumber);
    if (parsed.ok) orgNumber = parsed.value.canonical;
    else fail('orgNumber', `Organisationsnummer: ${parsed.error}`);
  }

  const phone = body.phone?.trim() || null;
  if (phone !== null && (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 5 || phone.replace(/\D/g, '').length > 15)) {
    fail('phone', 'Telefon: skriv ett telefonnummer med 5–15 siffror, till exempel 0999-12 35 00 eller +46 999 123 500.');
  }
  const email = body.email?.trim() || null;
  if (email !== null && (!EMAIL.test(email) || email.length > 200)) {
    fail('email', 'E-post: skriv en e-postadress som namn@exempel.se, eller lämna fältet tomt.');
  }

  const insatser = [...new Set(body.insatser.map((k) => k.trim()).filter(Boolean))];
  const unknown = insatser.filter((k) => !insatsByKey(k));
  const notDeliverable = insatser.filter((k) => insatsByKey(k) && !DELIVERABLE_KEYS.has(k));
  if (unknown.length) {
    fail('insatser', `Insatser: ${unknown.map((k) => `"${k.slice(0, 60)}"`).join(', ')} finns inte i Lots katalog. Välj insatser ur listan.`);
  } else if (notDeliverable.length) {
    fail('insatser', 'Insatser: ekonomiskt bistånd betalas ut av nämnden och utförs inte av en utförare. Ta bort det ur urvalet.');
  } else if (insatser.length === 0) {
    fail('insatser', 'Insatser: välj minst en insats som utföraren utför. En utförare utan insatser kan inte få beställningar.');
  }
  insatser.sort((a, b) => (CATALOGUE_ORDER.get(a) ?? 1e6) - (CATALOGUE_ORDER.get(b) ?? 1e6));

  const areas: string[] = [];
  const seen = new Set<string>();
  for (const a of body.areas) {
    const area = a.trim().replace(/\s+/g, ' ');
    if (!area || seen.has(area.toLocaleLowerCase('sv'))) continue;
    if (area.length > 100) { fail('areas', 'Områden: varje område får ha högst 100 tecken.'); break; }
    seen.add(area.toLocaleLowerCase('sv'));
    areas.push(area);
  }
  if (areas.length > 50) fail('areas', 'Områden: högst 50 områden.');

  if (errors.length) {
    throw badRequest(`Rätta följande och försök igen: ${errors.map((e) => e.message).join(' ')}`, errors);
  }
  return { name, orgNumber, kind: body.kind, lov: body.lov, phone, email, insatser, areas, active: body.active ?? true };
}

/** Two providers with the same name would be confused when a handläggare picks one for an order. */
async function assertNoTwin(tx: TenantTx, name: string, exceptId: string | null): Promise<void> {
  const twin = await tx.one<{ id: string }>(
    `SELECT id FROM providers WHERE municipality_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3::uuid)`,
    [tx.municipalityId, name, exceptId]);
  if (twin) {
    const message = `Namn: det finns redan en utförare som heter "${name}". Ändra den befintliga utföraren, eller skriv ett namn som skiljer dem åt (till exempel med område).`;
    throw new HttpProblem(409, 'Utföraren finns redan', message, 'provider-exists', [{ path: 'body/name', message }]);
  }
}

async function createProvider(tx: TenantTx, ctx: RequestContext, body: AdminProviderBody): Promise<AdminProviderView> {
  assertAdmin(tx, ctx, 'create');
  const c = validate(body, null);
  await assertNoTwin(tx, c.name, null);
  const inserted = await tx.one<{ id: string }>(
    `INSERT INTO providers (municipality_id, id, name, org_number, kind, lov, phone, email, insatser, areas, active)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [tx.municipalityId, c.name, c.orgNumber, c.kind, c.lov, c.phone, c.email, c.insatser, c.areas, c.active]);
  const id = inserted!.id;
  tx.audit(auditRecord(ctx, { action: 'create', resource: RESOURCE, details: { id, after: c } }));
  return (await readProvider(tx, id))!;
}

async function updateProvider(tx: TenantTx, ctx: RequestContext, id: string, body: AdminProviderBody): Promise<AdminProviderView> {
  assertAdmin(tx, ctx, 'update');
  const row = await tx.one<Omit<Row, 'active_orders'>>(
    `SELECT id, name, org_number, kind, lov, phone, email, insatser, areas, active FROM providers
     WHERE municipality_id = $1 AND id = $2 FOR UPDATE`, [tx.municipalityId, id]);
  if (!row) throw notFound('Utföraren');
  const before: Clean = {
    name: row.name, orgNumber: row.org_number, kind: row.kind, lov: row.lov, phone: row.phone, email: row.email,
    insatser: row.insatser, areas: row.areas, active: row.active,
  };
  const c = validate({ ...body, active: body.active ?? row.active }, row.org_number);
  await assertNoTwin(tx, c.name, id);
  await tx.query(
    `UPDATE providers SET name = $3, org_number = $4, kind = $5, lov = $6, phone = $7, email = $8, insatser = $9, areas = $10, active = $11
     WHERE municipality_id = $1 AND id = $2`,
    [tx.municipalityId, id, c.name, c.orgNumber, c.kind, c.lov, c.phone, c.email, c.insatser, c.areas, c.active]);
  const changed = (Object.keys(c) as Array<keyof Clean>).filter((k) => JSON.stringify(c[k]) !== JSON.stringify(before[k]));
  // Activation is its own action in the log, so a follow-up can find when a provider left the register.
  const action = before.active !== c.active ? (c.active ? 'activate' : 'deactivate') : 'update';
  tx.audit(auditRecord(ctx, { action, resource: RESOURCE, details: { id, changed, before, after: c } }));
  return (await readProvider(tx, id))!;
}

export function registerAdminProviderRoutes(root: FastifyInstance, withActor: WithActor): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  // Every staff view is admitted so that anyone else gets the specific refusal, and it is logged.
  const views = ['handlaggare', 'utforare', 'systemforvaltare'] as const;

  app.get('/api/admin/providers', {
    schema: {
      tags, summary: 'Utförarregistret: alla utförare, även inaktiva, med antal aktiva beställningar (systemförvaltare)',
      response: { 200: AdminProviderList, ...problems },
    },
  }, (req) => withActor(req, [...views], async (tx, ctx) => {
    assertAdmin(tx, ctx, 'read');
    return {
      items: await listProviders(tx),
      insatser: DELIVERABLE.map((i) => ({
        key: i.key, labelSv: i.labelSv, labelEn: i.labelEn, law: i.law, legalBasisShort: legalBasisShort(i.legalBasis),
        group: i.law === 'LSS' ? 'lss' : i.areas[0]!,
      })),
    };
  }));

  app.post('/api/admin/providers', {
    schema: {
      tags, summary: 'Lägg till en utförare i registret (systemförvaltare)',
      body: AdminProviderBody, response: { 201: AdminProviderView, ...changeProblems },
    },
  }, async (req, reply) => {
    const created = await withActor(req, [...views], (tx, ctx) => createProvider(tx, ctx, req.body));
    return reply.status(201).send(created);
  });

  app.put('/api/admin/providers/:id', {
    schema: {
      tags, summary: 'Ändra en utförare, eller inaktivera/aktivera den (systemförvaltare). En utförare tas aldrig bort.',
      params: IdParams, body: AdminProviderBody, response: { 200: AdminProviderView, ...changeProblems },
    },
  }, (req) => withActor(req, [...views], (tx, ctx) => updateProvider(tx, ctx, req.params.id, req.body)));
}
