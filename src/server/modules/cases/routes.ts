// Case process routes (issue 3). Every case route starts with accessCase (gate + audit), then the
// domain decides; every change answers with the case as it now stands, so the page never re-asks.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { WithActor } from '../../access/session.ts';
import { isCaseWorker, type CaseWorker, type RequestContext } from '../../access/actor.ts';
import { accessCase } from '../../access/case-access.ts';
import { forbidden } from '../../http/problems.ts';
import type { TenantTx } from '../../db/database.ts';
import { INSATSER, decisionTypes, legalBasisShort } from '../../../domain/insatser.ts';
import {
  AppealActionBody, AppealParams, AssignBody, CaseDetail, Catalogue, Dashboard, DecisionDraftBody, DecisionParams, DeliveryBody,
  ExtendInvestigationBody, InvestigationBody, KommuniceringReplyBody, LetterParams, NewAppealBody, NewCaseBody, NewCaseResult,
  ProposeResult, SignBody, SignResult, StepBody, StepParams, UnitStaff, VersionResult,
} from '../../../shared/cases-api.ts';
import { IdParams } from '../../../shared/api.ts';
import { loadCaseDetail } from './load.ts';
import { assignCase, extendInvestigation, recordKommuniceringReply, registerCase, saveInvestigation, takeStep } from './commands.ts';
import { actOnAppeal, createDraft, deleteDraft, endInsats, proposeDrafts, recordDelivery, registerAppeal, signDrafts, updateDraft } from './decisions.ts';
import { dashboard, unitStaff } from './dashboard.ts';

