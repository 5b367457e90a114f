// Case process (issue 3).
import type { FastifyInstance } from 'fastify';
import type { WithActor } from '../../access/session.ts';

export function registerCaseRoutes(_app: FastifyInstance, _withActor: WithActor): void {}
