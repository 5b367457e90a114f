import type { FastifyInstance } from 'fastify';
import { Health } from '../../../shared/api.ts';
import type { Database } from '../../db/database.ts';

export function registerHealthRoutes(app: FastifyInstance, db: Database, version: string) {
  app.get('/api/health', {
    schema: { tags: ['drift'], summary: 'Hälsa: databasens tillstånd', response: { 200: Health, 503: Health } },
  }, async (_req, reply) => {
    const started = performance.now();
    try {
      const { rows } = await db.owner.query<{ version: string; migrations: number }>(
        `SELECT current_setting('server_version') AS version, (SELECT count(*)::int FROM schema_migrations) AS migrations`);
      const row = rows[0];
      return {
        status: 'ok' as const, version,
        database: { reachable: true, embedded: db.embedded, serverVersion: row?.version, migrations: row?.migrations,
          latencyMs: Math.round((performance.now() - started) * 100) / 100 },
      };
    } catch {
      return reply.status(503).send({ status: 'degraded', version, database: { reachable: false, embedded: db.embedded } });
    }
  });
}
