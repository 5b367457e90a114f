// Contract of the public e-service "Orosanmälan om barn" (POST /api/public/reports): anyone may
// report, without logging in, anonymously if they are not a mandatory reporter. The answer is a
// receipt and nothing else (no case number, nothing about the child: OSL 26 kap. 1 §).
//
// The schema only checks types and lengths; what is missing or wrong is checked by
// validateReport below, shared by the server and the form, so the messages are Swedish and name
// the field (the schema validator's own messages are English and technical).
import { Type, type Static } from 'typebox';
import { parseIdNumber } from '../domain/personnummer.ts';
import { isValidIsoDate } from '../domain/deadlines.ts';
// A child is under 18 (1 kap. 2 § SoL), the same age at which custody ends (FB 6 kap. 2 §).
import { CUSTODY_ENDS_AT_AGE } from '../domain/guardianship.ts';

const Str = (max: number) => Type.String({ maxLength: max });

/** Who is reporting. The professional roles are mandatory reporters. */
export const REPORT_ROLES = [
  'privatperson', 'anhorig', 'barnet_sjalv',
  'skola', 'forskola', 'halso_sjukvard', 'socialtjanst', 'polis', 'annan_myndighet', 'privat_verksamhet',
] as const;
export type ReportRole = (typeof REPORT_ROLES)[number];

/**
 * Mandatory reporters: authorities and staff whose work concerns children, healthcare, the school
 * system, social services, the police, and private providers in these fields must report "genast"
 * (19 kap. 1 § SoL 2025:400, from 2026-01-15; formerly 14 kap. 1 § SoL 2001:453). They report in
 * their official role, which the reporter protection of 26 kap. 5 § OSL does not cover, and the
 * nämnd must be able to reach them (and to give them feedback, 19 kap. 6 § SoL) — so a
 * professional cannot report anonymously. Everyone else *should* report (19 kap. 4 §) and may
 * do so anonymously.
 */
export const MANDATORY_REPORTER_ROLES: readonly ReportRole[] = [
  'skola', 'forskola', 'halso_sjukvard', 'socialtjanst', 'polis', 'annan_myndighet', 'privat_verksamhet',
];
export const isMandatoryReporter = (role: ReportRole | null | undefined): boolean =>
  role != null && MANDATORY_REPORTER_ROLES.includes(role);

export const ReportBody = Type.Object({
  /** Made when the form is opened; the same key again answers with the same receipt. */
  idempotencyKey: Type.String({ format: 'uuid' }),
  /** Code from GET /api/municipalities. */
  municipality: Str(40),
  child: Type.Object({
    firstName: Str(100),
    lastName: Str(100),
    /** Personnummer when the reporter knows it … */
    personnummer: Type.Optional(Str(20)),
    /** … otherwise the birth date (ÅÅÅÅ-MM-DD). */
    birthDate: Type.Optional(Str(10)),
    /** School, förskola or where the child can be found, if known. */
    whereabouts: Type.Optional(Str(300)),
  }),
  description: Str(10000),
  /** The reporter says the child is in danger right now: the case is marked as urgent. */
  immediateDanger: Type.Boolean(),
  reporter: Type.Object({
    role: Str(40),
    anonymous: Type.Boolean(),
    name: Type.Optional(Str(200)),
    phone: Type.Optional(Str(50)),
    organisation: Type.Optional(Str(200)),
    /** Whether the reporter may be named to the family (the reporter's wish; OSL 26 kap. 5 §). */
    mayBeNamed: Type.Boolean(),
  }),
}, { additionalProperties: false });
export type ReportBody = Static<typeof ReportBody>;

/** The only answer: a receipt. */
export const ReportReceipt = Type.Object({
  receiptNumber: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
}, { additionalProperties: false });
export type ReportReceipt = Static<typeof ReportReceipt>;

export interface FieldError { path: string; message: string }

const blank = (s: string | undefined | null) => !s || !s.trim();

