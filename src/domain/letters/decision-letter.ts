// Beslutsbrev: the letter that tells the party of a decision (underrättelse, 33 § FL), built as
// structured content in plain Swedish (klarspråk, "du"-form, short sentences). Pure: no I/O, no
// clock; every date comes from the input. The PDF is drawn from this by
// src/server/letters/render-pdf.ts.
//
// What the letter must contain (domain.md 1.2; FL applies to every socialnämnd case about an
// individual through 14 kap. 10 § SoL):
// - 33 § FL: the full content of the decision, per insats: the outcome (bifall, delvis bifall,
//   avslag), what was applied for, the lagrum, the scope (omfattning), the period (giltighetstid)
//   and any amount.
// - 32 § FL: the reasons (motivering). They may be left out only when clearly unnecessary, which
//   we accept only for a full bifall; a decision that goes against the party must have them.
// - 31 § FL: who made the decision, and in what capacity: a tjänsteperson "enligt delegation
//   från <nämnden>" (30 kap. SoL, delegationsordning) or the nämnd itself (protokoll §).
// - 33 § FL with 43–45 §§ FL: for a decision that can be appealed by förvaltningsbesvär
//   (35 kap. 1 § SoL; 27 § LSS) and goes against the party (42 § FL: avslag, delvis bifall),
//   the överklagandehänvisning (appeal-instructions.ts).
// - Decisions open only to laglighetsprövning (13 kap. kommunallagen; the insatser outside the
//   list in 35 kap. 1 § SoL, domain.md 1.2, ⚠️ inference) get a different, short text: the
//   instructions must differ between the two routes.

import { formatDateSv, formatMoneySek } from '../format.ts';
import { appealInstructions, laglighetsprovningInstructions } from './appeal-instructions.ts';

export type DecisionOutcome = 'bifall' | 'delvis_bifall' | 'avslag';
export type LetterAppealRoute = 'forvaltningsbesvar' | 'laglighetsprovning' | 'ingen';

export interface DecisionLetterItem {
  insats: string;
  outcome: DecisionOutcome;
  legalBasisText: string;
  scope: string | null;
  validFrom: string | null;
  validTo: string | null;
  amountSek: number | null;
  motivation: string;
  appealRoute: LetterAppealRoute;
  requested?: string | null;
}

export interface DecisionLetterInput {
  municipality: { name: string; boardName: string; addressLines: string[]; phone: string; email: string };
  unitName: string;
  caseNumber: string;
  /** ISO date the letter is dated and sent. */
  letterDate: string;
  /** addressLines null = skyddade personuppgifter: the letter goes via Skatteverket. */
  recipient: { name: string; idNumber: string; addressLines: string[] | null };
  decidedOn: string;
  decisionMaker: { name: string; title: string; capacity: 'delegation' | 'namnd'; namndProtocol?: string | null };
  contact: { name: string; title: string; phone: string; email: string };
  items: DecisionLetterItem[];
  lang?: 'sv';
}

export interface LetterBlock {
  kind: 'heading' | 'paragraph' | 'facts' | 'signature' | 'appeal';
  title?: string;
  /** Paragraphs are separated by a blank line; a single newline is a line break. */
  text?: string;
  rows?: Array<[string, string]>;
  /** Heading level of the block's title in the tagged PDF (H2 section, H3 inside a section). */
  level?: 2 | 3;
}

export interface BuiltLetter {
  title: string;
  blocks: LetterBlock[];
  needsAppealInstructions: boolean;
}

export const OUTCOME_LABEL_SV: Record<DecisionOutcome, string> = {
  bifall: 'Bifall',
  delvis_bifall: 'Delvis bifall',
  avslag: 'Avslag',
};

const OUTCOME_EXPLAINED_SV: Record<DecisionOutcome, string> = {
  bifall: 'du får det du har ansökt om',
  delvis_bifall: 'du får en del av det du har ansökt om',
  avslag: 'du får inte det du har ansökt om',
};

