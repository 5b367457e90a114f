// Delegationsordning (issue 3): placeholder until the module lands.
import type { FastifyInstance } from 'fastify';
import type { WithActor } from '../../access/session.ts';

export function registerDelegationRoutes(_app: FastifyInstance, _withActor: WithActor): void {}
