// Journal (social documentation) and a person's timeline, for case workers. Every route goes
// through the access gate (accessCase / accessPerson), which writes the audit record in the same
// transaction; drafts are personal, signed entries are visible to all who may see the case.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { WithActor } from '../../access/session.ts';
import { isCaseWorker, type CaseWorker, type RequestContext } from '../../access/actor.ts';
import { forbidden } from '../../http/problems.ts';
import { IdParams } from '../../../shared/api.ts';
import {
  CaseJournal, EntryParams, MyDrafts, NewJournalEntryBody, NewJournalEntryResult, SaveResult, SignJournalEntryBody, SignResult,
  Timeline, TimelineQuery, UpdateJournalEntryBody,
} from '../../../shared/journal-api.ts';
import { caseJournal, createEntry, deleteEntry, myDrafts, signEntry, updateEntry } from './service.ts';
import { personTimeline } from './timeline.ts';

const problems = { 400: { $ref: 'Problem#' }, 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' }, 409: { $ref: 'Problem#' } };
const VIEWS: ['handlaggare'] = ['handlaggare'];
const tags = ['journal'];

function caseWorker(ctx: RequestContext): CaseWorker {
  if (!isCaseWorker(ctx.actor)) throw forbidden('Endast handläggare och arbetsledare skriver i journalen.');
  return ctx.actor;
}

export function registerJournalRoutes(root: FastifyInstance, withActor: WithActor): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/staff/cases/:id/journal', {
    schema: { tags, summary: 'Ärendets journal: signerade anteckningar (nyast först) och mina utkast', params: IdParams, response: { 200: CaseJournal, ...problems } },
  }, (req) => withActor(req, VIEWS, (tx, ctx) => caseJournal(tx, ctx, caseWorker(ctx), req.params.id)));

  app.post('/api/staff/cases/:id/journal', {
    schema: {
      tags, summary: 'Nytt utkast till journalanteckning (eller rättelse av en signerad); idempotent på id', params: IdParams,
      body: NewJournalEntryBody, response: { 200: NewJournalEntryResult, 201: NewJournalEntryResult, ...problems },
    },
  }, async (req, reply) => {
    const result = await withActor(req, VIEWS, (tx, ctx) => createEntry(tx, ctx, caseWorker(ctx), req.params.id, req.body));
    return reply.status(result.created ? 201 : 200).send(result);
  });

  app.put('/api/staff/journal/:entryId', {
    schema: {
      tags, summary: 'Spara utkastet (autosparning); 409 med serverns text om versionen inte stämmer eller om det är signerat',
      params: EntryParams, body: UpdateJournalEntryBody, response: { 200: SaveResult, ...problems },
    },
  }, (req) => withActor(req, VIEWS, (tx, ctx) => updateEntry(tx, ctx, caseWorker(ctx), req.params.entryId, req.body)));

  app.post('/api/staff/journal/:entryId/sign', {
    schema: {
      tags, summary: 'Signera utkastet: därefter kan det inte ändras, bara rättas med en ny anteckning',
      params: EntryParams, body: SignJournalEntryBody, response: { 200: SignResult, ...problems },
    },
    // The body is optional: no body is the same as {}.
    preValidation: async (req) => { req.body ??= {}; },
  }, (req) => withActor(req, VIEWS, (tx, ctx) => signEntry(tx, ctx, caseWorker(ctx), req.params.entryId, req.body.version)));

  app.delete('/api/staff/journal/:entryId', {
    schema: { tags, summary: 'Ta bort mitt utkast (signerade anteckningar kan inte tas bort)', params: EntryParams, response: { 204: Type.Null(), ...problems } },
  }, async (req, reply) => {
    await withActor(req, VIEWS, (tx, ctx) => deleteEntry(tx, ctx, caseWorker(ctx), req.params.entryId));
    return reply.status(204).send(null);
  });

  app.get('/api/staff/journal/drafts', {
    schema: { tags, summary: 'Mina osignerade utkast i alla ärenden jag får se', response: { 200: MyDrafts, ...problems } },
  }, (req) => withActor(req, VIEWS, (tx, ctx) => myDrafts(tx, ctx, caseWorker(ctx))));

  app.get('/api/staff/persons/:id/timeline', {
    schema: {
      tags, summary: 'Personens tidslinje över alla ärenden jag får se, filtrerbar på område och typ',
      params: IdParams, querystring: TimelineQuery, response: { 200: Timeline, ...problems },
    },
  }, (req) => withActor(req, VIEWS, (tx, ctx) => personTimeline(tx, ctx, req.params.id, req.query)));
}