/** What is missing or wrong, in plain Swedish, with the field's path (body/child/firstName …). */
export function validateReport(body: ReportBody, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path: `body/${path}`, message });
  if (blank(body.municipality)) add('municipality', 'Välj vilken kommun barnet bor i.');
  if (blank(body.child.firstName)) add('child/firstName', 'Skriv barnets förnamn.');
  if (blank(body.child.lastName)) add('child/lastName', 'Skriv barnets efternamn.');
  const birth = childBirthDate(body.child, today);
  if (!blank(body.child.personnummer) && !birth.ok) add('child/personnummer', birth.error);
  else if (blank(body.child.personnummer) && blank(body.child.birthDate)) add('child/birthDate', 'Skriv barnets personnummer eller födelsedatum. Vet du inte exakt, skriv ett ungefärligt datum och berätta det i beskrivningen.');
  else if (blank(body.child.personnummer) && !birth.ok) add('child/birthDate', birth.error);
  else if (birth.ok && birth.birthDate > today) add(blank(body.child.personnummer) ? 'child/birthDate' : 'child/personnummer', 'Födelsedatumet kan inte ligga i framtiden.');
  else if (birth.ok && ageOn(birth.birthDate, today) >= CUSTODY_ENDS_AT_AGE) add(blank(body.child.personnummer) ? 'child/birthDate' : 'child/personnummer', 'En orosanmälan gäller barn under 18 år. Är du orolig för en vuxen, kontakta socialtjänsten i kommunen.');
  if (blank(body.description)) add('description', 'Beskriv vad som har hänt och varför du är orolig.');
  const role = body.reporter.role as ReportRole;
  if (!REPORT_ROLES.includes(role)) add('reporter/role', 'Välj vem du är (till exempel privatperson, anhörig eller skola).');
  else if (body.reporter.anonymous && isMandatoryReporter(role)) {
    add('reporter/anonymous', 'Du som anmäler i ditt yrke (till exempel skola, förskola eller hälso- och sjukvård) har anmälningsskyldighet och kan inte vara anonym (19 kap. 1 § socialtjänstlagen). Skriv ditt namn och hur vi når dig.');
  }
  if (body.reporter.anonymous) {
    if (!blank(body.reporter.name) || !blank(body.reporter.phone) || !blank(body.reporter.organisation)) {
      add('reporter/name', 'En anonym anmälan har inget namn, telefonnummer eller organisation. Ta bort dem eller välj att inte vara anonym.');
    }
  } else {
    if (blank(body.reporter.name)) add('reporter/name', 'Skriv ditt namn, eller välj att vara anonym.');
    if (blank(body.reporter.phone)) add('reporter/phone', 'Skriv ett telefonnummer så att socialtjänsten kan nå dig.');
    else if (!/^[+\d][\d\s-]{5,}$/.test(body.reporter.phone!.trim())) add('reporter/phone', 'Telefonnumret ska bara innehålla siffror, mellanslag, bindestreck och eventuellt + först.');
    if (isMandatoryReporter(role) && blank(body.reporter.organisation)) add('reporter/organisation', 'Skriv vilken verksamhet du arbetar i (till exempel skolans namn).');
  }
  return errors;
}

/** The child's birth date from the personnummer, or the birth date typed. */
export function childBirthDate(child: ReportBody['child'], today: string):
  { ok: true; birthDate: string; idNumber: { kind: 'personnummer' | 'samordningsnummer' | 'reservnummer'; canonical: string } | null } | { ok: false; error: string } {
  if (!blank(child.personnummer)) {
    const parsed = parseIdNumber(child.personnummer!, new Date(`${today}T12:00:00Z`));
    if (!parsed.ok) return { ok: false, error: `Personnumret stämmer inte: ${parsed.error}.` };
    if (parsed.value.kind === 'reservnummer') return { ok: false, error: 'Skriv ett personnummer eller samordningsnummer, eller lämna fältet tomt och skriv födelsedatum.' };
    return { ok: true, birthDate: parsed.value.birthDate, idNumber: { kind: parsed.value.kind, canonical: parsed.value.canonical } };
  }
  const d = (child.birthDate ?? '').trim();
  if (!isValidIsoDate(d)) return { ok: false, error: 'Skriv födelsedatumet som ÅÅÅÅ-MM-DD, till exempel 2015-03-01.' };
  return { ok: true, birthDate: d, idNumber: null };
}

function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
