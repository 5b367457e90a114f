// How a notice leaves Lots: e-mail over SMTP (nodemailer) and SMS through an SMS gateway's REST API
// in the style of 46elks (POST {SMS_API_URL}/sms, form-encoded from/to/message, HTTP basic auth).
// Configured by environment variables; outside production, local simulators that speak the same
// protocols stand in when nothing is configured (src/server/dev/notification-simulators.ts).
//
//   SMTP_URL           smtp://user:password@smtp.example.se:587 (or smtps://… for TLS from the start)
//   SMTP_FROM          the sender, e.g. "Demo kommun <no-reply@demo.se>" (default no-reply@ Lots's host)
//   SMS_API_URL        the gateway's API root, e.g. https://api.46elks.com/a1
//   SMS_API_USER       API username        SMS_API_PASSWORD  API password
//   SMS_FROM           the sender name, 3–11 letters or digits (default: the municipality's name)
import nodemailer from 'nodemailer';

export interface NotificationConfig {
  smtpUrl: string | null;
  smtpFrom: string | null;
  smsApiUrl: string | null;
  smsUser: string | null;
  smsPassword: string | null;
  smsFrom: string | null;
}

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());

/** Reads and checks the notification settings; a wrong setting stops the start with what to fix. */
export function loadNotificationConfig(env: NodeJS.ProcessEnv = process.env, production = env.NODE_ENV === 'production'): NotificationConfig {
  const c: NotificationConfig = {
    smtpUrl: blank(env.SMTP_URL), smtpFrom: blank(env.SMTP_FROM),
    smsApiUrl: blank(env.SMS_API_URL), smsUser: blank(env.SMS_API_USER), smsPassword: blank(env.SMS_API_PASSWORD), smsFrom: blank(env.SMS_FROM),
  };
  if (c.smtpUrl && !/^smtps?:\/\//.test(c.smtpUrl)) throw new Error(`SMTP_URL must start with smtp:// or smtps://, got "${c.smtpUrl.replace(/\/\/[^@]*@/, '//…@')}"`);
  if (c.smsApiUrl) {
    if (!/^https?:\/\//.test(c.smsApiUrl)) throw new Error('SMS_API_URL must be an http(s) address, e.g. https://api.46elks.com/a1');
    if (production && !c.smsApiUrl.startsWith('https://')) throw new Error('SMS_API_URL must use https in production');
    if (!c.smsUser || !c.smsPassword) throw new Error('SMS_API_USER and SMS_API_PASSWORD must be set when SMS_API_URL is');
  }
  if (c.smsFrom && !isSenderName(c.smsFrom) && !/^\+[1-9]\d{6,14}$/.test(c.smsFrom)) {
    throw new Error('SMS_FROM must be 3–11 letters a–z or digits (starting with a letter), or a phone number in +46… form');
  }
  return c;
}

export interface Sent { ref: string | null }

export interface EmailChannel {
  send(to: string, subject: string, text: string): Promise<Sent>;
  close(): void;
}

export interface SmsChannel {
  send(to: string, message: string, from: string): Promise<Sent>;
}

/** The sender for a notice mail: SMTP_FROM, else no-reply at Lots's own host, in the municipality's name. */
export function mailSender(config: NotificationConfig, municipalityName: string, publicUrl: string): string {
  if (config.smtpFrom) return config.smtpFrom;
  let host = 'localhost';
  try { host = new URL(publicUrl).hostname; } catch { /* keep localhost */ }
  if (!host.includes('.')) host = `${host}.localdomain`;
  return `"${municipalityName.replace(/["\\\r\n]/g, '')}" <no-reply@${host}>`;
}

export function smtpChannel(url: string, from: string): EmailChannel {
  // Timeouts: a hung mail server must not hold the delivery job (and its row locks) for long.
  const transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    async send(to, subject, text) {
      const info = await transport.sendMail({
        from, to, subject, text,
        // RFC 3834: an automatic message; auto-responders stay quiet. No one reads replies.
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      });
      return { ref: typeof info.messageId === 'string' ? info.messageId : null };
    },
    close: () => transport.close(),
  };
}

/** 3–11 characters a–z/0–9 starting with a letter: what SMS gateways accept as a sender name. */
export function isSenderName(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]{2,10}$/.test(s);
}

/** The municipality's name as an SMS sender name: "Demo kommun" → "Demokommun", "Västerås stad" → "Vasterasstad". */
export function senderNameFor(municipalityName: string): string {
  const ascii = municipalityName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]/g, '');
  const name = ascii.charAt(0).toUpperCase() + ascii.slice(1).toLowerCase();
  return isSenderName(name.slice(0, 11)) ? name.slice(0, 11) : 'Kommunen';
}

export function elksSmsChannel(apiUrl: string, user: string, password: string): SmsChannel {
  const endpoint = new URL('sms', apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`);
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return {
    async send(to, message, from) {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ from, to, message }).toString(),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`SMS-tjänsten svarade ${res.status}: ${text.slice(0, 200)}`);
      let id: unknown = null;
      try { id = (JSON.parse(text) as { id?: unknown }).id; } catch { /* a gateway that answers without JSON */ }
      return { ref: typeof id === 'string' ? id : null };
    },
  };
}
