// The notice a citizen gets by e-mail or SMS when a message has come in Lots. It says only THAT there
// is a message and where to read it: never the text, never whom or which matter it is about, never
// who wrote it. E-mail and SMS are not secure channels, and someone else may read the phone or the
// mailbox; what is in a social services case is secret (26 kap. 1 § OSL). That holds for persons
// with protected identity too: they get the same content-free notice.
//
// The function deliberately takes nothing that could carry content: the municipality's name and
// the address of Lots are all it can put in the notice.

export interface NoticeFacts {
  /** The municipality as it presents itself, e.g. "Demo kommun". */
  municipalityName: string;
  /** Where Lots is, e.g. "https://lots.demo.se" (no trailing slash needed). */
  baseUrl: string;
}

export interface Notice {
  /** E-mail subject. */
  subject: string;
  /** E-mail body, plain text. */
  emailText: string;
  /** SMS text: one message of at most 160 GSM characters for a normal address. */
  smsText: string;
}

/** The page where the citizen reads messages. */
export const MESSAGES_PATH = '/medborgare/meddelanden';

export function messagesUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${MESSAGES_PATH}`;
}

export function notificationNotice(facts: NoticeFacts): Notice {
  const from = facts.municipalityName.trim() || 'kommunen';
  const url = messagesUrl(facts.baseUrl);
  return {
    subject: `Nytt meddelande från ${from}`,
    emailText: [
      'Hej!',
      '',
      `Du har fått ett nytt meddelande från ${from}. Logga in på ${url} för att läsa det.`,
      '',
      'Av sekretesskäl står det inte i det här mejlet vad meddelandet handlar om eller vem som har skrivit det.',
      'Du kan inte svara på det här mejlet.',
      '',
      'Vill du inte få fler aviseringar, eller vill du få dem på ett annat sätt? Ändra det under Meddelanden när du har loggat in.',
    ].join('\n'),
    smsText: `Du har fått ett nytt meddelande från ${from}. Logga in på ${url} för att läsa det. Svara inte på detta sms.`,
  };
}

// ---- Where the notice goes: the address the citizen gives (checked here, for server and web) ----

/**
 * A mobile number as E.164 (+46701234567), from how people write it in Sweden: "070-123 45 67",
 * "0701234567", "+46 70 123 45 67", "0046701234567". Swedish numbers must be mobile numbers (07…),
 * since an SMS cannot go to a landline. Null when it is not a number we can send to.
 */
export function normaliseMobile(input: string): string | null {
  let s = input.replace(/[\s\-().]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  else if (s.startsWith('0')) s = `+46${s.slice(1)}`;
  if (!/^\+[1-9]\d{6,14}$/.test(s)) return null;
  if (s.startsWith('+46') && !/^\+467\d{8}$/.test(s)) return null;
  return s;
}

/** +46701234567 → 070-123 45 67; other countries as stored. */
export function formatMobile(e164: string): string {
  const m = /^\+46(7\d)(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `0${m[1]}-${m[2]} ${m[3]} ${m[4]}` : e164;
}

/** A plausible e-mail address (the real check is that the notice arrives). Null when it is not one. */
export function normaliseEmail(input: string): string | null {
  const s = input.trim();
  return s.length <= 254 && /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/.test(s) ? s : null;
}

// ---- The one-time code that confirms the address -------------------------------------------------

/** How long a code is valid, and how many tries it gets before a new one is needed. */
export const CODE_VALID_MINUTES = 15;
export const CODE_MAX_ATTEMPTS = 5;

export interface CodeMessage {
  subject: string;
  /** The same short text for e-mail and SMS: the code and how long it is valid, nothing else. */
  text: string;
}

/**
 * The message that carries the code to the address the citizen gave. Like the notice it says nothing
 * of any matter: whoever owns a mistyped address learns only that someone wanted notices from the
 * municipality. The code must be exactly six digits.
 */
export function verificationCodeMessage(facts: { municipalityName: string; code: string }): CodeMessage {
  if (!/^\d{6}$/.test(facts.code)) throw new Error('The code must be six digits');
  const from = facts.municipalityName.trim() || 'kommunen';
  return {
    subject: `Din kod för aviseringar från ${from}`,
    text: `Din kod för aviseringar från ${from} är ${facts.code}. Den gäller i ${CODE_VALID_MINUTES} minuter.`,
  };
}
