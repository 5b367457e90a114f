// Meddelanden (issue 5): secure messages between the citizen (or the one acting for them) and the
// handläggare within a case, or the provider within an order. Every route runs as the logged-in
// actor through its gate — citizens: citizen-access.ts; handläggare: accessCase; provider: openOrder —
// and is audited in the same transaction. Notices by e-mail or SMS say only that there is a message.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { WithActor } from '../../access/session.ts';
import type { Config } from '../../config.ts';
import { IdParams } from '../../../shared/api.ts';
import {
  CitizenCaseParams, CitizenMessagesOverview, CitizenOrderParams, CitizenThread, CitizenUnread, JournalMessageBody, JournalMessageResult,
  NewMessageBody, NotificationSettings, NotificationSettingsBody, StaffNewMessageBody, ThreadList, UnreadByCase, UnreadByOrder, VerifyCodeBody,
} from '../../../shared/messages-api.ts';
import * as citizen from './citizen.ts';
import * as staff from './staff.ts';
import * as provider from './provider.ts';
import { runningSimulators } from '../../dev/notification-simulators.ts';

const problems = { 401: { $ref: 'Problem#' }, 403: { $ref: 'Problem#' }, 404: { $ref: 'Problem#' } } as const;
const changeProblems = { 400: { $ref: 'Problem#' }, ...problems, 409: { $ref: 'Problem#' } } as const;
const citizenTags = ['medborgare'];
const staffTags = ['meddelanden'];
const providerTags = ['utförare'];

const created = (reply: FastifyReply, isNew: boolean) => reply.status(isNew ? 201 : 200);

/**
 * `config.publicUrl` is the link in notices and in the example shown to the citizen (never the
 * request's Host header, which the client controls); `config.notifications` the SMTP/SMS channels.
 */
