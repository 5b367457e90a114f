// All settings come from the environment; defaults give a working demo on a fresh machine.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { loadNotificationConfig, type NotificationConfig } from './modules/messages/channels.ts';

export interface Config {
  production: boolean;
  port: number;
  host: string;
  /** Public base URL of Lots, e.g. http://localhost:8080 (used for OIDC redirects). */
  publicUrl: string;
  dataDir: string;
  /** Owner/migrator connection; unset → embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  /** Optional separate login for the app role; otherwise lots_app on the same server. */
  databaseAppUrl: string | undefined;
  secrets: { cookieSecret: string; appDbPassword: string };
  session: { idleTimeoutSeconds: number; absoluteTimeoutSeconds: number; secureCookies: boolean };
  oidc: { issuer: string; clientId: string; clientSecret: string; bundledTestIdp: boolean };
  seedDemo: boolean;
  webDir: string;
  /** Orosanmälan without login: at most `max` reports per IP address and window (kept in memory only). */
  publicReports: { max: number; windowSeconds: number };
  /** SMTP and SMS gateway for notices of new messages (SMTP_URL, SMTP_FROM, SMS_API_URL, SMS_API_USER, SMS_API_PASSWORD, SMS_FROM). */
  notifications: NotificationConfig;
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

/** Secrets that must survive restarts: from the environment, else generated once into the data folder. */
function loadSecrets(dataDir: string, production: boolean): Config['secrets'] {
  const fromEnv = { cookieSecret: process.env.LOTS_COOKIE_SECRET, appDbPassword: process.env.LOTS_APP_DB_PASSWORD };
  if (fromEnv.cookieSecret && fromEnv.appDbPassword) return fromEnv as Config['secrets'];
  if (production) throw new Error('LOTS_COOKIE_SECRET and LOTS_APP_DB_PASSWORD must be set in production');
  const file = path.join(dataDir, 'secrets.json');
  let stored: Partial<Config['secrets']> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Config['secrets']>;
  const secrets = {
    cookieSecret: fromEnv.cookieSecret ?? stored.cookieSecret ?? randomBytes(32).toString('base64url'),
    appDbPassword: fromEnv.appDbPassword ?? stored.appDbPassword ?? randomBytes(24).toString('base64url'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

export function loadConfig(overrides: Partial<Pick<Config, 'port' | 'dataDir' | 'databaseUrl' | 'seedDemo'>> = {}): Config {
  const production = process.env.NODE_ENV === 'production';
  const port = overrides.port ?? intFromEnv('PORT', 8080);
  const dataDir = path.resolve(overrides.dataDir ?? process.env.LOTS_DATA_DIR ?? path.join(repoRoot, '.lots'));
  const publicUrl = (process.env.LOTS_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  const bundledTestIdp = !production;
  const issuer = process.env.LOTS_OIDC_ISSUER ?? (bundledTestIdp ? `${publicUrl}/idp` : '');
  if (!issuer) throw new Error('LOTS_OIDC_ISSUER must be set in production (the identity provider / e-ID broker)');
  return {
    production,
    port,
    host: process.env.HOST ?? '0.0.0.0',
    publicUrl,
    dataDir,
    databaseUrl: overrides.databaseUrl ?? (process.env.DATABASE_URL || undefined),
    databaseAppUrl: process.env.DATABASE_APP_URL || undefined,
    secrets: loadSecrets(dataDir, production),
    session: {
      idleTimeoutSeconds: intFromEnv('LOTS_IDLE_TIMEOUT_SECONDS', 30 * 60),
      absoluteTimeoutSeconds: intFromEnv('LOTS_SESSION_MAX_SECONDS', 12 * 60 * 60),
      // Browsers accept Secure cookies on http://localhost; turn off only for plain-http LAN testing.
      secureCookies: process.env.LOTS_INSECURE_COOKIES !== '1',
    },
    oidc: {
      issuer,
      clientId: process.env.LOTS_OIDC_CLIENT_ID ?? 'lots',
      clientSecret: process.env.LOTS_OIDC_CLIENT_SECRET ?? (bundledTestIdp ? 'lots-dev-secret' : ''),
      bundledTestIdp,
    },
    seedDemo: overrides.seedDemo ?? (process.env.LOTS_SEED_DEMO ?? (production ? '0' : '1')) === '1',
    webDir: path.join(repoRoot, 'dist', 'web'),
    // Generous enough for a school office behind one address; stops a script filling the inbox.
    publicReports: { max: intFromEnv('LOTS_REPORT_RATE_MAX', 20), windowSeconds: intFromEnv('LOTS_REPORT_RATE_WINDOW_SECONDS', 15 * 60) },
    notifications: loadNotificationConfig(process.env, production),
  };
}
