import { describe, expect, it } from 'vitest';
import { appealInstructions, LIST_ITEM_PREFIX } from '../../src/domain/letters/appeal-instructions';
import {
  buildDecisionLetter,
  decisionCapacityText,
  joinSv,
  letterTitle,
  recipientWindowLines,
  validityText,
  type BuiltLetter,
  type DecisionLetterInput,
  type DecisionLetterItem,
} from '../../src/domain/letters/decision-letter';

const NBSP = '\u00a0';

const item = (over: Partial<DecisionLetterItem> = {}): DecisionLetterItem => ({
  insats: 'Hemtjänst',
  outcome: 'bifall',
  legalBasisText: '11 kap. 1 § socialtjänstlagen (2025:400)',
  scope: '20 timmar per månad',
  validFrom: '2026-04-01',
  validTo: '2026-09-30',
  amountSek: null,
  motivation: 'Du behöver hjälp med personlig hygien och städning för att uppnå skälig levnadsnivå.',
  appealRoute: 'forvaltningsbesvar',
  requested: '20 timmar per månad',
  ...over,
});

const input = (items: DecisionLetterItem[], over: Partial<DecisionLetterInput> = {}): DecisionLetterInput => ({
  municipality: { name: 'Demo kommun', boardName: 'Socialnämnden', addressLines: ['Box 100', '123 45 Demostad'], phone: '0123-45 67 00', email: 'socialnamnden@demo.kommun.se' },
  unitName: 'Biståndsenheten',
  caseNumber: 'SN 2026/0042',
  letterDate: '2026-03-16',
  recipient: { name: 'Tolvan Tolvansson', idNumber: '19121212-1212', addressLines: ['Storgatan 1', '123 45 Demostad'] },
  decidedOn: '2026-03-13',
  decisionMaker: { name: 'Eva Svensson', title: 'Biståndshandläggare', capacity: 'delegation' },
  contact: { name: 'Karin Berg', title: 'Biståndshandläggare', phone: '0123-45 67 89', email: 'karin.berg@demo.kommun.se' },
  items,
  ...over,
});

/** All the letter's text, in order, for "does it say …" assertions. */
const allText = (l: BuiltLetter): string =>
  l.blocks.map((b) => [b.title, b.text, ...(b.rows ?? []).map((r) => r.join(': '))].filter(Boolean).join('\n')).join('\n\n');

const rowsOf = (l: BuiltLetter): Array<[string, string]> => l.blocks.flatMap((b) => (b.kind === 'facts' ? b.rows ?? [] : []));
const row = (l: BuiltLetter, label: string): string | undefined => rowsOf(l).find(([k]) => k === label)?.[1];
const appealBlock = (l: BuiltLetter) => l.blocks.find((b) => b.kind === 'appeal');

describe('buildDecisionLetter: överklagandehänvisning (33 § FL, 42–45 §§ FL, 35 kap. 1 § SoL)', () => {
  it.each<[string, DecisionLetterItem[], boolean]>([
    ['bifall: nothing to appeal, no instructions (42 § FL)', [item()], false],
    ['avslag with förvaltningsbesvär: instructions (33 § FL)', [item({ outcome: 'avslag', scope: null, validFrom: null, validTo: null })], true],
    ['delvis bifall with förvaltningsbesvär: instructions (33 § FL)', [item({ outcome: 'delvis_bifall', requested: '40 timmar per månad' })], true],
    ["avslag with appealRoute 'ingen': no instructions", [item({ outcome: 'avslag', appealRoute: 'ingen' })], false],
    ['avslag open only to laglighetsprövning (13 kap. KL): no förvaltningsbesvär instructions', [item({ outcome: 'avslag', appealRoute: 'laglighetsprovning' })], false],
    ['bifall + avslag: instructions for the avslag', [item(), item({ insats: 'Trygghetslarm', outcome: 'avslag' })], true],
  ])('%s', (_name, items, expected) => {
    const letter = buildDecisionLetter(input(items));
    expect(letter.needsAppealInstructions).toBe(expected);
    expect(Boolean(appealBlock(letter))).toBe(expected);
    expect(allText(letter).includes('tre veckor')).toBe(expected);
  });

  it('the instructions say: written, to förvaltningsrätten, handed in to the nämnd, within three weeks of receipt (43–44 §§ FL)', () => {
    const text = appealBlock(buildDecisionLetter(input([item({ outcome: 'avslag' })])))!.text!;
    expect(text).toContain('skriftligt');
    expect(text).toContain('förvaltningsrätten');
    expect(text).toContain('skickar eller lämnar det till Socialnämnden');
    expect(text).toContain('Adressen är Socialnämnden, Box 100, 123 45 Demostad.');
    expect(text).toContain('inom tre veckor från den dag du fick del av beslutet');
  });

  it('the instructions say what the appeal should contain, with the diarienummer (43 § FL)', () => {
    const text = appealBlock(buildDecisionLetter(input([item({ outcome: 'avslag' })])))!.text!;
    expect(text).toContain('vilket beslut du överklagar');
    expect(text).toContain('SN 2026/0042');
    expect(text).toContain('hur du vill att beslutet ska ändras');
    expect(text).toContain('varför');
    expect(text).toContain('ditt namn, personnummer, adress och telefonnummer');
    expect(text).toContain('Skriv under överklagandet');
  });

  it('the nämnd checks the time first, may change the decision itself, else sends it on (45–46 §§, 38–39 §§ FL); help from the contact', () => {
    const text = appealBlock(buildDecisionLetter(input([item({ outcome: 'avslag' })])))!.text!;
    expect(text).toContain('kontrollerar Socialnämnden att överklagandet har kommit in i rätt tid');
    expect(text).toContain('Nämnden kan själv ändra beslutet');
    expect(text).toContain('vidare till förvaltningsrätten');
    expect(text).toContain('kontakta Karin Berg, telefon 0123-45 67 89');
  });

  it('with several decisions, names the one that can be appealed', () => {
    const letter = buildDecisionLetter(input([item(), item({ insats: 'Trygghetslarm', outcome: 'avslag' })]));
    expect(appealBlock(letter)!.text!.split('\n\n')[0]).toBe('Du kan överklaga beslutet om trygghetslarm.');
  });

  it('laglighetsprövning gets its own, different text (domain.md 1.2)', () => {
    const text = allText(buildDecisionLetter(input([item({ outcome: 'avslag', appealRoute: 'laglighetsprovning' })])));
    expect(text).toContain('laglighetsprövning enligt 13 kap. kommunallagen');
    expect(text).not.toContain('Så överklagar du beslutet');
  });

  it("appealRoute 'ingen' says the decision cannot be appealed", () => {
    expect(allText(buildDecisionLetter(input([item({ outcome: 'avslag', appealRoute: 'ingen' })])))).toContain('går inte att överklaga');
  });
});

