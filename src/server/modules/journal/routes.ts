// Journal (issue 3): placeholder until the journal module lands.
import type { FastifyInstance } from 'fastify';
import type { WithActor } from '../../access/session.ts';

export function registerJournalRoutes(_app: FastifyInstance, _withActor: WithActor): void {}
