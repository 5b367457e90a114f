// Case files (issue 3): placeholder until the files module lands.
import type { FastifyInstance } from 'fastify';
import type { WithActor } from '../../access/session.ts';

export function registerFileRoutes(_app: FastifyInstance, _withActor: WithActor): void {}