describe('buildDecisionLetter: the full content of the decision (33 § FL) and its reasons (32 § FL)', () => {
  it('states Beslut, what was applied for, omfattning, giltighetstid and lagrum per insats', () => {
    const letter = buildDecisionLetter(input([item({ outcome: 'delvis_bifall', requested: '40 timmar per månad' })]));
    expect(letter.title).toBe('Beslut om hemtjänst');
    expect(row(letter, 'Beslut')).toBe('Delvis bifall – du får en del av det du har ansökt om');
    expect(row(letter, 'Du har ansökt om')).toBe('40 timmar per månad');
    expect(row(letter, 'Omfattning')).toBe('20 timmar per månad');
    expect(row(letter, 'Giltighetstid')).toBe('Från och med 1 april 2026 till och med 30 september 2026');
    expect(row(letter, 'Lagrum')).toBe('11 kap. 1 § socialtjänstlagen (2025:400)');
    expect(row(letter, 'Beslutet gäller')).toBe('Tolvan Tolvansson, 19121212-1212');
    expect(row(letter, 'Beslutsdatum')).toBe('13 mars 2026');
  });

  it.each<[DecisionLetterItem['outcome'], string]>([
    ['bifall', 'Bifall – du får det du har ansökt om'],
    ['delvis_bifall', 'Delvis bifall – du får en del av det du har ansökt om'],
    ['avslag', 'Avslag – du får inte det du har ansökt om'],
  ])('outcome %s reads %j', (outcome, text) => {
    expect(row(buildDecisionLetter(input([item({ outcome })])), 'Beslut')).toBe(text);
  });

  it('an avslag states no omfattning, giltighetstid or belopp', () => {
    const letter = buildDecisionLetter(input([item({ outcome: 'avslag', amountSek: 1000 })]));
    expect(row(letter, 'Omfattning')).toBeUndefined();
    expect(row(letter, 'Giltighetstid')).toBeUndefined();
    expect(row(letter, 'Belopp')).toBeUndefined();
  });

  it('the motivering is printed under its own heading (32 § FL)', () => {
    const letter = buildDecisionLetter(input([item({ outcome: 'avslag', motivation: 'Ditt behov är tillgodosett på annat sätt.' })]));
    const block = letter.blocks.find((b) => b.title === 'Motivering');
    expect(block?.text).toBe('Ditt behov är tillgodosett på annat sätt.');
  });

  it('refuses an avslag without motivering (32 § FL)', () => {
    expect(() => buildDecisionLetter(input([item({ outcome: 'avslag', motivation: '  ' })]))).toThrow(/32 § FL/);
  });

  it('refuses a letter without decisions', () => {
    expect(() => buildDecisionLetter(input([]))).toThrow(RangeError);
  });

  it.each<[number, string]>([
    [12345.5, `12${NBSP}345,50${NBSP}kr`],
    [5220, `5${NBSP}220,00${NBSP}kr`],
    [0, `0,00${NBSP}kr`],
  ])('belopp %d is formatted as Swedish money: %j', (amount, text) => {
    const letter = buildDecisionLetter(input([item({ insats: 'Försörjningsstöd', amountSek: amount, legalBasisText: '12 kap. 1 § socialtjänstlagen (2025:400)' })]));
    expect(row(letter, 'Belopp')).toBe(text);
  });

  it('several insatser: one title, a heading per insats, each with its own table', () => {
    const letter = buildDecisionLetter(input([item(), item({ insats: 'Trygghetslarm', scope: null }), item({ insats: 'Placering i hem för vård eller boende (HVB)' })]));
    expect(letter.title).toBe('Beslut om hemtjänst, trygghetslarm och placering i hem för vård eller boende (HVB)');
    expect(letter.blocks.filter((b) => b.kind === 'heading').map((b) => b.title)).toEqual(['Hemtjänst', 'Trygghetslarm', 'Placering i hem för vård eller boende (HVB)']);
    expect(letter.blocks.filter((b) => b.kind === 'facts')).toHaveLength(4);
  });
});

