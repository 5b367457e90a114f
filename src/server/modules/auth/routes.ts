// Login, logout and "who am I". Login state (PKCE verifier, state, nonce) rides in a short-lived
// signed cookie between /auth/login and /auth/callback.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { Municipalities, SessionInfo } from '../../../shared/api.ts';
import { parseIdNumber } from '../../../domain/personnummer.ts';
import type { Config } from '../../config.ts';
import type { Database, TenantTx } from '../../db/database.ts';
import { auditRecord } from '../../access/gate.ts';
import { type OidcClient, PNR_CLAIM } from '../../access/oidc.ts';
import { type Sessions, assertCsrf, requestMeta, viewOf } from '../../access/session.ts';
import type { Actor } from '../../access/actor.ts';

const LOGIN_COOKIE = 'lots_login';

interface LoginState { verifier: string; state: string; nonce: string; as: 'personal' | 'medborgare'; kommun: string | null }

const LoginQuery = Type.Object({
  as: Type.Union([Type.Literal('personal'), Type.Literal('medborgare')], { default: 'personal' }),
  kommun: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{2,40}$' })),
});

/** Where a failed login lands: the start page, with a code the web app explains. */
function loginFailed(reply: FastifyReply, code: string) {
  return reply.redirect(`/?inloggning=${encodeURIComponent(code)}`);
}

