// Each test file gets its own copy of the seeded template database, and if it needs HTTP, a
// real Lots server on a free port with the bundled test identity provider.
import { demoUuid } from '../../src/server/dev/demo-data.ts';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Database, appUrlFrom } from '../../src/server/db/database.ts';
import { freePort } from '../../src/server/db/embedded.ts';
import { loadConfig, type Config } from '../../src/server/config.ts';
import { buildApp } from '../../src/server/app.ts';

export interface TestDb { db: Database; ownerUrl: string; appUrl: string; name: string; drop(): Promise<void> }

export async function freshDatabase(): Promise<TestDb> {
  const server = inject('pgServerUrl');
  const name = `lots_test_${inject('templateDb').split('_').pop()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE ${admin.escapeIdentifier(inject('templateDb'))}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const ownerUrl = url.toString();
  const appUrl = appUrlFrom(ownerUrl, inject('appPassword'));
  const db = new Database(ownerUrl, appUrl, false);
  return {
    db, ownerUrl, appUrl, name,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestServer extends TestDb { app: FastifyInstance; baseUrl: string; config: Config; close(): Promise<void> }

export async function startServer(): Promise<TestServer> {
  const tdb = await freshDatabase();
  const port = await freePort();
  process.env.LOTS_PUBLIC_URL = `http://127.0.0.1:${port}`;
  const config = loadConfig({ port, dataDir: mkdtempSync(path.join(tmpdir(), 'lots-it-data-')), databaseUrl: tdb.ownerUrl, seedDemo: false });
  delete process.env.LOTS_PUBLIC_URL;
  config.secrets.appDbPassword = inject('appPassword');
  const app = await buildApp(config, tdb.db, { logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  return { ...tdb, app, config, baseUrl: config.publicUrl, close: async () => { await app.close(); await tdb.drop(); } };
}

/** A minimal cookie jar: enough for the OIDC redirects between Lots and the test IdP on one host. */
export class Browser {
  cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  private remember(res: Response) {
    for (const header of res.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(header) || /max-age=0/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
    const url = new URL(pathOrUrl, this.baseUrl);
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.remember(res);
    return res;
  }

  /** Follows redirects like a browser would (GET after 302/303). */
  async follow(pathOrUrl: string, init: RequestInit = {}): Promise<{ res: Response; url: string }> {
    let res = await this.fetch(pathOrUrl, init);
    let url = new URL(pathOrUrl, this.baseUrl).toString();
    for (let i = 0; i < 10 && res.status >= 300 && res.status < 400; i++) {
      url = new URL(res.headers.get('location')!, url).toString();
      res = await this.fetch(url);
    }
    return { res, url };
  }

  csrf?: string;

  /** Logs in through the real OIDC flow by choosing an account on the test IdP's page. */
  async login(account: string, as: 'personal' | 'medborgare' = 'personal', kommun = 'demo'): Promise<string> {
    const start = as === 'medborgare' ? `/auth/login?as=medborgare&kommun=${kommun}` : '/auth/login?as=personal';
    const page = await this.follow(start);
    if (page.res.status !== 200) throw new Error(`login page: HTTP ${page.res.status} at ${page.url}`);
    const html = await page.res.text();
    const action = /action="([^"]*\/login)"/.exec(html)?.[1];
    if (!action) throw new Error('no login form on the test IdP page');
    const done = await this.follow(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ account }).toString() });
    const session = await (await this.fetch('/api/session')).json() as { authenticated: boolean; csrfToken?: string };
    if (!session.authenticated) throw new Error(`login as ${account} failed, ended at ${done.url}`);
    this.csrf = session.csrfToken;
    return new URL(done.url).pathname;
  }

  async getJson<T = unknown>(p: string): Promise<{ status: number; body: T; type: string | null }> {
    const res = await this.fetch(p);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, type: res.headers.get('content-type') };
  }

  async send<T = unknown>(method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; type: string | null }> {
    const h: Record<string, string> = { ...headers };
    if (this.csrf && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    if (body !== undefined && !('content-type' in h)) h['content-type'] = 'application/json';
    const res = await this.fetch(p, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: res.status, body: parsed as T, type: res.headers.get('content-type') };
  }
}

/** A logged-in staff member of the demo (`demo:<key>` on the test IdP). */
export async function staffLogin(s: TestServer, key: string): Promise<Browser> {
  const b = new Browser(s.baseUrl);
  await b.login(`demo:${key}`);
  return b;
}

/** A demo person logged in as a citizen with Test-BankID (by their personnummer). */
export async function citizenLogin(s: TestServer, personKey: string): Promise<Browser> {
  const { rows: [p] } = await s.db.owner.query<{ id_number: string }>('SELECT id_number FROM persons WHERE id = $1', [demoUuid(`1:person:${personKey}`)]);
  if (!p) throw new Error(`no demo person ${personKey}`);
  const b = new Browser(s.baseUrl);
  await b.login(`bankid:${p.id_number}`, 'medborgare');
  return b;
}