describe('buildDecisionLetter: who decided, in what capacity (31 § FL, 30 kap. SoL)', () => {
  const signature = (l: BuiltLetter) => l.blocks.find((b) => b.kind === 'signature')!.rows!;

  it('a tjänsteperson: "Enligt delegation från <nämnden>"', () => {
    const [decidedBy, contact] = signature(buildDecisionLetter(input([item()])));
    expect(decidedBy).toEqual(['Beslutet har fattats av', 'Eva Svensson\nBiståndshandläggare\nEnligt delegation från Socialnämnden']);
    expect(contact?.[1]).toBe('Karin Berg\nBiståndshandläggare\nTelefon: 0123-45 67 89\nE-post: karin.berg@demo.kommun.se');
  });

  it.each<[string | null, string]>([
    ['45', 'Socialnämnden, protokoll § 45'],
    ['§ 45', 'Socialnämnden, protokoll § 45'],
    [null, 'Socialnämnden'],
  ])('the nämnd itself, protocol %j: %j', (protocol, text) => {
    const inp = input([item({ outcome: 'avslag' })], { decisionMaker: { name: 'Anna Ordförande', title: 'Ordförande', capacity: 'namnd', namndProtocol: protocol } });
    expect(decisionCapacityText(inp)).toBe(text);
    expect(signature(buildDecisionLetter(inp))[0]![1]).toBe(`${text}\nAnna Ordförande, ordförande`);
    expect(allText(buildDecisionLetter(inp))).not.toContain('delegation');
  });
});

describe('recipient and wording', () => {
  it('skyddade personuppgifter: no address, the letter is forwarded via Skatteverket (domain.md 1.8)', () => {
    const inp = input([item()], { recipient: { name: 'Tolvan Tolvansson', idNumber: '19121212-1212', addressLines: null } });
    expect(recipientWindowLines(inp.recipient)).toEqual(['Tolvan Tolvansson', '19121212-1212', 'Förmedlas via Skatteverket']);
    expect(allText(buildDecisionLetter(inp))).not.toContain('Storgatan');
  });

  it('a known address goes in the window, without the personnummer', () => {
    expect(recipientWindowLines(input([]).recipient)).toEqual(['Tolvan Tolvansson', 'Storgatan 1', '123 45 Demostad']);
  });

  it('giltighetstid reads in words, also tills vidare', () => {
    expect(validityText('2026-01-01', null)).toBe('Från och med 1 januari 2026, tills vidare');
    expect(validityText(null, '2026-12-31')).toBe('Till och med 31 december 2026');
    expect(validityText(null, null)).toBeNull();
  });

  it('lists join the Swedish way; abbreviations keep their capitals in the title', () => {
    expect(joinSv(['a'])).toBe('a');
    expect(joinSv(['a', 'b'])).toBe('a och b');
    expect(joinSv(['a', 'b', 'c'])).toBe('a, b och c');
    expect(letterTitle([item({ insats: 'LSS-boende' }), item({ insats: 'Hemtjänst' }), item({ insats: 'Hemtjänst' })])).toBe('Beslut om LSS-boende och hemtjänst');
  });

  it('appealInstructions marks the list items and works without a contact', () => {
    const { title, paragraphs } = appealInstructions({ boardName: 'Vård- och omsorgsnämnden', caseNumber: 'VON 2026/7' });
    expect(title).toBe('Så överklagar du beslutet');
    expect(paragraphs.filter((p) => p.startsWith(LIST_ITEM_PREFIX))).toHaveLength(4);
    expect(paragraphs.join(' ')).toContain('Vård- och omsorgsnämnden inom tre veckor');
    expect(paragraphs.at(-1)).toBe('Om du behöver hjälp med att överklaga kan du kontakta oss.');
  });
});
