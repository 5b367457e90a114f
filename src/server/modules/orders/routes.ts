// Verkställighet, the myndighet side (issue 4): providers per insats, the beställning from a
// granted decision, the order's life, messages with the provider, and ej verkställda beslut with
// the IVO report. Every route that touches a person passes accessCase (gate + audit) first.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { WithActor } from '../../access/session.ts';
import { isCaseWorker, type CaseWorker, type RequestContext } from '../../access/actor.ts';
import { accessCase } from '../../access/case-access.ts';
import { forbidden } from '../../http/problems.ts';
import type { TenantTx } from '../../db/database.ts';
import { IdParams } from '../../../shared/api.ts';
import {
  CaseOrders, EvbList, EvbReportBody, EvbReportResult, IvoCsvQuery, MessageBody, NewOrderBody, OrderMessages, OrderStepBody, OrderStepParams,
  ProviderOptions, ProvidersQuery, StaffOrderView,
} from '../../../shared/orders-api.ts';
import { caseOfOrder, createOrder, listMessages, listProviders, loadCaseOrders, loadOrder, postMessage, takeOrderStep } from './service.ts';
import { evbList, ivoReportCsv, recordEvbReport } from './evb.ts';

const problems = { 400: { $ref: 'Problem#' }, 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' }, 409: { $ref: 'Problem#' } };
const VIEWS: ['handlaggare'] = ['handlaggare'];
const tags = ['verkställighet'];

function caseWorker(ctx: RequestContext): CaseWorker {
  if (!isCaseWorker(ctx.actor)) throw forbidden('Endast handläggare och arbetsledare arbetar med verkställighet.');
  return ctx.actor;
}

/** An order route: the order's case must pass the gate (audited) before anything is read or changed. */
async function orderAccess(tx: TenantTx, ctx: RequestContext, orderId: string, action: 'read' | 'update', resource: string) {
  const actor = caseWorker(ctx);
  const caseId = await caseOfOrder(tx, orderId);
  const access = await accessCase(tx, ctx, caseId, { action, resource });
  return { actor, access };
}

export function registerOrderRoutes(root: FastifyInstance, withActor: WithActor): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/staff/providers', {
    schema: { tags, summary: 'Kommunens utförare (aktiva), valfritt de som utför en viss insats', querystring: ProvidersQuery, response: { 200: ProviderOptions, ...problems } },
  }, async (req) => withActor(req, VIEWS, async (tx, ctx) => {
    caseWorker(ctx);
    return { items: await listProviders(tx, req.query.insats) };
  }));

  app.get('/api/staff/cases/:id/orders', {
    schema: { tags, summary: 'Ärendets beställningar: status, händelser, genomförandeplan, utförd tid, utförarens journal, meddelanden', params: IdParams, response: { 200: CaseOrders, ...problems } },
  }, async (req) => withActor(req, VIEWS, async (tx, ctx) => {
    caseWorker(ctx);
    return loadCaseOrders(tx, await accessCase(tx, ctx, req.params.id, { resource: 'case.orders' }));
  }));

  app.post('/api/staff/cases/:id/orders', {
    schema: { tags, summary: 'Beställ verkställighet av ett fattat, beviljat beslut hos en utförare', params: IdParams, body: NewOrderBody, response: { 201: StaffOrderView, ...problems } },
  }, async (req, reply) => {
    const order = await withActor(req, VIEWS, async (tx, ctx) => {
      const actor = caseWorker(ctx);
      const access = await accessCase(tx, ctx, req.params.id, { action: 'update', resource: 'case.order.create' });
      return loadOrder(tx, await createOrder(tx, actor, access, req.body));
    });
    return reply.status(201).send(order);
  });

  app.post('/api/staff/orders/:id/steps/:step', {
    schema: { tags, summary: 'Myndighetens steg i beställningen: avbryt, återuppta, avsluta', params: OrderStepParams, body: OrderStepBody, response: { 200: StaffOrderView, ...problems } },
  }, async (req) => withActor(req, VIEWS, async (tx, ctx) => {
    const { actor } = await orderAccess(tx, ctx, req.params.id, 'update', `case.order.step.${req.params.step}`);
    await takeOrderStep(tx, actor, req.params.id, req.params.step, req.body ?? {});
    return loadOrder(tx, req.params.id);
  }));

  app.get('/api/staff/orders/:id/messages', {
    schema: { tags, summary: 'Meddelanden med utföraren i beställningen (utförarens markeras lästa)', params: IdParams, response: { 200: OrderMessages, ...problems } },
  }, async (req) => withActor(req, VIEWS, async (tx, ctx) => {
    await orderAccess(tx, ctx, req.params.id, 'read', 'case.order.messages');
    return { items: await listMessages(tx, req.params.id) };
  }));

  app.post('/api/staff/orders/:id/messages', {
    schema: { tags, summary: 'Skicka ett meddelande till utföraren i beställningen', params: IdParams, body: MessageBody, response: { 201: OrderMessages, ...problems } },
  }, async (req, reply) => {
    const result = await withActor(req, VIEWS, async (tx, ctx) => {
      const { actor } = await orderAccess(tx, ctx, req.params.id, 'update', 'case.order.message');
      await postMessage(tx, actor, req.params.id, req.body.body);
      return { items: await listMessages(tx, req.params.id) };
    });
    return reply.status(201).send(result);
  });

  app.get('/api/staff/evb', {
    schema: { tags, summary: 'Ej verkställda beslut och avbrott i min enhet (34 kap. 1 § SoL, 28 f § LSS)', response: { 200: EvbList, ...problems } },
  }, async (req) => withActor(req, VIEWS, (tx, ctx) => evbList(tx, ctx, caseWorker(ctx))));

  app.post('/api/staff/evb/reports', {
    schema: { tags, summary: 'Registrera kvartalets rapport av ett ej verkställt beslut eller avbrott', body: EvbReportBody, response: { 200: EvbReportResult, 201: EvbReportResult, ...problems } },
  }, async (req, reply) => {
    const result = await withActor(req, VIEWS, (tx, ctx) => recordEvbReport(tx, ctx, caseWorker(ctx), req.body));
    return reply.status(result.created ? 201 : 200).send(result);
  });

  app.get('/api/staff/evb/ivo-report.csv', {
    schema: { tags, summary: 'IVO:s individrapporter för ett kvartal som CSV (semikolon, UTF-8 med BOM)', querystring: IvoCsvQuery, produces: ['text/csv'], response: { ...problems } },
  }, async (req, reply) => {
    const { csv, fileName } = await withActor(req, VIEWS, (tx, ctx) => ivoReportCsv(tx, ctx, caseWorker(ctx), req.query.quarter));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(csv);
  });
}
