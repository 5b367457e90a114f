// The demo municipality ("Demo kommun") and a small second one ("Exempelstads kommun"), so that
// tenant isolation is visible. Pure data built deterministically from `today`: the same day gives
// the same rows and ids, and deadlines are always fresh (some due soon, some overdue).
// Every personnummer comes from Skatteverket's list of test numbers.
import { createHash } from 'node:crypto';
import { addDays, addMonths, DEADLINE_KINDS, type DeadlineKind } from '../../domain/deadlines.ts';
import { loadTestPersonnummer } from './test-personnummer.ts';
import { caseTypeFor, type CaseType } from '../../domain/process/types.ts';
import { findInsats, insatserFor, type AppealRoute, type Law } from '../../domain/insatser.ts';

/** The demo decisions name their insats in words; link them to the national catalogue where it has one. */
/** What an application without a decision yet asks for, read from its title ("Ansökan om särskilt boende"). */
function requestedFromTitle(title: string, area: string, law: Law): string[] {
  const lower = title.toLowerCase();
  const options = insatserFor(area, law);
  const whole = options.filter((i) => lower.includes(i.labelSv.toLowerCase())).sort((a, b) => b.labelSv.length - a.labelSv.length)[0];
  // else a long word of the label ("kontaktperson", "öppenvård")
  const word = options.find((i) => i.labelSv.toLowerCase().split(/[^a-zåäö]+/).some((w) => w.length >= 8 && lower.includes(w)));
  const match = whole ?? word;
  return match ? [match.key] : [];
}

/** Which unit receives new matters of each case area (e-services, reports without a named unit). */
const INTAKE_AREAS: Record<string, string[]> = {
  '1:ao': ['aldreomsorg'], '1:fs': ['funktionsstod'], '1:bu': ['barn_och_unga', 'familjeratt'],
  '1:vu': ['vuxen', 'vald_i_nara_relationer'], '1:eb': ['ekonomiskt_bistand'],
  '2:ao': ['aldreomsorg', 'funktionsstod'], '2:bu': ['barn_och_unga', 'familjeratt', 'vuxen', 'vald_i_nara_relationer', 'ekonomiskt_bistand'],
};

function catalogueFields(basis: string, insats: string): { insatsKey: string | null; decisionType: string | null; appealRoute: AppealRoute; ksiCode: string | null } {
  const entry = findInsats(insats, basis);
  return { insatsKey: entry?.key ?? null, decisionType: entry?.decisionType ?? null, appealRoute: entry?.appealRoute ?? 'forvaltningsbesvar', ksiCode: entry?.ksiCode ?? null };
}

type Area = 'barn_och_unga' | 'vuxen' | 'ekonomiskt_bistand' | 'aldreomsorg' | 'funktionsstod' | 'familjeratt' | 'vald_i_nara_relationer';
type Status = 'aktualiserad' | 'forhandsbedomning' | 'utredning' | 'beslut' | 'verkstallighet' | 'uppfoljning' | 'avslutad';
type Role = 'handlaggare' | 'arbetsledare' | 'systemforvaltare' | 'utforare_personal' | 'utforare_chef';
type Protection = 'ingen' | 'sekretessmarkering' | 'skyddad_folkbokforing';

export interface MunicipalityRow { id: number; code: string; kommunkod: string; name: string; boardName: string; addressLines: string[]; phone: string; email: string }
export interface OrgUnitRow { municipalityId: number; id: string; parentId: string | null; name: string; area: 'aldreomsorg' | 'funktionsstod' | 'ifo' | 'forvaltning'; intakeAreas: string[] }
export interface ProviderRow { municipalityId: number; id: string; name: string; orgNumber: string; kind: 'kommunal' | 'privat'; lov: boolean; phone: string; insatser: string[]; areas: string[] }
export interface StaffUserRow { municipalityId: number; id: string; oidcSubject: string; name: string; title: string; email: string; role: Role; unitId: string | null; providerId: string | null }
export interface PersonRow {
  municipalityId: number; id: string; idKind: 'personnummer'; idNumber: string; firstName: string; lastName: string; birthDate: string;
  protection: Protection; street: string | null; postalCode: string | null; city: string | null; phone: string | null;
}
export interface PersonRelationRow { municipalityId: number; id: string; personId: string; relatedPersonId: string; kind: 'vardnadshavare' | 'ombud' | 'make_maka' | 'sambo'; scope: string | null; scopeAreas: string[] | null; validFrom: string; validTo: string | null }
export interface CaseRow {
  municipalityId: number; id: string; caseNumber: string; personId: string; unitId: string; area: Area; origin: 'ansokan' | 'anmalan' | 'ovrigt';
  title: string; status: Status; receivedOn: string; assignedTo: string | null; closedOn: string | null; closeReason: string | null;
  caseType: CaseType;
  /** Process facts consistent with the status (what a real case at that stage would have recorded). */
  intake: string; skyddAssessedAt: string | null; skyddAssessedBy: string | null; skyddAcute: boolean | null; skyddText: string | null;
  fhbOutcome: 'inleda' | 'inte_inleda' | null; fhbMotivation: string | null; fhbDecidedOn: string | null; fhbDecidedBy: string | null;
  invOpenedOn: string | null;
}
export interface CaseDeadlineRow { municipalityId: number; id: string; caseId: string; kind: string; legalBasis: string; dueOn: string; completedOn: string | null }
export interface DecisionRow {
  municipalityId: number; id: string; caseId: string; insats: string; ksiCode: string | null; legalBasis: string; outcome: 'bifall' | 'delvis_bifall' | 'avslag';
  decidedOn: string; validFrom: string | null; validTo: string | null; scope: string | null; motivation: string; decidedBy: string;
  insatsKey: string | null; decisionType: string | null; appealRoute: AppealRoute; status: 'fattat'; decidedCapacity: 'delegation'; signedAt: string;
}
export interface JournalEntryRow { municipalityId: number; id: string; caseId: string; authorId: string; occurredOn: string; title: string; body: string; signedAt: string | null; signedBy: string | null }
export interface OrderRow {
  municipalityId: number; id: string; orderNumber: string; decisionId: string; caseId: string; personId: string; providerId: string;
  insats: string; scope: string; startOn: string; endOn: string | null; status: 'skickad' | 'accepterad' | 'pagaende' | 'avbruten' | 'avslutad' | 'returnerad'; infoToProvider: string; sentAt: string;
  insatsKey: string | null; acceptedAt: string | null; plannedStartOn: string | null; startedOn: string | null;
  interruptedOn: string | null; interruptionReason: string | null;
}

export interface DemoData {
  municipalities: MunicipalityRow[]; orgUnits: OrgUnitRow[]; providers: ProviderRow[]; staffUsers: StaffUserRow[]; persons: PersonRow[];
  personRelations: PersonRelationRow[]; cases: CaseRow[]; caseDeadlines: CaseDeadlineRow[]; decisions: DecisionRow[];
  journalEntries: JournalEntryRow[]; orders: OrderRow[];
}