const problems = { 400: { $ref: 'Problem#' }, 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' }, 409: { $ref: 'Problem#' } };
const VIEWS: ['handlaggare'] = ['handlaggare'];
const tags = ['myndighet'];

function caseWorker(ctx: RequestContext): CaseWorker {
  if (!isCaseWorker(ctx.actor)) throw forbidden('Endast handläggare och arbetsledare arbetar i ärenden.');
  return ctx.actor;
}

/** A change to a case: gate (audited as update), the change, then the case as it now stands. */
async function change(tx: TenantTx, ctx: RequestContext, caseId: string, resource: string,
  fn: (actor: CaseWorker, access: Awaited<ReturnType<typeof accessCase>>) => Promise<unknown>): Promise<CaseDetail> {
  const actor = caseWorker(ctx);
  const access = await accessCase(tx, ctx, caseId, { action: 'update', resource });
  await fn(actor, access);
  return loadCaseDetail(tx, actor, access);
}

export function registerCaseRoutes(root: FastifyInstance, withActor: WithActor): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/staff/catalogue', {
    schema: { tags, summary: 'Insatser (med lagrum) och beslutstyper', response: { 200: Catalogue, ...problems } },
  }, async (req) => withActor(req, VIEWS, async () => ({
    insatser: INSATSER.map((i) => ({
      key: i.key, labelSv: i.labelSv, labelEn: i.labelEn, law: i.law, legalBasis: i.legalBasis, legalBasisShort: legalBasisShort(i.legalBasis),
      areas: [...i.areas], scopeHint: i.scopeHint, hasAmount: Boolean(i.hasAmount), appealRoute: i.appealRoute, ksiCode: i.ksiCode,
    })),
    decisionTypes: decisionTypes(),
  })));

  app.post('/api/staff/cases', {
    schema: { tags, summary: 'Registrera en aktualisering (ansökan, anmälan, övrigt)', body: NewCaseBody, response: { 201: NewCaseResult, ...problems } },
  }, async (req, reply) => {
    const result = await withActor(req, VIEWS, (tx, ctx) => registerCase(tx, ctx, caseWorker(ctx), req.body));
    return reply.status(201).send(result);
  });

  app.get('/api/staff/cases/:id', {
    schema: { tags, summary: 'Ärendet med fakta, frister, beslut, brev och tillåtna steg', params: IdParams, response: { 200: CaseDetail, ...problems } },
  }, async (req) => withActor(req, VIEWS, async (tx, ctx) => {
    const actor = caseWorker(ctx);
    return loadCaseDetail(tx, actor, await accessCase(tx, ctx, req.params.id, { resource: 'case.detail' }));
  }));

  app.post('/api/staff/cases/:id/assign', {
    schema: { tags, summary: 'Tilldela ärendet (arbetsledare) eller ta det själv', params: IdParams, body: AssignBody, response: { 200: CaseDetail, ...problems } },
  }, async (req) => withActor(req, VIEWS, (tx, ctx) => change(tx, ctx, req.params.id, 'case.assign', (actor, access) => assignCase(tx, actor, access, req.body))));

  app.post('/api/staff/cases/:id/steps/:step', {
    schema: { tags, summary: 'Ta ett steg i processen; vägras med skäl och lagrum om det inte är tillåtet', params: StepParams, body: StepBody, response: { 200: CaseDetail, ...problems } },
  }, async (req) => withActor(req, VIEWS, (tx, ctx) => change(tx, ctx, req.params.id, `case.step.${req.params.step}`,
    (actor, access) => takeStep(tx, actor, access, req.params.step, req.body))));

  app.put('/api/staff/cases/:id/investigation', {
    schema: { tags, summary: 'Spara utredningen (BBIC/IBIC), egen uppfattning, personkrets', params: IdParams, body: InvestigationBody, response: { 200: VersionResult, ...problems } },
  }, async (req) => withActor(req, VIEWS, async (tx, ctx) => {
    caseWorker(ctx);
    const access = await accessCase(tx, ctx, req.params.id, { action: 'update', resource: 'case.investigation' });
    return { version: await saveInvestigation(tx, access, req.body) };
  }));

  app.post('/api/staff/cases/:id/investigation/extend', {
    schema: { tags, summary: 'Förläng utredning om barn (20 kap. 3 § SoL)', params: IdParams, body: ExtendInvestigationBody, response: { 200: CaseDetail, ...problems } },
  }, async (req) => withActor(req, VIEWS, (tx, ctx) => change(tx, ctx, req.params.id, 'case.investigation.extend', (actor, access) => extendInvestigation(tx, actor, access, req.body))));

  app.post('/api/staff/cases/:id/kommunicering/reply', {
    schema: { tags, summary: 'Registrera att partens svar på kommuniceringen kommit in', params: IdParams, body: KommuniceringReplyBody, response: { 200: CaseDetail, ...problems } },
  }, async (req) => withActor(req, VIEWS, (tx, ctx) => change(tx, ctx, req.params.id, 'case.kommunicering.reply', (_a, access) => recordKommuniceringReply(tx, access, req.body.receivedOn))));

  app.post('/api/staff/cases/:id/decisions', {
    schema: { tags, summary: 'Nytt beslutsförslag för en insats', params: IdParams, body: DecisionDraftBody, response: { 200: CaseDetail, ...problems } },
  }, async (req) => withActor(req, VIEWS, (tx, ctx) => change(tx, ctx, req.params.id, 'case.decision.draft', (actor, access) => createDraft(tx, actor, access, req.body))));

  app.put('/api/staff/cases/:id/decisions/:decisionId', {
    schema: { tags, summary: 'Ändra ett beslutsförslag', params: DecisionParams, body: DecisionDraftBody, response: { 200: CaseDetail, ...problems } },
  }, async (req) => withActor(req, VIEWS, (tx, ctx) => change(tx, ctx, req.params.id, 'case.decision.draft', (_a, access) => updateDraft(tx, access, req.params.decisionId, req.body))));

  app.delete('/api/staff/cases/:id/decisions/:decisionId', {
    schema: { tags, summary: 'Ta bort ett beslutsförslag', params: DecisionParams, response: { 200: CaseDetail, ...problems } },
  }, async (req) => withActor(req, VIEWS, (tx, ctx) => change(tx, ctx, req.params.id, 'case.decision.draft.delete', (_a, access) => deleteDraft(tx, access, req.params.decisionId))));

  app.post('/api/staff/cases/:id/decisions/sign', {
    schema: { tags, summary: 'Fatta beslut (signera förslagen) och skapa beslutsbrev', params: IdParams, body: SignBody, response: { 200: SignResult, ...problems } },
  }, async (req) => withActor(req, VIEWS, async (tx, ctx) => {
    const actor = caseWorker(ctx);
    const access = await accessCase(tx, ctx, req.params.id, { action: 'update', resource: 'case.decision.sign' });
    return signDrafts(tx, actor, access, req.body ?? {});
  }));

  app.post('/api/staff/cases/:id/decisions/propose', {
    schema: { tags, summary: 'Skicka beslutsförslagen till den som har delegation (arbetsledare eller nämnd)', params: IdParams, response: { 200: ProposeResult, ...problems } },
  }, async (req) => withActor(req, VIEWS, async (tx, ctx) => {
    const actor = caseWorker(ctx);
    const access = await accessCase(tx, ctx, req.params.id, { action: 'update', resource: 'case.decision.propose' });
    return proposeDrafts(tx, actor, access);
  }));

  app.post('/api/staff/cases/:id/decisions/:decisionId/end', {
    schema: { tags, summary: 'Avsluta en beviljad insats (slutdatum)', params: DecisionParams, body: Type.Object({ endOn: Type.String({ format: 'date' }) }), response: { 200: CaseDetail, ...problems } },
  }, async (req) => withActor(req, VIEWS, (tx, ctx) => change(tx, ctx, req.params.id, 'case.decision.end', (_a, access) => endInsats(tx, access, req.params.decisionId, req.body.endOn))));

  app.post('/api/staff/cases/:id/letters/:letterId/delivery', {
    schema: { tags, summary: 'Registrera delgivning av beslutsbrevet', params: LetterParams, body: DeliveryBody, response: { 200: CaseDetail, ...problems } },
  }, async (req) => withActor(req, VIEWS, (tx, ctx) => change(tx, ctx, req.params.id, 'case.letter.delivery', (actor, access) => recordDelivery(tx, actor, access, req.params.letterId, req.body))));

  app.post('/api/staff/cases/:id/appeals', {
    schema: { tags, summary: 'Registrera överklagande; rättidsprövning (44–45 §§ FL)', params: IdParams, body: NewAppealBody, response: { 200: CaseDetail, ...problems } },
  }, async (req) => withActor(req, VIEWS, (tx, ctx) => change(tx, ctx, req.params.id, 'case.appeal.register', (actor, access) => registerAppeal(tx, actor, access, req.body))));

  app.post('/api/staff/cases/:id/appeals/:appealId', {
    schema: { tags, summary: 'Avvisa, ompröva eller överlämna ett överklagande', params: AppealParams, body: AppealActionBody, response: { 200: CaseDetail, ...problems } },
  }, async (req) => withActor(req, VIEWS, (tx, ctx) => change(tx, ctx, req.params.id, 'case.appeal.action', (_a, access) => actOnAppeal(tx, access, req.params.appealId, req.body))));

  app.get('/api/staff/unit-staff', {
    schema: { tags, summary: 'Handläggare i min enhet (för fördelning)', response: { 200: UnitStaff, ...problems } },
  }, async (req) => withActor(req, VIEWS, (tx, ctx) => unitStaff(tx, caseWorker(ctx))));

  app.get('/api/staff/dashboard', {
    schema: { tags, summary: 'Arbetsledarens översikt: arbetsbelastning, frister i fara, beslutsförslag', response: { 200: Dashboard, ...problems } },
  }, async (req) => withActor(req, VIEWS, async (tx, ctx) => {
    const actor = caseWorker(ctx);
    if (actor.role !== 'arbetsledare') throw forbidden('Översikten är till för arbetsledare.', 'not-arbetsledare');
    return dashboard(tx, ctx, actor);
  }));
}