export function registerMessageRoutes(root: FastifyInstance, withActor: WithActor, { config }: { config: Pick<Config, 'publicUrl' | 'notifications'> }): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  // ---- Citizen ----
  app.get('/api/citizen/messages', {
    schema: { tags: citizenTags, summary: 'Mina meddelanden: samtal om ärenden och insatser, för mig och dem jag företräder', response: { 200: CitizenMessagesOverview, ...problems } },
  }, (req) => withActor(req, ['medborgare'], citizen.overview));

  app.get('/api/citizen/messages/unread', {
    schema: { tags: citizenTags, summary: 'Antal olästa meddelanden (för menyn)', response: { 200: CitizenUnread, ...problems } },
  }, (req) => withActor(req, ['medborgare'], async (tx, ctx) => ({ unread: await citizen.unreadCount(tx, ctx) })));

  app.get('/api/citizen/messages/cases/:caseId', {
    schema: { tags: citizenTags, summary: 'Samtalet med handläggaren om ett ärende (markeras som läst)', params: CitizenCaseParams, response: { 200: CitizenThread, ...problems } },
  }, (req) => withActor(req, ['medborgare'], (tx, ctx) => citizen.readThread(tx, ctx, { caseId: req.params.caseId })));

  app.post('/api/citizen/messages/cases/:caseId', {
    schema: {
      tags: citizenTags, summary: 'Skriv till handläggaren om ett ärende', params: CitizenCaseParams, body: NewMessageBody,
      response: { 200: CitizenThread, 201: CitizenThread, ...changeProblems },
    },
  }, async (req, reply) => {
    const r = await withActor(req, ['medborgare'], (tx, ctx) => citizen.write(tx, ctx, { caseId: req.params.caseId }, req.body));
    return created(reply, r.created).send(r.thread);
  });

  app.get('/api/citizen/messages/orders/:orderId', {
    schema: { tags: citizenTags, summary: 'Samtalet med utföraren om en insats (markeras som läst)', params: CitizenOrderParams, response: { 200: CitizenThread, ...problems } },
  }, (req) => withActor(req, ['medborgare'], (tx, ctx) => citizen.readThread(tx, ctx, { orderId: req.params.orderId })));

  app.post('/api/citizen/messages/orders/:orderId', {
    schema: {
      tags: citizenTags, summary: 'Skriv till utföraren om en insats', params: CitizenOrderParams, body: NewMessageBody,
      response: { 200: CitizenThread, 201: CitizenThread, ...changeProblems },
    },
  }, async (req, reply) => {
    const r = await withActor(req, ['medborgare'], (tx, ctx) => citizen.write(tx, ctx, { orderId: req.params.orderId }, req.body));
    return created(reply, r.created).send(r.thread);
  });

  app.get('/api/citizen/messages/settings', {
    schema: { tags: citizenTags, summary: 'Hur jag vill få veta att ett meddelande har kommit', response: { 200: NotificationSettings, ...problems } },
  }, (req) => withActor(req, ['medborgare'], (tx, ctx) => citizen.getSettings(tx, ctx, config)));

  app.put('/api/citizen/messages/settings', {
    schema: {
      tags: citizenTags, summary: 'Välj avisering: ingen, e-post eller sms (aviseringen säger bara att det finns ett meddelande)',
      body: NotificationSettingsBody, response: { 200: NotificationSettings, ...changeProblems, 429: { $ref: 'Problem#' }, 502: { $ref: 'Problem#' } },
    },
  }, (req) => withActor(req, ['medborgare'], (tx, ctx) => citizen.saveSettings(tx, ctx, req.body, config)));

  // The address is confirmed with the six-digit code sent to it; only then are notices sent there.
  app.post('/api/citizen/messages/settings/verify', {
    schema: {
      tags: citizenTags, summary: 'Bekräfta e-postadressen eller mobilnumret med koden som skickades dit',
      body: VerifyCodeBody, response: { 200: NotificationSettings, ...changeProblems },
    },
  }, async (req) => {
    // A wrong code is counted and audited: the transaction commits, then the refusal is answered.
    const r = await withActor(req, ['medborgare'], (tx, ctx) => citizen.verifyCode(tx, ctx, req.body, config));
    if (!r.ok) throw r.problem;
    return r.settings;
  });

  app.post('/api/citizen/messages/settings/resend', {
    schema: {
      tags: citizenTags, summary: 'Skicka en ny kod (högst en i minuten och fem i timmen)',
      response: { 200: NotificationSettings, ...changeProblems, 429: { $ref: 'Problem#' }, 502: { $ref: 'Problem#' } },
    },
  }, (req) => withActor(req, ['medborgare'], (tx, ctx) => citizen.resendCode(tx, ctx, config)));

  // ---- Handläggare ----
  app.get('/api/staff/cases/:id/messages', {
    schema: { tags: staffTags, summary: 'Ärendets meddelanden med medborgaren och dem som företräder hen', params: IdParams, response: { 200: ThreadList, ...problems } },
  }, (req) => withActor(req, ['handlaggare'], (tx, ctx) => staff.caseMessages(tx, ctx, req.params.id)));

  app.post('/api/staff/cases/:id/messages', {
    schema: {
      tags: staffTags, summary: 'Skriv till medborgaren (eller den som företräder hen); aviseringen säger bara att det finns ett meddelande',
      params: IdParams, body: StaffNewMessageBody, response: { 200: ThreadList, 201: ThreadList, ...changeProblems },
    },
  }, async (req, reply) => {
    const r = await withActor(req, ['handlaggare'], (tx, ctx) => staff.writeToCitizen(tx, ctx, req.params.id, req.body));
    return created(reply, r.created).send(r.list);
  });

  app.post('/api/staff/cases/:id/messages/read', {
    schema: { tags: staffTags, summary: 'Markera ärendets meddelanden som lästa', params: IdParams, response: { 200: ThreadList, ...problems } },
  }, (req) => withActor(req, ['handlaggare'], (tx, ctx) => staff.markCaseRead(tx, ctx, req.params.id)));

  app.post('/api/staff/cases/:id/messages/journal', {
    schema: {
      tags: staffTags, summary: 'Journalför ett meddelande: ett utkast i ärendets journal att läsa och signera',
      params: IdParams, body: JournalMessageBody, response: { 200: JournalMessageResult, 201: JournalMessageResult, ...changeProblems },
    },
  }, async (req, reply) => {
    const r = await withActor(req, ['handlaggare'], (tx, ctx) => staff.journalMessage(tx, ctx, req.params.id, req.body.messageId));
    return created(reply, r.created).send(r);
  });

  app.get('/api/staff/messages/unread', {
    schema: { tags: staffTags, summary: 'Olästa meddelanden från medborgare i min enhets ärenden', response: { 200: UnreadByCase, ...problems } },
  }, (req) => withActor(req, ['handlaggare'], staff.unitUnread));

  // ---- Provider ----
  app.get('/api/provider/orders/:id/citizen-messages', {
    schema: { tags: providerTags, summary: 'Meddelanden med medborgaren om beställningen', params: IdParams, response: { 200: ThreadList, ...problems } },
  }, (req) => withActor(req, ['utforare'], (tx, ctx) => provider.orderMessages(tx, ctx, req.params.id)));

  app.post('/api/provider/orders/:id/citizen-messages', {
    schema: {
      tags: providerTags, summary: 'Skriv till medborgaren om beställningen', params: IdParams, body: StaffNewMessageBody,
      response: { 200: ThreadList, 201: ThreadList, ...changeProblems },
    },
  }, async (req, reply) => {
    const r = await withActor(req, ['utforare'], (tx, ctx) => provider.writeToCitizen(tx, ctx, req.params.id, req.body));
    return created(reply, r.created).send(r.list);
  });

  app.post('/api/provider/orders/:id/citizen-messages/read', {
    schema: { tags: providerTags, summary: 'Markera medborgarens meddelanden som lästa', params: IdParams, response: { 200: ThreadList, ...problems } },
  }, (req) => withActor(req, ['utforare'], (tx, ctx) => provider.markOrderRead(tx, ctx, req.params.id)));

  app.post('/api/provider/orders/:id/citizen-messages/journal', {
    schema: {
      tags: providerTags, summary: 'Journalför ett meddelande i utförarens journal (osignerad anteckning)',
      params: IdParams, body: JournalMessageBody, response: { 200: JournalMessageResult, 201: JournalMessageResult, ...changeProblems },
    },
  }, async (req, reply) => {
    const r = await withActor(req, ['utforare'], (tx, ctx) => provider.journalMessage(tx, ctx, req.params.id, req.body.messageId));
    return created(reply, r.created).send(r);
  });

  app.get('/api/provider/citizen-messages/unread', {
    schema: { tags: providerTags, summary: 'Olästa meddelanden från medborgare, per beställning', response: { 200: UnreadByOrder, ...problems } },
  }, (req) => withActor(req, ['utforare'], provider.providerUnread));

  // ---- Development: what the local mail server and SMS gateway received (never in production) ----
  if (process.env.NODE_ENV !== 'production') {
    app.get('/dev/notifications', { schema: { hide: true, response: { 200: Type.Unknown() } } }, async () => {
      const sims = runningSimulators();
      return {
        running: Boolean(sims),
        mails: sims?.smtp?.mails.map((x) => ({ to: x.to, from: x.from, subject: x.subject, text: x.text, receivedAt: x.receivedAt })) ?? [],
        sms: sims?.sms?.messages.map((x) => ({ to: x.to, from: x.from, message: x.message, receivedAt: x.receivedAt })) ?? [],
      };
    });
  }
}