export function registerAuthRoutes(app: FastifyInstance, deps: { config: Config; db: Database; sessions: Sessions; oidc: OidcClient }) {
  const { config, db, sessions, oidc } = deps;
  const cookieOpts = { path: '/auth', httpOnly: true, secure: config.session.secureCookies, sameSite: 'lax' as const, signed: true };

  app.get('/api/municipalities', { schema: { tags: ['session'], summary: 'Kommuner att logga in hos (offentligt)', response: { 200: Municipalities } } },
    async () => ({ items: await db.withoutTenant<{ code: string; name: string }>('SELECT * FROM public_municipalities()') }));

  app.get('/auth/login', { schema: { tags: ['session'], summary: 'Starta inloggning via OIDC', querystring: LoginQuery } }, async (req, reply) => {
    const q = req.query as { as: 'personal' | 'medborgare'; kommun?: string };
    if (q.as === 'medborgare' && !q.kommun) return loginFailed(reply, 'valj-kommun');
    const login = await oidc.startLogin(q.as);
    const state: LoginState = { verifier: login.verifier, state: login.state, nonce: login.nonce, as: q.as, kommun: q.kommun ?? null };
    reply.setCookie(LOGIN_COOKIE, JSON.stringify(state), { ...cookieOpts, maxAge: 600 });
    return reply.redirect(login.url);
  });

  app.get('/auth/callback', { schema: { tags: ['session'], summary: 'Återkomst från identitetsleverantören', hide: false } }, async (req, reply) => {
    const raw = req.cookies[LOGIN_COOKIE];
    reply.clearCookie(LOGIN_COOKIE, cookieOpts);
    const unsigned = raw ? req.unsignCookie(raw) : null;
    if (!unsigned?.valid || !unsigned.value) return loginFailed(reply, 'tidsgrans');
    let state: LoginState;
    try { state = JSON.parse(unsigned.value) as LoginState; } catch { return loginFailed(reply, 'tidsgrans'); }
    let result;
    try {
      result = await oidc.finishLogin(new URL(req.url, config.publicUrl), state);
    } catch (err) {
      req.log.warn({ err: (err as Error).message }, 'OIDC login failed');
      return loginFailed(reply, 'avbruten');
    }
    const { claims, idToken } = result;
    const name = typeof claims.name === 'string' ? claims.name : String(claims.sub);
    const meta = requestMeta(req);

    let target: { municipalityId: number; create: (tx: TenantTx) => Promise<{ token: string; actor: Actor }> } | null = null;
    if (state.as === 'medborgare') {
      const parsed = parseIdNumber(String(claims[PNR_CLAIM] ?? ''));
      const [m] = await db.withoutTenant<{ id: number }>('SELECT id FROM auth_municipality_by_code($1)', [state.kommun]);
      if (!parsed.ok || !m) return loginFailed(reply, 'e-legitimation');
      target = {
        municipalityId: m.id,
        create: async (tx) => {
          const person = await tx.one<{ id: string }>('SELECT id FROM persons WHERE id_number = $1', [parsed.value.canonical]);
          const actor: Actor = { kind: 'citizen', municipalityId: m.id, personId: person?.id ?? null, idNumber: parsed.value.canonical, name };
          const token = await sessions.create(tx, { municipalityId: m.id, actorKind: 'citizen', citizenIdNumber: parsed.value.canonical,
            personId: person?.id ?? null, displayName: name, idToken, ip: meta.ip });
          return { token, actor };
        },
      };
    } else {
      const rows = await db.withoutTenant<{ municipality_id: number; staff_user_id: string }>('SELECT * FROM auth_staff_by_subject($1)', [claims.sub]);
      const match = rows[0];
      if (!match) return loginFailed(reply, 'ingen-behorighet');
      target = {
        municipalityId: match.municipality_id,
        create: async (tx) => {
          const token = await sessions.create(tx, { municipalityId: match.municipality_id, actorKind: 'staff', staffUserId: match.staff_user_id,
            displayName: name, idToken, ip: meta.ip });
          return { token, actor: await sessions.staffActor(tx, match.municipality_id, match.staff_user_id) };
        },
      };
    }
    const created = await db.withTenant(target.municipalityId, async (tx) => {
      const c = await target.create(tx);
      tx.audit(auditRecord({ actor: c.actor, meta }, { action: 'login', resource: 'session', details: { acr: claims.acr ?? null } }));
      return c;
    });
    sessions.setCookie(reply, created.token);
    return reply.redirect(`/${viewOf(created.actor)}`);
  });

  app.get('/api/session', { schema: { tags: ['session'], summary: 'Vem är inloggad', response: { 200: SessionInfo } } }, async (req) => {
    const s = await sessions.find(req);
    if (!s) return { authenticated: false };
    return db.withTenant(s.municipality_id, async (tx) => {
      const actor = await sessions.actorFor(tx, s);
      const info = await tx.one<{ m_code: string; m_name: string; unit: string | null; provider: string | null; title: string | null }>(
        `SELECT m.code AS m_code, m.name AS m_name, u.name AS unit, p.name AS provider, su.title
         FROM municipalities m
         LEFT JOIN staff_users su ON su.municipality_id = m.id AND su.id = $2
         LEFT JOIN org_units u ON u.municipality_id = m.id AND u.id = su.unit_id
         LEFT JOIN providers p ON p.municipality_id = m.id AND p.id = su.provider_id
         WHERE m.id = $1`, [s.municipality_id, actor.kind === 'staff' ? actor.userId : null]);
      return {
        authenticated: true,
        csrfToken: s.csrf_token,
        idleTimeoutSeconds: config.session.idleTimeoutSeconds,
        actor: {
          kind: actor.kind, name: actor.name, view: viewOf(actor),
          ...(actor.kind === 'staff' ? { role: actor.role, title: info?.title ?? undefined, unitName: info?.unit ?? undefined, providerName: info?.provider ?? undefined } : {}),
          municipality: { code: info?.m_code ?? '', name: info?.m_name ?? '' },
        },
      };
    });
  });

  app.post('/auth/logout', {
    schema: {
      tags: ['session'], summary: 'Logga ut (här eller på alla enheter)',
      body: Type.Optional(Type.Object({ everywhere: Type.Boolean({ default: false }) }, { additionalProperties: false })),
      response: { 200: Type.Object({ redirectTo: Type.String() }) },
    },
  }, async (req, reply) => {
    const s = await sessions.find(req);
    sessions.clearCookie(reply);
    if (!s) return { redirectTo: '/' };
    const everywhere = (req.body as { everywhere?: boolean } | undefined)?.everywhere ?? false;
    assertCsrf(s.csrf_token, req.headers['x-csrf-token']);
    const idToken = await db.withTenant(s.municipality_id, async (tx) => {
      const actor = await sessions.actorFor(tx, s).catch(() => null);
      const row = await tx.one<{ id_token: string | null }>('SELECT id_token FROM sessions WHERE municipality_id = $1 AND token_hash = $2', [s.municipality_id, s.tokenHash]);
      await sessions.destroy(tx, s, everywhere);
      if (actor) tx.audit(auditRecord({ actor, meta: requestMeta(req) }, { action: 'logout', resource: 'session', details: { everywhere } }));
      return row?.id_token ?? null;
    });
    return { redirectTo: await oidc.logoutUrl(idToken) };
  });
}
