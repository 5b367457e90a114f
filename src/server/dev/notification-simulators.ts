// Local stand-ins for the mail server and the SMS gateway, for development and tests. They speak the
// real protocols — SMTP (smtp-server, each mail parsed with mailparser) and the 46elks-style REST
// API (POST /a1/sms, form-encoded, HTTP basic auth) — so Lots's real clients are what gets tested.
// They keep what they receive in memory; GET /dev/notifications on the dev server shows it.
// Never started in production.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type AddressObject } from 'mailparser';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  receivedAt: string;
}

export interface ReceivedSms {
  id: string;
  from: string;
  to: string;
  message: string;
  receivedAt: string;
}

const KEEP = 500; // the newest received are kept; a long-running dev server does not grow without end

function addresses(a: AddressObject | AddressObject[] | undefined): string[] {
  if (!a) return [];
  return (Array.isArray(a) ? a : [a]).flatMap((o) => o.value.map((v) => v.address ?? '')).filter(Boolean);
}

function keep<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > KEEP) list.splice(0, list.length - KEEP);
}

export interface SmtpSimulator { url: string; mails: ReceivedMail[]; close(): Promise<void> }

/** An SMTP server on 127.0.0.1 (a free port unless given) that keeps every mail it receives. */
export async function startSmtpSimulator(opts: { port?: number; host?: string } = {}): Promise<SmtpSimulator> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    banner: 'Lots SMTP-simulator',
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of parsed.headers) if (typeof v === 'string') headers[k] = v;
        keep(mails, {
          from: addresses(parsed.from)[0] ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : null,
          headers,
          receivedAt: new Date().toISOString(),
        });
        callback();
      }, (err: Error) => callback(err));
    },
  });
  server.on('error', () => { /* a client that hangs up mid-mail; the simulator keeps running */ });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${host}:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface SmsSimulator { url: string; user: string; password: string; messages: ReceivedSms[]; close(): Promise<void> }

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json' });
  res.end(text);
}

/**
 * An SMS gateway in the style of 46elks on 127.0.0.1: POST /a1/sms with from, to and message
 * (application/x-www-form-urlencoded) and basic auth answers like the real API; GET /a1/sms lists.
 */
export async function startSmsSimulator(opts: { port?: number; host?: string; user?: string; password?: string } = {}): Promise<SmsSimulator> {
  const messages: ReceivedSms[] = [];
  const user = opts.user ?? 'lots-dev';
  const password = opts.password ?? randomBytes(12).toString('base64url');
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/a1/sms') return send(res, 404, 'Not found');
    if (req.headers.authorization !== expected) {
      res.setHeader('www-authenticate', 'Basic realm="46elks"');
      return send(res, 401, 'API access requires Basic HTTP authentication. Read documentation or examples.');
    }
    if (req.method === 'GET') return send(res, 200, { data: [...messages].reverse().map((m) => ({ ...m, direction: 'outgoing', status: 'delivered' })) });
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return send(res, 400, 'Send the fields form-encoded.');
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
      if (raw.length > 20_000) req.destroy();
    });
    req.on('end', () => {
      const form = new URLSearchParams(raw);
      const from = form.get('from') ?? '';
      const to = form.get('to') ?? '';
      const message = form.get('message') ?? '';
      if (!from) return send(res, 403, 'Missing key from');
      if (!to) return send(res, 403, 'Missing key to');
      if (!message) return send(res, 403, 'Missing key message');
      if (!/^([A-Za-z][A-Za-z0-9]{2,10}|\+[1-9]\d{6,14})$/.test(from)) return send(res, 403, 'Invalid from');
      if (!/^\+[1-9]\d{6,14}$/.test(to)) return send(res, 403, 'Invalid to');
      const sms: ReceivedSms = { id: `s${randomBytes(16).toString('hex')}`, from, to, message, receivedAt: new Date().toISOString() };
      keep(messages, sms);
      return send(res, 200, {
        status: 'created', direction: 'outgoing', from, to, message, id: sms.id, created: sms.receivedAt,
        parts: Math.max(1, Math.ceil(message.length / 153)), cost: 3500,
      });
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/a1`, user, password, messages,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export interface NotificationSimulators {
  smtp: SmtpSimulator | null;
  sms: SmsSimulator | null;
  close(): Promise<void>;
}

let running: NotificationSimulators | null = null;

/** The simulators started in this process, if any (the delivery job and /dev/notifications use them). */
export function runningSimulators(): NotificationSimulators | null {
  return running;
}

/**
 * Starts the simulators that are needed: the mail server when SMTP_URL is not set, the SMS gateway
 * when SMS_API_URL is not set. Refuses in production. Calling it again answers the running ones.
 */
export async function startNotificationSimulators(env: NodeJS.ProcessEnv = process.env): Promise<NotificationSimulators> {
  if (env.NODE_ENV === 'production') throw new Error('The notification simulators are for development and tests, never production');
  if (running) return running;
  const smtp = env.SMTP_URL ? null : await startSmtpSimulator();
  const sms = env.SMS_API_URL ? null : await startSmsSimulator();
  const sims: NotificationSimulators = {
    smtp, sms,
    close: async () => {
      if (running === sims) running = null;
      await Promise.all([smtp?.close(), sms?.close()]);
    },
  };
  running = sims;
  return sims;
}
