// Composition root: builds the HTTP app from the modules.
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Problem } from '../shared/api.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { OidcClient } from './access/oidc.ts';
import { Sessions, actorRunner } from './access/session.ts';
import rateLimit from '@fastify/rate-limit';
import { HttpProblem, registerProblemHandlers, sendNotFound } from './http/problems.ts';
import { registerAuthRoutes } from './modules/auth/routes.ts';
import { registerHealthRoutes } from './modules/health/routes.ts';
import { registerStaffRoutes } from './modules/staff/routes.ts';
import { registerProviderRoutes } from './modules/provider/routes.ts';
import { registerCitizenRoutes } from './modules/citizen/routes.ts';
import { registerReportRoutes } from './modules/e-services/report.ts';
import { registerApplicationRoutes } from './modules/e-services/application.ts';
import { registerCaseRoutes } from './modules/cases/routes.ts';
import { registerJournalRoutes } from './modules/journal/routes.ts';
import { registerFileRoutes } from './modules/files/routes.ts';
import { registerDelegationRoutes } from './modules/delegations/routes.ts';
import { registerAdminProviderRoutes } from './modules/admin-providers/routes.ts';
import { registerReminderRoutes } from './modules/reminders/routes.ts';
import { registerOrderRoutes } from './modules/orders/routes.ts';
import { registerMobileRoutes } from './modules/mobile/routes.ts';
import { registerForsorjningsstodRoutes } from './modules/e-services/forsorjningsstod.ts';
import { registerCitizenServiceRoutes } from './modules/citizen/services.ts';
import { registerMessageRoutes } from './modules/messages/routes.ts';
import { registerRepresentationRoutes } from './modules/representation/routes.ts';
import { mountTestIdp } from './dev/test-idp.ts';

const VERSION = (JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;
const API_PREFIXES = ['/api/', '/auth/', '/idp', '/dev-idp/'];

// Strict defaults: scripts only from Lots itself; no framing (clickjacking); no referrer leaks of case URLs.
const SECURITY_HEADERS: Record<string, string> = {
  // Inline styles only (React style attributes); no inline scripts anywhere in the app.
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

export async function buildApp(config: Config, db: Database, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : {
      level: process.env.LOG_LEVEL ?? 'info',
      // Query strings can carry personal data (a search for a name, an uploaded file's name): log the path only.
      serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }) },
    },
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.LOTS_TRUST_PROXY === '1',
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
    // Malformed or over-long URLs never reach a route: answer them as problem+json too.
    frameworkErrors: (err, _req, reply) => {
      const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      const raw = reply as unknown as FastifyReply;
      return raw.status(status).type('application/problem+json; charset=utf-8')
        .send(new HttpProblem(status, 'Ogiltig adress', 'Adressen är felaktig eller för lång.', 'invalid-url').toProblem());
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addSchema(Problem);
  await app.register(cookie, { secret: config.secrets.cookieSecret });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Lots API', version: VERSION, description: 'Verksamhetssystem för socialtjänsten. Fel svaras som application/problem+json (RFC 9457).' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lots_sid' } } },
      security: [{ session: [] }],
    },
  });
  registerProblemHandlers(app);
  // Only routes that ask for it are limited (the public orosanmälan); counts live in this process's memory.
  await app.register(rateLimit, { global: false });
  app.addHook('onSend', async (_req, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(k)) reply.header(k, v);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  const sessions = new Sessions(db, config);
  const oidc = new OidcClient(config);
  const withActor = actorRunner(db, sessions);

  registerHealthRoutes(app, db, VERSION);
  registerAuthRoutes(app, { config, db, sessions, oidc });
  registerReportRoutes(app, { db, config });
  registerStaffRoutes(app, withActor);
  registerProviderRoutes(app, withActor);
  registerMobileRoutes(app, withActor);
  registerCitizenRoutes(app, withActor);
  registerApplicationRoutes(app, withActor);
  registerForsorjningsstodRoutes(app, withActor);
  registerCitizenServiceRoutes(app, withActor);
  registerMessageRoutes(app, withActor, { config });
  registerRepresentationRoutes(app, withActor);
  registerCaseRoutes(app, withActor);
  registerJournalRoutes(app, withActor);
  registerFileRoutes(app, withActor);
  registerDelegationRoutes(app, withActor);
  registerAdminProviderRoutes(app, withActor);
  registerReminderRoutes(app, withActor);
  registerOrderRoutes(app, withActor);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (config.oidc.bundledTestIdp) await mountTestIdp(app, config);
  await serveWebApp(app, config);
  return app;
}

/**
 * The built web app (dist/web). Any other GET outside the API answers index.html, so the client
 * routes; everything else that matches nothing is a problem+json 404.
 */
async function serveWebApp(app: FastifyInstance, config: Config): Promise<void> {
  const index = path.join(config.webDir, 'index.html');
  const html = existsSync(index) ? readFileSync(index) : null;
  if (html) {
    await app.register(fastifyStatic, { root: config.webDir, prefix: '/', cacheControl: false,
      // Hashed assets never change; index.html must be revalidated so a new build is picked up.
      setHeaders: (reply, file: string) => (reply as unknown as FastifyReply)
        .header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache') });
  } else {
    app.log.warn(`web app not built (${index} missing): run "npm run build:web"`);
  }
  app.setNotFoundHandler((req, reply) => {
    const isApi = API_PREFIXES.some((p) => req.url.startsWith(p));
    if (req.method !== 'GET' || isApi || !html) return sendNotFound(reply, req.url);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
}