/** A stable v4-shaped UUID from a name, so the same seed always gives the same ids. */
export function demoUuid(name: string): string {
  const h = createHash('sha256').update(`lots-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// ---- people -------------------------------------------------------------------------------

type Sex = 'k' | 'm';
interface PersonSpec { key: string; first: string; last: string; born: number; sex: Sex; protection?: Protection; street?: string }

/** Picks test personnummer by birth year and sex digit (the 9th digit: odd man, even woman). */
function numberPicker() {
  const all = loadTestPersonnummer();
  const used = new Set<string>();
  return (year: number, sex: Sex): string => {
    const found = all.find((n) => n.startsWith(String(year)) && !used.has(n) && (Number(n[10]) % 2 === 1) === (sex === 'm'));
    if (!found) throw new Error(`no test personnummer left for ${year} ${sex}`);
    used.add(found);
    return found;
  };
}

// Demo kommun. Keys name people in the case specs below.
const DEMO_PEOPLE: PersonSpec[] = [
  // äldreomsorg
  { key: 'gosta', first: 'Gösta', last: 'Lund', born: 1938, sex: 'm' },
  { key: 'ingrid', first: 'Ingrid', last: 'Lund', born: 1968, sex: 'k' },
  { key: 'margit', first: 'Margit', last: 'Sjöberg', born: 1934, sex: 'k' },
  { key: 'harald', first: 'Harald', last: 'Ek', born: 1931, sex: 'm' },
  { key: 'elsa', first: 'Elsa', last: 'Ek', born: 1933, sex: 'k' },
  { key: 'birgitta', first: 'Birgitta', last: 'Holmberg', born: 1940, sex: 'k' },
  { key: 'sven', first: 'Sven', last: 'Åberg', born: 1936, sex: 'm' },
  { key: 'ulla', first: 'Ulla', last: 'Forsberg', born: 1929, sex: 'k', protection: 'skyddad_folkbokforing' },
  { key: 'rolf', first: 'Rolf', last: 'Nyberg', born: 1942, sex: 'm' },
  { key: 'gunnel', first: 'Gunnel', last: 'Strand', born: 1937, sex: 'k' },
  { key: 'karlerik', first: 'Karl-Erik', last: 'Wallin', born: 1935, sex: 'm' },
  { key: 'inga', first: 'Inga', last: 'Berglund', born: 1944, sex: 'k' },
  { key: 'lennart', first: 'Lennart', last: 'Boman', born: 1939, sex: 'm' },
  { key: 'majbritt', first: 'Maj-Britt', last: 'Lundgren', born: 1932, sex: 'k' },
  { key: 'bengt', first: 'Bengt', last: 'Håkansson', born: 1941, sex: 'm' },
  { key: 'astrid', first: 'Astrid', last: 'Jonsson', born: 1930, sex: 'k' },
  { key: 'stig', first: 'Stig', last: 'Öberg', born: 1933, sex: 'm' },
  { key: 'karin', first: 'Karin', last: 'Söderberg', born: 1946, sex: 'k' },
  { key: 'ake', first: 'Åke', last: 'Nordin', born: 1937, sex: 'm' },
  { key: 'gerd', first: 'Gerd', last: 'Blom', born: 1939, sex: 'k' },
  { key: 'nils', first: 'Nils', last: 'Engström', born: 1945, sex: 'm' },
  { key: 'vera', first: 'Vera', last: 'Lindström', born: 1928, sex: 'k' },
  // funktionsstöd
  { key: 'elin', first: 'Elin', last: 'Granqvist', born: 2001, sex: 'k' },
  { key: 'oskar', first: 'Oskar', last: 'Lindberg', born: 1998, sex: 'm' },
  { key: 'noah', first: 'Noah', last: 'Svensson', born: 2012, sex: 'm' },
  { key: 'jessica', first: 'Jessica', last: 'Svensson', born: 1985, sex: 'k' },
  { key: 'johanna', first: 'Johanna', last: 'Fredriksson', born: 1990, sex: 'k' },
  { key: 'patrik', first: 'Patrik', last: 'Olsson', born: 1979, sex: 'm' },
  { key: 'ida', first: 'Ida', last: 'Bergström', born: 1995, sex: 'k' },
  // barn och unga
  { key: 'leo', first: 'Leo', last: 'Andersson', born: 2016, sex: 'm' },
  { key: 'sofia', first: 'Sofia', last: 'Andersson', born: 1988, sex: 'k' },
  { key: 'marcus', first: 'Marcus', last: 'Andersson', born: 1986, sex: 'm' },
  { key: 'wilma', first: 'Wilma', last: 'Karlsson', born: 2011, sex: 'k' },
  { key: 'jenny', first: 'Jenny', last: 'Karlsson', born: 1984, sex: 'k' },
  { key: 'elias', first: 'Elias', last: 'Nilsson', born: 2009, sex: 'm' },
  { key: 'alva', first: 'Alva', last: 'Johansson', born: 2014, sex: 'k', protection: 'sekretessmarkering' },
  { key: 'hugo', first: 'Hugo', last: 'Larsson', born: 2013, sex: 'm' },
  { key: 'maja', first: 'Maja', last: 'Eriksson', born: 2019, sex: 'k' },
  { key: 'emma', first: 'Emma', last: 'Eriksson', born: 1996, sex: 'k' },
  { key: 'liam', first: 'Liam', last: 'Pettersson', born: 2008, sex: 'm' },
  { key: 'ella', first: 'Ella', last: 'Gustafsson', born: 2012, sex: 'k' },
  { key: 'viktor', first: 'Viktor', last: 'Sundqvist', born: 2010, sex: 'm' },
  { key: 'ronja', first: 'Ronja', last: 'Eklund', born: 2017, sex: 'k' },
  { key: 'alice', first: 'Alice', last: 'Hedberg', born: 2015, sex: 'k' },
  // vuxen
  { key: 'tobias', first: 'Tobias', last: 'Hedlund', born: 1983, sex: 'm' },
  { key: 'sandra', first: 'Sandra', last: 'Mattsson', born: 1991, sex: 'k', protection: 'sekretessmarkering' },
  { key: 'roger', first: 'Roger', last: 'Lindholm', born: 1970, sex: 'm' },
  { key: 'camilla', first: 'Camilla', last: 'Axelsson', born: 1987, sex: 'k' },
  { key: 'petra', first: 'Petra', last: 'Kvist', born: 1980, sex: 'k' },
  // ekonomiskt bistånd
  { key: 'daniel', first: 'Daniel', last: 'Sundberg', born: 1985, sex: 'm' },
  { key: 'linda', first: 'Linda', last: 'Sundberg', born: 1987, sex: 'k' },
  { key: 'nadia', first: 'Nadia', last: 'Ibrahim', born: 1993, sex: 'k' },
  { key: 'yusuf', first: 'Yusuf', last: 'Ibrahim', born: 2018, sex: 'm' },
  { key: 'mattias', first: 'Mattias', last: 'Holm', born: 1977, sex: 'm' },
  { key: 'jonas', first: 'Jonas', last: 'Björk', born: 1999, sex: 'm' },
  { key: 'emmalind', first: 'Emma', last: 'Lind', born: 2002, sex: 'k' },
  { key: 'anders', first: 'Anders', last: 'Falk', born: 1972, sex: 'm' },
  { key: 'hanna', first: 'Hanna', last: 'Wikström', born: 1994, sex: 'k' },
  { key: 'robin', first: 'Robin', last: 'Nygren', born: 2000, sex: 'm' },
  { key: 'sara', first: 'Sara', last: 'Lundqvist', born: 1997, sex: 'k' },
];

const EXEMPEL_PEOPLE: PersonSpec[] = [
  { key: 'x-arne', first: 'Arne', last: 'Magnusson', born: 1934, sex: 'm' },
  { key: 'x-greta', first: 'Greta', last: 'Isaksson', born: 1938, sex: 'k' },
  { key: 'x-mohammed', first: 'Mohammed', last: 'Yilmaz', born: 1989, sex: 'm' },
  { key: 'x-tilde', first: 'Tilde', last: 'Berg', born: 2013, sex: 'k' },
  { key: 'x-lisa', first: 'Lisa', last: 'Berg', born: 1983, sex: 'k' },
  { key: 'x-kent', first: 'Kent', last: 'Lindgren', born: 1968, sex: 'm' },
];

const STREETS = ['Storgatan', 'Kyrkogatan', 'Skolvägen', 'Björkvägen', 'Ängsvägen', 'Parkgatan', 'Tallstigen', 'Sjövägen', 'Granvägen', 'Lärkvägen'];

// ---- cases ----------------------------------------------------------------------------------

interface DecisionSpec { insats: string; ksi?: string; basis: string; outcome: 'bifall' | 'delvis_bifall' | 'avslag'; scope?: string; motivation: string; months?: number }
interface OrderSpec { provider: 'p1' | 'p2'; status: OrderRow['status']; info: string; interruptedAgo?: number; interruptionReason?: string }
interface CaseSpec {
  person: string; unit: UnitKey; area: Area; origin: CaseRow['origin']; title: string; status: Status;
  /** days before today that the matter came in */
  ago: number; worker?: string | null; decision?: DecisionSpec; order?: OrderSpec; closeReason?: string; notes?: Array<[string, string]>;
}
type UnitKey = 'ao' | 'fs' | 'bu' | 'vu' | 'eb';

const HEMTJANST = 'Hemtjänst – service och personlig omvård';
const HT_MOTIVATION = 'Du har efter utredningen bedömts behöva stöd för att klara din personliga omvårdnad och vissa serviceuppgifter i hemmet. Med hemtjänst i den omfattning som beviljas tillförsäkras du en skälig levnadsnivå och kan fortsätta bo kvar hemma.';

const DEMO_CASES: CaseSpec[] = [
  { person: 'gosta', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om hemtjänst', status: 'verkstallighet', ago: 70, worker: 'eva',
    decision: { insats: HEMTJANST, ksi: 'SIB RC ZZ', basis: 'SoL2025:11:1', outcome: 'bifall', scope: '32 timmar per månad', motivation: HT_MOTIVATION, months: 12 },
    order: { provider: 'p1', status: 'pagaende', info: 'Portkod 4711. Gösta har nedsatt hörsel – knacka hårt och vänta. Hjälp med dusch tisdagar och fredagar, inköp en gång i veckan. Dottern Ingrid är kontaktperson.' },
    notes: [['Hembesök', 'Hembesök tillsammans med dottern Ingrid. Gösta berättar att han har svårt att duscha själv sedan fallolyckan i augusti. Han vill bo kvar hemma.'], ['Telefonsamtal med dottern', 'Ingrid ringde och frågade om tider. Informerade om att beställning skickats till Hemtjänsten Centrum.']] },
  { person: 'margit', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om särskilt boende', status: 'utredning', ago: 40, worker: 'eva',
    notes: [['Ansökan inkom', 'Margit har själv ansökt om särskilt boende. Hon upplever stark otrygghet nattetid.'], ['Hembesök', 'Hembesök genomfört. Margit har fallit två gånger senaste månaden. Inhämtar intyg från vårdcentralen.']] },
  { person: 'harald', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om hemtjänst', status: 'verkstallighet', ago: 35, worker: 'karin',
    decision: { insats: HEMTJANST, ksi: 'SIB RC ZZ', basis: 'SoL2025:11:1', outcome: 'bifall', scope: '24 timmar per månad', motivation: HT_MOTIVATION, months: 12 },
    order: { provider: 'p2', status: 'accepterad', info: 'Nyckel finns i nyckelgömma, kod lämnas per telefon. Harald använder rollator. Hjälp med morgon- och kvällsrutiner.' },
    notes: [['Hembesök', 'Harald och Elsa träffades i hemmet. Harald har valt Omsorgsbolaget Trygg Vardag som utförare.']] },
  { person: 'elsa', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om trygghetslarm', status: 'verkstallighet', ago: 20, worker: 'karin',
    decision: { insats: 'Trygghetslarm', basis: 'SoL2025:11:1', outcome: 'bifall', scope: 'Trygghetslarm med larmknapp', motivation: 'Du har en ökad fallrisk och bor med en make som inte kan hjälpa dig upp. Trygghetslarm ger dig möjlighet att kalla på hjälp dygnet runt.', months: 24 },
    order: { provider: 'p1', status: 'skickad', info: 'Installation av trygghetslarm. Ring Elsa dagen före.' } },
  { person: 'birgitta', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om hemtjänst', status: 'aktualiserad', ago: 2, worker: null },
  { person: 'sven', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om korttidsvistelse', status: 'utredning', ago: 100, worker: 'eva',
    notes: [['Kontakt med sjukhuset', 'Samordnad planering med avdelning 12 inför utskrivning. Sven behöver rehabilitering innan hemgång.']] },
  { person: 'ulla', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om hemtjänst', status: 'verkstallighet', ago: 120, worker: 'eva',
    decision: { insats: HEMTJANST, ksi: 'SIB RC ZZ', basis: 'SoL2025:11:1', outcome: 'bifall', scope: '18 timmar per månad', motivation: HT_MOTIVATION, months: 12 },
    order: { provider: 'p2', status: 'pagaende', info: 'Skyddade personuppgifter. Adress lämnas muntligen av handläggaren till ansvarig chef. Nämn aldrig adressen i anteckningar.' },
    notes: [['Skyddade personuppgifter', 'Ulla har skyddad folkbokföring. Adress och kontaktuppgifter hanteras enligt rutin för skyddade personuppgifter.']] },
  { person: 'rolf', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om dagverksamhet', status: 'avslutad', ago: 150, worker: 'karin',
    decision: { insats: 'Dagverksamhet', basis: 'SoL2025:11:1', outcome: 'avslag', motivation: 'Utredningen visar att du i dag klarar dina dagliga aktiviteter och har ett socialt nätverk. Ditt behov kan tillgodoses på annat sätt, till exempel genom träffpunkten i Demostad som inte kräver beslut.' },
    closeReason: 'Beslut fattat, inget överklagande' },
  { person: 'gunnel', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om hemtjänst', status: 'uppfoljning', ago: 200, worker: 'eva',
    decision: { insats: HEMTJANST, ksi: 'SIB RC ZZ', basis: 'SoL2025:11:1', outcome: 'bifall', scope: '20 timmar per månad', motivation: HT_MOTIVATION, months: 12 },
    order: { provider: 'p1', status: 'pagaende', info: 'Gunnel har diabetes. Hjälp med matlagning och städning varannan vecka.' } },
  { person: 'karlerik', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om särskilt boende', status: 'avslutad', ago: 300, worker: 'karin',
    decision: { insats: 'Särskilt boende för äldre', basis: 'SoL2025:11:1', outcome: 'bifall', motivation: 'Ditt omvårdnadsbehov är stort och kan inte längre tillgodoses i hemmet, även med omfattande hemtjänst. Särskilt boende ger dig trygghet dygnet runt.' },
    closeReason: 'Insatsen verkställd, flyttat till Solbackens äldreboende' },
  { person: 'inga', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om hemtjänst', status: 'utredning', ago: 12, worker: 'eva' },
  { person: 'lennart', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om utökad hemtjänst', status: 'utredning', ago: 25, worker: 'karin' },
  { person: 'majbritt', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om trygghetslarm', status: 'verkstallighet', ago: 10, worker: 'eva',
    decision: { insats: 'Trygghetslarm', basis: 'SoL2025:11:1', outcome: 'bifall', scope: 'Trygghetslarm', motivation: 'Du bor ensam och har svårt att resa dig efter fall. Trygghetslarm ger dig möjlighet att kalla på hjälp.', months: 24 },
    order: { provider: 'p2', status: 'skickad', info: 'Installation av trygghetslarm. Maj-Britt är hemma efter klockan 10.' } },
  { person: 'bengt', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om matdistribution', status: 'verkstallighet', ago: 45, worker: 'karin',
    decision: { insats: 'Matdistribution', basis: 'SoL2025:11:1', outcome: 'bifall', scope: 'Lunch sju dagar i veckan', motivation: 'Du klarar inte att laga mat själv efter din stroke. Matdistribution tillgodoser ditt behov av näringsriktig mat.', months: 6 },
    order: { provider: 'p1', status: 'accepterad', info: 'Laktosfri kost. Ställ matlådan i kylskåpet.' } },
  { person: 'astrid', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om hemtjänst', status: 'verkstallighet', ago: 95, worker: 'karin',
    decision: { insats: HEMTJANST, ksi: 'SIB RC ZZ', basis: 'SoL2025:11:1', outcome: 'delvis_bifall', scope: '40 timmar per månad (ansökt 60)', motivation: 'Du beviljas hemtjänst för personlig omvårdnad, inköp och städning. Din ansökan om ledsagning till föreningsaktiviteter avslås eftersom behovet kan tillgodoses av anhöriga och föreningen.', months: 12 },
    order: { provider: 'p2', status: 'pagaende', info: 'Astrid vill helst ha samma personal. Katt i hemmet.' } },
  { person: 'stig', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om hemtjänst', status: 'avslutad', ago: 400, worker: 'eva',
    decision: { insats: HEMTJANST, basis: 'SoL2025:11:1', outcome: 'bifall', scope: '15 timmar per månad', motivation: HT_MOTIVATION },
    closeReason: 'Insatsen avslutad på egen begäran' },
  { person: 'karin', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om hemtjänst', status: 'verkstallighet', ago: 60, worker: 'eva',
    decision: { insats: HEMTJANST, basis: 'SoL2025:11:1', outcome: 'bifall', scope: '12 timmar per månad', motivation: HT_MOTIVATION, months: 12 },
    order: { provider: 'p1', status: 'pagaende', info: 'Hjälp med städning och inköp. Karin är pigg och vill vara delaktig.' } },
  { person: 'ake', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om korttidsvistelse', status: 'beslut', ago: 30, worker: 'karin',
    decision: { insats: 'Korttidsvistelse', basis: 'SoL2025:11:1', outcome: 'bifall', scope: '14 dagar', motivation: 'Din hustru som vårdar dig behöver avlösning. Korttidsvistelse ger henne möjlighet till vila och dig trygg omvårdnad.', months: 1 } },
  { person: 'gerd', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om hemtjänst', status: 'uppfoljning', ago: 250, worker: 'karin',
    decision: { insats: HEMTJANST, basis: 'SoL2025:11:1', outcome: 'bifall', scope: '28 timmar per månad', motivation: HT_MOTIVATION, months: 12 },
    order: { provider: 'p1', status: 'pagaende', info: 'Gerd har syn-nedsättning. Placera saker på samma ställe.' } },
  { person: 'nils', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om trygghetslarm', status: 'avslutad', ago: 500, worker: 'eva',
    decision: { insats: 'Trygghetslarm', basis: 'SoL2025:11:1', outcome: 'bifall', motivation: 'Du har behov av att kunna larma vid fall.' }, closeReason: 'Flyttat från kommunen' },
  { person: 'vera', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om särskilt boende', status: 'utredning', ago: 55, worker: 'karin' },
  // funktionsstöd
  { person: 'elin', unit: 'fs', area: 'funktionsstod', origin: 'ansokan', title: 'Ansökan om daglig verksamhet enligt LSS', status: 'verkstallighet', ago: 90, worker: 'sara',
    decision: { insats: 'Daglig verksamhet (LSS 9 § 10)', basis: 'LSS:9:10', outcome: 'bifall', scope: 'Heltid, måndag–fredag', motivation: 'Du tillhör personkretsen i LSS 1 § 1 och saknar förvärvsarbete. Daglig verksamhet ger dig en meningsfull sysselsättning och goda levnadsvillkor.', months: 24 },
    notes: [['Möte med Elin', 'Elin vill helst arbeta med djur. Studiebesök bokat på Gården i Demostad.']] },
  { person: 'oskar', unit: 'fs', area: 'funktionsstod', origin: 'ansokan', title: 'Ansökan om kontaktperson (LSS 9 § 4)', status: 'utredning', ago: 45, worker: 'sara' },
  { person: 'noah', unit: 'fs', area: 'funktionsstod', origin: 'ansokan', title: 'Ansökan om korttidsvistelse (LSS 9 § 6)', status: 'utredning', ago: 30, worker: 'sara',
    notes: [['Samtal med vårdnadshavare', 'Jessica berättar att familjen behöver avlastning en helg i månaden. Noah har autism och behöver förberedelse inför förändringar.']] },
  { person: 'johanna', unit: 'fs', area: 'funktionsstod', origin: 'ansokan', title: 'Ansökan om boendestöd', status: 'verkstallighet', ago: 80, worker: 'sara',
    decision: { insats: 'Boendestöd (socialpsykiatri)', basis: 'SoL2025:11:1', outcome: 'delvis_bifall', scope: '6 timmar per vecka (ansökt 10)', motivation: 'Du beviljas boendestöd för att få struktur i vardagen. Stöd med ekonomi ges genom budget- och skuldrådgivningen och beviljas därför inte här.', months: 12 } },
  { person: 'patrik', unit: 'fs', area: 'funktionsstod', origin: 'ansokan', title: 'Ansökan om personlig assistans', status: 'avslutad', ago: 220, worker: 'sara',
    decision: { insats: 'Personlig assistans (LSS 9 § 2)', basis: 'LSS:9:2', outcome: 'avslag', motivation: 'Utredningen visar att dina grundläggande behov inte är av sådan art att personlig assistans kan beviljas. Du kan ansöka om andra insatser, till exempel ledsagarservice.' },
    closeReason: 'Beslut fattat' },
  { person: 'ida', unit: 'fs', area: 'funktionsstod', origin: 'ansokan', title: 'Ansökan om ledsagarservice (LSS 9 § 3)', status: 'aktualiserad', ago: 4, worker: null },
  // barn och unga
  { person: 'leo', unit: 'bu', area: 'barn_och_unga', origin: 'anmalan', title: 'Orosanmälan från förskola', status: 'forhandsbedomning', ago: 5, worker: 'ahmed',
    notes: [['Skyddsbedömning', 'Omedelbar skyddsbedömning gjord samma dag: inget akut skyddsbehov. Förskolan beskriver att Leo ofta är hungrig och trött.'], ['Samtal med vårdnadshavare', 'Telefonsamtal med Sofia Andersson. Hon är positiv till kontakt och berättar om en pressad situation hemma.']] },
  { person: 'wilma', unit: 'bu', area: 'barn_och_unga', origin: 'anmalan', title: 'Orosanmälan från skola', status: 'utredning', ago: 115, worker: 'ahmed',
    notes: [['Samtal med barnet enskilt', 'Samtal med Wilma på skolan. Hon berättar att hon inte vill vara hemma på kvällarna.'], ['Beslut att inleda utredning', 'Utredning inleds enligt 14 kap. 2 § SoL.']] },
  { person: 'elias', unit: 'bu', area: 'barn_och_unga', origin: 'anmalan', title: 'Anmälan från polisen – ungdom', status: 'forhandsbedomning', ago: 18, worker: 'ahmed' },
  { person: 'alva', unit: 'bu', area: 'barn_och_unga', origin: 'anmalan', title: 'Orosanmälan från hälso- och sjukvården', status: 'utredning', ago: 40, worker: 'lina',
    notes: [['Skyddade personuppgifter', 'Alva har sekretessmarkering. Adress lämnas inte ut.']] },
  { person: 'hugo', unit: 'bu', area: 'barn_och_unga', origin: 'anmalan', title: 'Orosanmälan från skola', status: 'avslutad', ago: 60, worker: 'ahmed', closeReason: 'Beslut att inte inleda utredning' },
  { person: 'maja', unit: 'bu', area: 'barn_och_unga', origin: 'anmalan', title: 'Orosanmälan från barnavårdscentralen', status: 'aktualiserad', ago: 0, worker: null },
  { person: 'liam', unit: 'bu', area: 'barn_och_unga', origin: 'ansokan', title: 'Ansökan om kontaktfamilj', status: 'verkstallighet', ago: 130, worker: 'lina',
    decision: { insats: 'Kontaktfamilj', basis: 'SoL2025:11:1', outcome: 'bifall', scope: 'En helg per månad', motivation: 'Liam behöver fler vuxna förebilder och familjen behöver avlastning. Kontaktfamilj är en lämplig insats.', months: 12 } },
  { person: 'ella', unit: 'bu', area: 'barn_och_unga', origin: 'anmalan', title: 'Anonym orosanmälan', status: 'aktualiserad', ago: 1, worker: null },
  { person: 'viktor', unit: 'bu', area: 'barn_och_unga', origin: 'anmalan', title: 'Orosanmälan från skola', status: 'utredning', ago: 70, worker: 'ahmed' },
  { person: 'ronja', unit: 'bu', area: 'barn_och_unga', origin: 'anmalan', title: 'Orosanmälan från grannar', status: 'forhandsbedomning', ago: 9, worker: 'lina' },
  { person: 'alice', unit: 'bu', area: 'barn_och_unga', origin: 'anmalan', title: 'Orosanmälan från förskola', status: 'avslutad', ago: 180, worker: 'lina', closeReason: 'Utredning avslutad utan insats' },
  // vuxen
  { person: 'tobias', unit: 'vu', area: 'vuxen', origin: 'ansokan', title: 'Ansökan om öppenvård vid missbruk', status: 'utredning', ago: 20, worker: 'maria' },
  { person: 'sandra', unit: 'vu', area: 'vald_i_nara_relationer', origin: 'ovrigt', title: 'Stöd vid våld i nära relation', status: 'verkstallighet', ago: 50, worker: 'maria',
    decision: { insats: 'Skyddat boende', basis: 'SoL2025:11:1', outcome: 'bifall', scope: '3 månader', motivation: 'Du är utsatt för våld av en närstående och behöver ett tryggt boende. Skyddat boende tillgodoser ditt behov av skydd.', months: 3 } },
  { person: 'roger', unit: 'vu', area: 'vuxen', origin: 'anmalan', title: 'Anmälan från hälso- och sjukvården (LVM)', status: 'utredning', ago: 8, worker: 'maria' },
  { person: 'camilla', unit: 'vu', area: 'vuxen', origin: 'ansokan', title: 'Ansökan om behandling', status: 'avslutad', ago: 260, worker: 'maria',
    decision: { insats: 'Behandling i öppenvård', basis: 'SoL2025:11:1', outcome: 'bifall', motivation: 'Du har ett beroende och vill ha hjälp. Öppenvård är en lämplig insats.' }, closeReason: 'Behandlingen genomförd' },
  { person: 'petra', unit: 'vu', area: 'vuxen', origin: 'ansokan', title: 'Ansökan om stödsamtal', status: 'avslutad', ago: 330, worker: 'maria', closeReason: 'Ansökan återtagen' },
  // ekonomiskt bistånd
  { person: 'daniel', unit: 'eb', area: 'ekonomiskt_bistand', origin: 'ansokan', title: 'Ansökan om försörjningsstöd november', status: 'utredning', ago: 6, worker: 'peter',
    notes: [['Nybesök', 'Daniel och Linda har båda förlorat sina anställningar. Informerat om krav att stå till arbetsmarknadens förfogande.']] },
  { person: 'nadia', unit: 'eb', area: 'ekonomiskt_bistand', origin: 'ansokan', title: 'Ansökan om försörjningsstöd november', status: 'beslut', ago: 14, worker: 'peter',
    decision: { insats: 'Försörjningsstöd november', basis: 'SoL2025:12:1', outcome: 'bifall', scope: '8 430 kr', motivation: 'Dina inkomster räcker inte till din och ditt barns försörjning enligt riksnormen och skäliga kostnader för boende. Du beviljas mellanskillnaden.', months: 1 } },
  { person: 'mattias', unit: 'eb', area: 'ekonomiskt_bistand', origin: 'ansokan', title: 'Ansökan om bistånd till tandvård', status: 'avslutad', ago: 75, worker: 'peter',
    decision: { insats: 'Ekonomiskt bistånd till tandvård', basis: 'SoL2025:12:1', outcome: 'avslag', motivation: 'Den sökta behandlingen är inte akut enligt tandläkarens intyg. Kostnaden ingår inte i skälig levnadsnivå just nu.' }, closeReason: 'Beslut fattat' },
  { person: 'jonas', unit: 'eb', area: 'ekonomiskt_bistand', origin: 'ansokan', title: 'Ansökan om försörjningsstöd november', status: 'aktualiserad', ago: 3, worker: 'peter' },
  { person: 'emmalind', unit: 'eb', area: 'ekonomiskt_bistand', origin: 'ansokan', title: 'Ansökan om försörjningsstöd november', status: 'utredning', ago: 9, worker: 'peter' },
  { person: 'anders', unit: 'eb', area: 'ekonomiskt_bistand', origin: 'ansokan', title: 'Ansökan om försörjningsstöd augusti', status: 'avslutad', ago: 110, worker: 'peter',
    decision: { insats: 'Försörjningsstöd augusti', basis: 'SoL2025:12:1', outcome: 'bifall', scope: '6 120 kr', motivation: 'Du saknar inkomster i väntan på a-kassa.' }, closeReason: 'Självförsörjande' },
  { person: 'hanna', unit: 'eb', area: 'ekonomiskt_bistand', origin: 'ansokan', title: 'Ansökan om försörjningsstöd november', status: 'utredning', ago: 4, worker: 'peter' },
  { person: 'robin', unit: 'eb', area: 'ekonomiskt_bistand', origin: 'ansokan', title: 'Ansökan om försörjningsstöd november', status: 'aktualiserad', ago: 1, worker: null },
  { person: 'sara', unit: 'eb', area: 'ekonomiskt_bistand', origin: 'ansokan', title: 'Ansökan om försörjningsstöd oktober', status: 'avslutad', ago: 40, worker: 'peter',
    decision: { insats: 'Försörjningsstöd oktober', basis: 'SoL2025:12:1', outcome: 'delvis_bifall', scope: '3 950 kr', motivation: 'Du beviljas försörjningsstöd enligt riksnormen. Kostnaden för hemförsäkring beviljas inte eftersom den redan ingår i din hyra.' }, closeReason: 'Beslut fattat' },
  // Ej verkställda beslut (34 kap. 1 § SoL), appended last so earlier case and order numbers stay put:
  // granted more than three months ago and never started, and one interruption older than three months.
  { person: 'rolf', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om särskilt boende', status: 'verkstallighet', ago: 150, worker: 'karin',
    decision: { insats: 'Särskilt boende för äldre', basis: 'SoL2025:11:1', outcome: 'bifall', motivation: 'Ditt omvårdnadsbehov kan inte längre tillgodoses i hemmet. Särskilt boende ger dig trygghet och omvårdnad dygnet runt.' },
    notes: [['Väntar på plats', 'Ingen ledig plats på kommunens särskilda boenden. Rolf står först i kön till Solbacken.']] },
  { person: 'stig', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om dagverksamhet', status: 'verkstallighet', ago: 140, worker: 'eva',
    decision: { insats: 'Dagverksamhet', basis: 'SoL2025:11:1', outcome: 'bifall', scope: '2 dagar per vecka', motivation: 'Du behöver social gemenskap och aktivering för att bryta isolering. Dagverksamhet två dagar i veckan tillgodoser ditt behov.', months: 12 },
    order: { provider: 'p1', status: 'accepterad', info: 'Stig vill helst komma tisdagar och torsdagar. Behöver hämtas och lämnas vid porten.' } },
  { person: 'lennart', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om matdistribution', status: 'verkstallighet', ago: 300, worker: 'karin',
    decision: { insats: 'Matdistribution', basis: 'SoL2025:11:1', outcome: 'bifall', scope: 'Lunch sju dagar i veckan, glutenfri kost', motivation: 'Du klarar inte att laga mat själv. Matdistribution tillgodoser ditt behov av näringsriktig mat.', months: 12 },
    order: { provider: 'p1', status: 'avbruten', interruptedAgo: 110, interruptionReason: 'Utföraren har inte kunnat leverera glutenfri kost sedan leverantörsbytet; leveranserna har inte återupptagits.',
      info: 'Glutenfri kost (celiaki). Ställ lådan i kylskåpet; Lennart öppnar själv.' } },
  // Kön till särskilt boende (issue 5, Mina insatser): granted, no place yet, behind Rolf above.
  // Appended last for the same reason; no order, so they wait (src/domain/sabo-queue.ts).
  { person: 'majbritt', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om särskilt boende', status: 'verkstallighet', ago: 75, worker: 'karin',
    decision: { insats: 'Särskilt boende för äldre', basis: 'SoL2025:11:1', outcome: 'bifall', motivation: 'Du har ett stort behov av tillsyn och omvårdnad även nattetid som inte kan tillgodoses i hemmet med trygghetslarm och hemtjänst. Särskilt boende ger dig trygghet dygnet runt.' },
    notes: [['Väntar på plats', 'Maj-Britt står i kön till särskilt boende. Informerad om att hon får ett erbjudande när en plats blir ledig.']] },
  { person: 'bengt', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om särskilt boende', status: 'verkstallighet', ago: 50, worker: 'karin',
    decision: { insats: 'Särskilt boende för äldre', basis: 'SoL2025:11:1', outcome: 'bifall', motivation: 'Efter din stroke behöver du hjälp med förflyttningar flera gånger per dygn, också på natten. Behovet kan inte tillgodoses i hemmet. Särskilt boende ger dig omvårdnad dygnet runt.' } },
];

const CASE_PREFIX: Record<UnitKey, string> = { ao: 'ÄO', fs: 'FS', bu: 'BoU', vu: 'VUX', eb: 'EB' };

// ---- building ----------------------------------------------------------------------------

export function buildDemoData(today: string): DemoData {
  const pick = numberPicker();
  const data: DemoData = { municipalities: [], orgUnits: [], providers: [], staffUsers: [], persons: [], personRelations: [], cases: [], caseDeadlines: [], decisions: [], journalEntries: [], orders: [] };

  data.municipalities.push(
    { id: 1, code: 'demo', kommunkod: '9999', name: 'Demo kommun', boardName: 'Socialnämnden', addressLines: ['Socialförvaltningen', 'Box 100', '999 99 Demostad'], phone: '0999-12 34 00', email: 'socialforvaltningen@demo.example' },
    { id: 2, code: 'exempelstad', kommunkod: '9998', name: 'Exempelstads kommun', boardName: 'Vård- och omsorgsnämnden', addressLines: ['Vård- och omsorgsförvaltningen', 'Box 200', '999 88 Exempelstad'], phone: '0998-20 00 00', email: 'omsorg@exempelstad.example' },
  );

  // Demo kommun: units, providers, staff
  const unit = (m: number, key: string, name: string, area: OrgUnitRow['area'], parent: string | null) => {
    const id = demoUuid(`${m}:unit:${key}`);
    data.orgUnits.push({ municipalityId: m, id, parentId: parent, name, area, intakeAreas: INTAKE_AREAS[`${m}:${key}`] ?? [] });
    return id;
  };
  const root = unit(1, 'root', 'Socialförvaltningen', 'forvaltning', null);
  const units: Record<UnitKey, string> = {
    ao: unit(1, 'ao', 'Biståndsenheten äldreomsorg', 'aldreomsorg', root),
    fs: unit(1, 'fs', 'LSS- och socialpsykiatrienheten', 'funktionsstod', root),
    bu: unit(1, 'bu', 'Barn och unga', 'ifo', root),
    vu: unit(1, 'vu', 'Vuxenenheten', 'ifo', root),
    eb: unit(1, 'eb', 'Försörjningsstöd', 'ifo', root),
  };
  const providers = {
    p1: { municipalityId: 1, id: demoUuid('1:provider:p1'), name: 'Hemtjänsten Centrum', orgNumber: '212000-9994', kind: 'kommunal' as const, lov: false, phone: '0999-12 35 00',
      insatser: ['hemtjanst', 'trygghetslarm', 'matdistribution', 'dagverksamhet'], areas: ['Centrum', 'Norr', 'Söder'] },
    p2: { municipalityId: 1, id: demoUuid('1:provider:p2'), name: 'Omsorgsbolaget Trygg Vardag AB', orgNumber: '559999-0008', kind: 'privat' as const, lov: true, phone: '0999-55 66 70',
      insatser: ['hemtjanst', 'trygghetslarm', 'avlosning', 'lss_ledsagarservice'], areas: ['Centrum', 'Söder'] },
  };
  data.providers.push(providers.p1, providers.p2);

  const staff: Record<string, string> = {};
  const addStaff = (m: number, code: string, key: string, name: string, title: string, role: Role, unitId: string | null, providerId: string | null) => {
    const id = demoUuid(`${m}:staff:${key}`);
    staff[key] = id;
    data.staffUsers.push({ municipalityId: m, id, oidcSubject: `${code}:${key}`, name, title, email: `${key}@${code}.example`, role, unitId, providerId });
  };
  addStaff(1, 'demo', 'eva', 'Eva Lindqvist', 'Biståndshandläggare', 'handlaggare', units.ao, null);
  addStaff(1, 'demo', 'karin', 'Karin Holm', 'Biståndshandläggare', 'handlaggare', units.ao, null);
  addStaff(1, 'demo', 'johan', 'Johan Berg', 'Enhetschef biståndsenheten', 'arbetsledare', units.ao, null);
  addStaff(1, 'demo', 'sara', 'Sara Nyström', 'LSS-handläggare', 'handlaggare', units.fs, null);
  addStaff(1, 'demo', 'ahmed', 'Ahmed Hassan', 'Socialsekreterare', 'handlaggare', units.bu, null);
  addStaff(1, 'demo', 'lina', 'Lina Ek', '1:e socialsekreterare', 'arbetsledare', units.bu, null);
  addStaff(1, 'demo', 'maria', 'Maria Sandberg', 'Socialsekreterare', 'handlaggare', units.vu, null);
  addStaff(1, 'demo', 'peter', 'Peter Ström', 'Socialsekreterare försörjningsstöd', 'handlaggare', units.eb, null);
  addStaff(1, 'demo', 'olof', 'Olof Dahl', 'Systemförvaltare', 'systemforvaltare', null, null);
  addStaff(1, 'demo', 'annap', 'Anna Persson', 'Enhetschef hemtjänst', 'utforare_chef', null, providers.p1.id);
  addStaff(1, 'demo', 'fatima', 'Fatima Ali', 'Undersköterska', 'utforare_personal', null, providers.p1.id);
  addStaff(1, 'demo', 'erik', 'Erik Nord', 'Vårdbiträde', 'utforare_personal', null, providers.p1.id);
  addStaff(1, 'demo', 'helena', 'Helena Wik', 'Verksamhetschef', 'utforare_chef', null, providers.p2.id);
  addStaff(1, 'demo', 'mikael', 'Mikael Roos', 'Undersköterska', 'utforare_personal', null, providers.p2.id);

  // Persons
  const person: Record<string, string> = {};
  const addPeople = (m: number, specs: PersonSpec[], city: string, zip: string) => specs.forEach((p, i) => {
    const idNumber = pick(p.born, p.sex);
    const id = demoUuid(`${m}:person:${p.key}`);
    person[p.key] = id;
    const noAddress = p.protection === 'skyddad_folkbokforing'; // the real address is not even registered
    data.persons.push({
      municipalityId: m, id, idKind: 'personnummer', idNumber, firstName: p.first, lastName: p.last,
      birthDate: `${idNumber.slice(0, 4)}-${idNumber.slice(4, 6)}-${idNumber.slice(6, 8)}`, protection: p.protection ?? 'ingen',
      street: noAddress ? null : `${STREETS[i % STREETS.length]} ${(i * 7) % 40 + 1}`, postalCode: noAddress ? null : `${zip}${String(10 + (i % 80)).padStart(2, '0')}`,
      city: noAddress ? null : city, phone: noAddress ? null : `070-${String(100 + i).padStart(3, '0')} ${String(10 + i).padStart(2, '0')} ${String(20 + (i % 70)).padStart(2, '0')}`,
    });
  });
  addPeople(1, DEMO_PEOPLE, 'Demostad', '999 ');
  addPeople(2, EXEMPEL_PEOPLE, 'Exempelstad', '998 ');

  // Relations: related person is <kind> for person
  const relate = (m: number, child: string, related: string, kind: PersonRelationRow['kind'], scope: string | null = null, validTo: string | null = null, validFrom = addDays(today, -400), scopeAreas: string[] | null = null) =>
    data.personRelations.push({ municipalityId: m, id: demoUuid(`${m}:rel:${child}:${related}:${kind}`), personId: person[child]!, relatedPersonId: person[related]!, kind, scope, scopeAreas, validFrom, validTo });
  // Ingrid's fullmakt covers her father's elderly-care matters only (not, say, his finances).
  relate(1, 'gosta', 'ingrid', 'ombud', 'Hemtjänst och kontakter med biståndshandläggare', addDays(today, 300), addDays(today, -60), ['aldreomsorg']);
  relate(1, 'harald', 'elsa', 'make_maka'); relate(1, 'elsa', 'harald', 'make_maka');
  relate(1, 'noah', 'jessica', 'vardnadshavare');
  relate(1, 'leo', 'sofia', 'vardnadshavare'); relate(1, 'leo', 'marcus', 'vardnadshavare');
  relate(1, 'wilma', 'jenny', 'vardnadshavare');
  relate(1, 'maja', 'emma', 'vardnadshavare');
  relate(1, 'yusuf', 'nadia', 'vardnadshavare');
  relate(1, 'daniel', 'linda', 'sambo'); relate(1, 'linda', 'daniel', 'sambo');
  relate(2, 'x-tilde', 'x-lisa', 'vardnadshavare');

  // Cases with their deadlines, decisions, orders and journal
  const seq: Record<string, number> = {};
  const addCase = (m: number, spec: CaseSpec, unitId: string, prefix: string, workers: Record<string, string>, deciderFallback: string) => {
    const receivedOn = addDays(today, -spec.ago);
    const year = receivedOn.slice(0, 4);
    const seqKey = `${m}:${prefix}:${year}`;
    seq[seqKey] = (seq[seqKey] ?? 0) + 1;
    const caseId = demoUuid(`${m}:case:${spec.person}:${spec.title}`);
    const closed = spec.status === 'avslutad';
    const worker = spec.worker ? workers[spec.worker]! : null;
    data.cases.push({
      municipalityId: m, id: caseId, caseNumber: `${year}-${prefix}-${String(seq[seqKey]).padStart(4, '0')}`, personId: person[spec.person]!, unitId,
      area: spec.area, origin: spec.origin, title: spec.title, status: spec.status, receivedOn, assignedTo: worker,
      closedOn: closed ? addDays(receivedOn, Math.min(spec.ago, 45)) : null, closeReason: closed ? (spec.closeReason ?? 'Avslutat') : null,
      caseType: caseTypeFor(spec.area, spec.origin, spec.decision?.basis.startsWith('LSS') || /LSS/.test(spec.title) ? 'LSS' : 'SoL'),
      ...processFacts(spec, receivedOn, worker ?? deciderFallback),
    });
    addDeadlines(m, caseId, spec, receivedOn);
    const author = worker ?? deciderFallback;
    (spec.notes ?? []).forEach(([title, body], i) => data.journalEntries.push({
      municipalityId: m, id: demoUuid(`${caseId}:journal:${i}`), caseId, authorId: author, occurredOn: addDays(receivedOn, Math.min(i * 3 + 1, spec.ago)),
      title, body, ...(i === (spec.notes?.length ?? 0) - 1 && spec.ago < 30
        ? { signedAt: null, signedBy: null }
        : { signedAt: `${addDays(receivedOn, Math.min(i * 3 + 1, spec.ago))}T15:30:00.000Z`, signedBy: author }),
    }));
    if (spec.decision) addDecision(m, caseId, spec, receivedOn, author);
  };

  const requested = (spec: CaseSpec): string[] => (spec.decision
    ? [catalogueFields(spec.decision.basis, spec.decision.insats).insatsKey].filter((k): k is string => Boolean(k))
    : requestedFromTitle(spec.title, spec.area, /LSS/.test(spec.title) ? 'LSS' : 'SoL'));

  const processFacts = (spec: CaseSpec, receivedOn: string, by: string) => {
    const order: Status[] = ['aktualiserad', 'forhandsbedomning', 'utredning', 'beslut', 'verkstallighet', 'uppfoljning', 'avslutad'];
    const reached = (s: Status) => order.indexOf(spec.status) >= order.indexOf(s);
    const child = spec.area === 'barn_och_unga' && spec.origin !== 'ansokan';
    const investigated = (reached('utredning') && spec.status !== 'avslutad') || Boolean(spec.decision);
    const skydd = child && !(spec.status === 'aktualiserad' && spec.ago === 0);
    const fhbOn = addDays(receivedOn, Math.min(12, spec.ago));
    const fhb = child && (investigated || spec.status === 'avslutad') ? (investigated ? 'inleda' as const : 'inte_inleda' as const) : null;
    return {
      intake: JSON.stringify({ description: spec.title, ...(spec.origin === 'ansokan' ? { requestedInsatser: requested(spec) } : {}) }),
      skyddAssessedAt: skydd ? `${receivedOn}T10:00:00.000Z` : null, skyddAssessedBy: skydd ? by : null, skyddAcute: skydd ? false : null,
      skyddText: skydd ? 'Uppgifterna i anmälan tyder inte på att barnet är i akut behov av skydd. Barnet bor kvar hemma under förhandsbedömningen.' : null,
      fhbOutcome: fhb, fhbMotivation: fhb === 'inleda' ? 'Uppgifterna ger anledning att utreda barnets behov av stöd eller skydd.' : fhb ? 'Familjen har redan det stöd som behövs; uppgifterna ger inte anledning att inleda utredning.' : null,
      fhbDecidedOn: fhb ? fhbOn : null, fhbDecidedBy: fhb ? by : null,
      invOpenedOn: investigated ? (child ? fhbOn : addDays(receivedOn, Math.min(3, spec.ago))) : null,
    };
  };

  const addDeadlines = (m: number, caseId: string, spec: CaseSpec, receivedOn: string) => {
    const add = (kind: DeadlineKind, from: string, completedOn: string | null) => data.caseDeadlines.push({
      municipalityId: m, id: demoUuid(`${caseId}:deadline:${kind}`), caseId, kind, legalBasis: DEADLINE_KINDS[kind].legalBasis,
      dueOn: DEADLINE_KINDS[kind].due(from), completedOn,
    });
    const order: Status[] = ['aktualiserad', 'forhandsbedomning', 'utredning', 'beslut', 'verkstallighet', 'uppfoljning', 'avslutad'];
    const past = (s: Status) => order.indexOf(spec.status) > order.indexOf(s);
    if (spec.area === 'barn_och_unga' && spec.origin === 'anmalan') {
      add('skyddsbedomning', receivedOn, spec.status === 'aktualiserad' && spec.ago === 0 ? null : receivedOn);
      add('forhandsbedomning', receivedOn, past('forhandsbedomning') ? addDays(receivedOn, Math.min(12, spec.ago)) : null);
      if (spec.status === 'utredning' || (past('utredning') && spec.status !== 'avslutad')) {
        const opened = addDays(receivedOn, Math.min(12, spec.ago));
        add('barnutredning', opened, past('utredning') ? addDays(opened, 60) : null);
      }
    } else if (spec.status === 'aktualiserad' || spec.status === 'utredning') {
      add('utredning', receivedOn, null);
    }
  };

  const addDecision = (m: number, caseId: string, spec: CaseSpec, receivedOn: string, decidedBy: string) => {
    const d = spec.decision!;
    const decidedOn = addDays(receivedOn, Math.min(Math.max(spec.ago - 2, 0), 28));
    const decisionId = demoUuid(`${caseId}:decision`);
    const granted = d.outcome !== 'avslag';
    const validFrom = granted ? addDays(decidedOn, 1) : null;
    data.decisions.push({
      municipalityId: m, id: decisionId, caseId, insats: d.insats, legalBasis: d.basis, outcome: d.outcome, decidedOn,
      validFrom, validTo: granted && d.months && validFrom ? addMonths(validFrom, d.months) : null, scope: d.scope ?? null, motivation: d.motivation, decidedBy,
      ...catalogueFields(d.basis, d.insats), ksiCode: d.ksi ?? catalogueFields(d.basis, d.insats).ksiCode, status: 'fattat', decidedCapacity: 'delegation', signedAt: `${decidedOn}T13:00:00.000Z`,
    });
    if (spec.order && validFrom) {
      const p = providers[spec.order.provider];
      const n = data.orders.filter((o) => o.municipalityId === m).length + 1;
      data.orders.push({
        municipalityId: m, id: demoUuid(`${caseId}:order`), orderNumber: `B-${decidedOn.slice(0, 4)}-${String(n).padStart(4, '0')}`, decisionId, caseId,
        personId: person[spec.person]!, providerId: p.id, insats: d.insats, scope: d.scope ?? '', startOn: validFrom, endOn: null,
        status: spec.order.status, infoToProvider: spec.order.info, sentAt: `${decidedOn}T09:00:00.000Z`,
        insatsKey: catalogueFields(d.basis, d.insats).insatsKey,
        // accepted the next day; started (the decision verkställt) on the decision's first day
        acceptedAt: spec.order.status === 'skickad' || spec.order.status === 'returnerad' ? null : `${addDays(decidedOn, 1)}T08:00:00.000Z`,
        plannedStartOn: spec.order.status === 'skickad' || spec.order.status === 'returnerad' ? null : validFrom,
        startedOn: spec.order.status === 'pagaende' || spec.order.status === 'avbruten' || spec.order.status === 'avslutad' ? validFrom : null,
        interruptedOn: spec.order.status === 'avbruten' ? addDays(today, -(spec.order.interruptedAgo ?? 1)) : null,
        interruptionReason: spec.order.status === 'avbruten' ? (spec.order.interruptionReason ?? 'Avbrott') : null,
      });
    }
  };

  for (const spec of DEMO_CASES) addCase(1, spec, units[spec.unit], CASE_PREFIX[spec.unit], staff, staff.johan!);

  // Exempelstads kommun: a few units, staff and cases of its own.
  const xUnits = { ao: unit(2, 'ao', 'Myndighetsenheten vård och omsorg', 'aldreomsorg', null), bu: unit(2, 'bu', 'Familjeenheten', 'ifo', null) };
  const xStaff: Record<string, string> = {};
  addStaff(2, 'exempelstad', 'x-ulrika', 'Ulrika Sten', 'Biståndshandläggare', 'handlaggare', xUnits.ao, null); xStaff['x-ulrika'] = staff['x-ulrika']!;
  addStaff(2, 'exempelstad', 'x-goran', 'Göran Vik', 'Socialsekreterare', 'handlaggare', xUnits.bu, null); xStaff['x-goran'] = staff['x-goran']!;
  const X_CASES: Array<CaseSpec & { xunit: 'ao' | 'bu' }> = [
    { xunit: 'ao', person: 'x-arne', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om hemtjänst', status: 'utredning', ago: 15, worker: 'x-ulrika' },
    { xunit: 'ao', person: 'x-greta', unit: 'ao', area: 'aldreomsorg', origin: 'ansokan', title: 'Ansökan om särskilt boende', status: 'utredning', ago: 33, worker: 'x-ulrika' },
    { xunit: 'bu', person: 'x-tilde', unit: 'bu', area: 'barn_och_unga', origin: 'anmalan', title: 'Orosanmälan från skola', status: 'forhandsbedomning', ago: 6, worker: 'x-goran' },
    { xunit: 'ao', person: 'x-kent', unit: 'ao', area: 'funktionsstod', origin: 'ansokan', title: 'Ansökan om boendestöd', status: 'utredning', ago: 21, worker: 'x-ulrika' },
  ];
  for (const spec of X_CASES) addCase(2, spec, xUnits[spec.xunit], spec.xunit === 'ao' ? 'VO' : 'IFO', xStaff, xStaff['x-ulrika']!);
  return data;
}

// ---- the test identity provider's directory -------------------------------------------------

export interface LoginDirectory {
  staff: Array<{ subject: string; name: string; title: string; role: Role; municipalityCode: string; municipalityName: string; unitOrProvider: string }>;
  citizens: Array<{ personnummer: string; name: string; description: string; municipalityCode: string }>;
}

/** Citizens who can try the e-services, and why they are interesting. */
const DEMO_CITIZENS: Array<[string, string]> = [
  ['ingrid', 'Dotter med fullmakt för sin pappa Gösta Lund'],
  ['gosta', 'Har hemtjänst'],
  ['sofia', 'Vårdnadshavare för Leo, 10 år'],
  ['nadia', 'Har ansökt om försörjningsstöd'],
  ['daniel', 'Sambo med Linda; söker försörjningsstöd tillsammans'],
  ['linda', 'Sambo med Daniel; bekräftar ansökan som medsökande'],
  ['elin', 'Har daglig verksamhet enligt LSS'],
  ['bengt', 'Väntar på plats i särskilt boende'],
];

export function demoLoginDirectory(data: DemoData): LoginDirectory {
  const munis = new Map(data.municipalities.map((m) => [m.id, m]));
  const names = new Map([...data.orgUnits.map((u) => [u.id, u.name] as const), ...data.providers.map((p) => [p.id, p.name] as const)]);
  const byKey = new Map(data.persons.map((p) => [p.id, p]));
  return {
    staff: data.staffUsers.map((s) => ({
      subject: s.oidcSubject, name: s.name, title: s.title, role: s.role, municipalityCode: munis.get(s.municipalityId)!.code,
      municipalityName: munis.get(s.municipalityId)!.name, unitOrProvider: names.get(s.unitId ?? s.providerId ?? '') ?? 'Hela förvaltningen',
    })),
    citizens: DEMO_CITIZENS.map(([key, description]) => {
      const p = byKey.get(demoUuid(`1:person:${key}`))!;
      return { personnummer: p.idNumber, name: `${p.firstName} ${p.lastName}`, description, municipalityCode: 'demo' };
    }),
  };
}