/** 'a', 'a och b', 'a, b och c'. */
export function joinSv(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} och ${parts[parts.length - 1]}`;
}

/** 'Hemtjänst' → 'hemtjänst' in running text (also titles); an abbreviation such as 'HVB' or 'LSS-boende' stays. */
export function insatsInText(insats: string): string {
  const s = insats.trim();
  if (s.length > 1 && s[1] === s[1]!.toUpperCase() && s[1] !== s[1]!.toLowerCase()) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function uniqueInsatser(items: readonly DecisionLetterItem[]): string[] {
  return [...new Set(items.map((i) => insatsInText(i.insats)))];
}

/** 'Beslut om hemtjänst och trygghetslarm'. */
export function letterTitle(items: readonly DecisionLetterItem[]): string {
  return `Beslut om ${joinSv(uniqueInsatser(items))}`;
}

/** 'Från och med 1 januari 2026 till och med 31 december 2026', or null when no period is set. */
export function validityText(validFrom: string | null, validTo: string | null): string | null {
  const from = validFrom ? formatDateSv(validFrom, 'long') : null;
  const to = validTo ? formatDateSv(validTo, 'long') : null;
  if (from && to) return `Från och med ${from} till och med ${to}`;
  if (from) return `Från och med ${from}, tills vidare`;
  if (to) return `Till och med ${to}`;
  return null;
}

/**
 * The lines printed in the address window. With skyddade personuppgifter the address is not
 * known to us and must not be printed: the letter is sent in an inner envelope via Skatteverket,
 * which forwards it (domain.md 1.8); Skatteverket needs the name and personnummer to do so.
 */
export function recipientWindowLines(recipient: DecisionLetterInput['recipient']): string[] {
  if (recipient.addressLines === null) {
    return [recipient.name, recipient.idNumber, 'Förmedlas via Skatteverket'];
  }
  return [recipient.name, ...recipient.addressLines.filter((l) => l.trim() !== '')];
}

/** Who made the decision and in what capacity (31 § FL; delegation under 30 kap. SoL). */
export function decisionCapacityText(input: Pick<DecisionLetterInput, 'decisionMaker' | 'municipality'>): string {
  const board = input.municipality.boardName;
  if (input.decisionMaker.capacity === 'delegation') return `Enligt delegation från ${board}`;
  const protocol = input.decisionMaker.namndProtocol?.trim();
  if (!protocol) return board;
  return `${board}, protokoll ${/^§/.test(protocol) ? protocol : `§ ${protocol}`}`;
}

/** Name, title, 'Telefon: …', 'E-post: …', leaving out what is not known. */
export function contactLines(c: { name: string; title: string; phone: string; email: string }): string[] {
  return [c.name, c.title, c.phone.trim() && `Telefon: ${c.phone.trim()}`, c.email.trim() && `E-post: ${c.email.trim()}`]
    .filter((l) => l.trim() !== '');
}

function factsFor(item: DecisionLetterItem): Array<[string, string]> {
  const rows: Array<[string, string]> = [['Beslut', `${OUTCOME_LABEL_SV[item.outcome]} – ${OUTCOME_EXPLAINED_SV[item.outcome]}`]];
  if (item.requested?.trim()) rows.push(['Du har ansökt om', item.requested.trim()]);
  if (item.scope?.trim() && item.outcome !== 'avslag') rows.push(['Omfattning', item.scope.trim()]);
  const validity = item.outcome === 'avslag' ? null : validityText(item.validFrom, item.validTo);
  if (validity) rows.push(['Giltighetstid', validity]);
  if (item.amountSek !== null && item.outcome !== 'avslag') rows.push(['Belopp', formatMoneySek(item.amountSek)]);
  rows.push(['Lagrum', item.legalBasisText.trim()]);
  return rows;
}

/** A decision that goes against the party can be appealed by them (42 § FL). */
function goesAgainstParty(item: DecisionLetterItem): boolean {
  return item.outcome !== 'bifall';
}

export function buildDecisionLetter(input: DecisionLetterInput): BuiltLetter {
  if (input.items.length === 0) throw new RangeError('Ett beslutsbrev måste innehålla minst ett beslut.');
  for (const item of input.items) {
    // 32 § FL: a decision that goes against the party must state its reasons.
    if (goesAgainstParty(item) && item.motivation.trim() === '') {
      throw new RangeError(`Motivering saknas för beslutet om ${insatsInText(item.insats)} (32 § FL).`);
    }
  }
  const title = letterTitle(input.items);
  const blocks: LetterBlock[] = [];

  const applied = joinSv(uniqueInsatser(input.items));
  blocks.push({
    kind: 'paragraph',
    text: `Du har ansökt om ${applied}. I det här brevet får du veta vad vi har beslutat och varför.`,
  });
  const about: Array<[string, string]> = [
    ['Beslutet gäller', `${input.recipient.name}, ${input.recipient.idNumber}`],
    ['Beslutsdatum', formatDateSv(input.decidedOn, 'long')],
  ];

  // 33 § FL: the full content of each decision; 32 § FL: its reasons. With one insats the
  // title already names it: one table, no heading of its own.
  const single = input.items.length === 1;
  if (!single) blocks.push({ kind: 'facts', rows: about });
  for (const item of input.items) {
    if (!single) blocks.push({ kind: 'heading', title: item.insats.trim(), level: 2 });
    blocks.push({ kind: 'facts', rows: single ? [...about, ...factsFor(item)] : factsFor(item) });
    if (item.motivation.trim() !== '') {
      blocks.push({ kind: 'paragraph', title: 'Motivering', text: item.motivation.trim(), level: 3 });
    }
  }

  // 31 § FL: who decided, and in what capacity; beside it, whom to ask.
  const maker = input.decisionMaker;
  const c = input.contact;
  const decidedBy = maker.capacity === 'delegation'
    ? [maker.name, maker.title, decisionCapacityText(input)]
    : [decisionCapacityText(input), `${maker.name}, ${insatsInText(maker.title)}`];
  blocks.push({
    kind: 'signature',
    rows: [
      ['Beslutet har fattats av', decidedBy.join('\n')],
      ['Har du frågor? Kontakta', contactLines(c).join('\n')],
    ],
  });

  // 33 § FL, 43–45 §§ FL: appeal instructions for what can be appealed by förvaltningsbesvär.
  const appealable = input.items.filter((i) => goesAgainstParty(i) && i.appealRoute === 'forvaltningsbesvar');
  const needsAppealInstructions = appealable.length > 0;
  if (needsAppealInstructions) {
    const instructions = appealInstructions({
      boardName: input.municipality.boardName,
      caseNumber: input.caseNumber,
      helpContact: { name: c.name, phone: c.phone },
      boardAddressLines: input.municipality.addressLines,
    });
    const paragraphs = [...instructions.paragraphs];
    if (appealable.length < input.items.length) {
      paragraphs.unshift(`Du kan överklaga beslutet om ${joinSv(uniqueInsatser(appealable))}.`);
    }
    blocks.push({ kind: 'appeal', title: instructions.title, text: paragraphs.join('\n\n'), level: 2 });
  }

  // Other routes: the text must differ from the förvaltningsbesvär instruction (domain.md 1.2).
  const otherRoute: string[] = [];
  const laglighetsprovning = input.items.filter((i) => goesAgainstParty(i) && i.appealRoute === 'laglighetsprovning');
  if (laglighetsprovning.length > 0) {
    // 13 kap. 5–6 §§ KL (appeal-instructions.ts): the same text as in the e-service.
    otherRoute.push(...laglighetsprovningInstructions({ subject: joinSv(uniqueInsatser(laglighetsprovning)), helpContactName: c.name }).paragraphs);
  }
  const none = input.items.filter((i) => goesAgainstParty(i) && i.appealRoute === 'ingen');
  if (none.length > 0) {
    otherRoute.push(`Beslutet om ${joinSv(uniqueInsatser(none))} går inte att överklaga. Om din situation ändras kan du ansöka på nytt.`);
  }
  if (otherRoute.length > 0) {
    blocks.push({ kind: 'paragraph', title: 'Om du inte är nöjd med beslutet', text: otherRoute.join('\n\n'), level: 2 });
  }

  return { title, blocks, needsAppealInstructions };
}
