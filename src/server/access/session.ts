// Login sessions: a random token in a Secure, httpOnly, SameSite=Lax cookie; the database keeps
// only its SHA-256. Sessions end after idle time and after an absolute lifetime; "log out
// everywhere" removes all of the person's sessions. State-changing requests must carry the
// session's CSRF token in the x-csrf-token header (synchroniser token pattern).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Database, TenantTx } from '../db/database.ts';
import type { Actor, RequestContext, StaffRole } from './actor.ts';
import { unauthenticated, forbidden, HttpProblem } from '../http/problems.ts';

export const SESSION_COOKIE = 'lots_sid';
const TOUCH_AFTER_SECONDS = 60; // write last_seen_at at most once a minute

export type View = 'handlaggare' | 'utforare' | 'medborgare' | 'systemforvaltare';

export function viewOf(actor: Actor): View {
  if (actor.kind === 'citizen') return 'medborgare';
  if (actor.role === 'utforare_chef' || actor.role === 'utforare_personal') return 'utforare';
  if (actor.role === 'systemforvaltare') return 'systemforvaltare';
  return 'handlaggare';
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface SessionRow extends Record<string, unknown> {
  municipality_id: number; actor_kind: 'staff' | 'citizen'; staff_user_id: string | null;
  citizen_id_number: string | null; person_id: string | null; display_name: string; csrf_token: string;
  last_seen_at: Date; expires_at: Date;
}

export interface NewSession {
  municipalityId: number;
  actorKind: 'staff' | 'citizen';
  staffUserId?: string;
  citizenIdNumber?: string;
  personId?: string | null;
  displayName: string;
  idToken?: string;
  ip: string | null;
}

export class Sessions {
  constructor(private readonly db: Database, private readonly config: Config) {}

  async create(tx: TenantTx, s: NewSession): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await tx.query(
      `INSERT INTO sessions (municipality_id, token_hash, actor_kind, staff_user_id, citizen_id_number, person_id,
         display_name, csrf_token, id_token, expires_at, ip)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9, now() + make_interval(secs => $10), $11)`,
      [s.municipalityId, hashToken(token), s.actorKind, s.staffUserId ?? null, s.citizenIdNumber ?? null, s.personId ?? null,
        s.displayName, randomBytes(24).toString('base64url'), s.idToken ?? null, this.config.session.absoluteTimeoutSeconds, s.ip],
    );
    return token;
  }

  setCookie(reply: FastifyReply, token: string): void {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, secure: this.config.session.secureCookies, sameSite: 'lax',
    });
  }

  clearCookie(reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure: this.config.session.secureCookies, sameSite: 'lax' });
  }

  /** The live session for this request, or null (no cookie, unknown, idle too long, expired). */
  async find(req: FastifyRequest): Promise<(SessionRow & { tokenHash: string }) | null> {
    const token = req.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return null;
    const tokenHash = hashToken(token);
    const [row] = await this.db.withoutTenant<SessionRow>('SELECT * FROM auth_session_lookup($1)', [tokenHash]);
    if (!row) return null;
    const now = Date.now();
    const idleMs = this.config.session.idleTimeoutSeconds * 1000;
    if (row.expires_at.getTime() <= now || row.last_seen_at.getTime() + idleMs <= now) return null;
    return { ...row, tokenHash };
  }

  /** Builds the actor inside the request's transaction (so a deactivated account stops at once). */
  async actorFor(tx: TenantTx, s: SessionRow & { tokenHash: string }): Promise<Actor> {
    if (Date.now() - s.last_seen_at.getTime() > TOUCH_AFTER_SECONDS * 1000) {
      await tx.query('UPDATE sessions SET last_seen_at = now() WHERE municipality_id = $1 AND token_hash = $2', [s.municipality_id, s.tokenHash]);
    }
    if (s.actor_kind === 'citizen') {
      return { kind: 'citizen', municipalityId: s.municipality_id, personId: s.person_id, idNumber: s.citizen_id_number ?? '', name: s.display_name };
    }
    return this.staffActor(tx, s.municipality_id, s.staff_user_id ?? '');
  }

  async staffActor(tx: TenantTx, municipalityId: number, staffUserId: string): Promise<Actor> {
    const user = await tx.one<{ id: string; name: string; role: StaffRole; unit_id: string | null; provider_id: string | null }>(
      'SELECT id, name, role, unit_id, provider_id FROM staff_users WHERE municipality_id = $1 AND id = $2 AND active',
      [municipalityId, staffUserId],
    );
    if (!user) throw unauthenticated();
    return { kind: 'staff', municipalityId, userId: user.id, name: user.name, role: user.role, unitId: user.unit_id, providerId: user.provider_id };
  }

  async destroy(tx: TenantTx, s: SessionRow & { tokenHash: string }, everywhere: boolean): Promise<void> {
    if (!everywhere) {
      await tx.query('DELETE FROM sessions WHERE municipality_id = $1 AND token_hash = $2', [s.municipality_id, s.tokenHash]);
    } else if (s.actor_kind === 'staff') {
      await tx.query('DELETE FROM sessions WHERE municipality_id = $1 AND staff_user_id = $2', [s.municipality_id, s.staff_user_id]);
    } else {
      await tx.query('DELETE FROM sessions WHERE municipality_id = $1 AND citizen_id_number = $2', [s.municipality_id, s.citizen_id_number]);
    }
  }
}

export function assertCsrf(expected: string, given: unknown): void {
  const ok = typeof given === 'string' && given.length === expected.length && timingSafeEqual(Buffer.from(expected), Buffer.from(given));
  if (!ok) throw new HttpProblem(403, 'Ogiltig säkerhetstoken', 'Ladda om sidan och försök igen.', 'csrf');
}

export function requestMeta(req: FastifyRequest): RequestContext['meta'] {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua.slice(0, 300) : null };
}

/**
 * Runs a request handler as the logged-in actor, in one tenant transaction: session check,
 * role check, CSRF check for state changes, then the handler. The handler's reads go through
 * the access gate, whose audit records commit with the transaction.
 */
export function actorRunner(db: Database, sessions: Sessions) {
  return async function withActor<T>(
    req: FastifyRequest, views: View[], fn: (tx: TenantTx, ctx: RequestContext) => Promise<T>,
  ): Promise<T> {
    const s = await sessions.find(req);
    if (!s) throw unauthenticated();
    const changes = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    if (changes) assertCsrf(s.csrf_token, req.headers['x-csrf-token']);
    return db.withTenant(s.municipality_id, async (tx) => {
      const actor = await sessions.actorFor(tx, s);
      if (!views.includes(viewOf(actor))) throw forbidden('Din roll har inte tillgång till den här delen av Lots.', 'wrong-role');
      return fn(tx, { actor, meta: requestMeta(req) });
    });
  };
}
export type WithActor = ReturnType<typeof actorRunner>;
