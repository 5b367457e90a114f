// The beslutsbrev as a real PDF, read back with poppler (pdftotext, pdfinfo, pdffonts, pdftoppm):
// the decision, the motivering (32 § FL), the appeal instructions (33 § and 43–45 §§ FL), and
// the archive/accessibility properties (PDF/A-2a, tagged, sv-SE, embedded fonts). Page 1 of each
// letter is rendered to .tmp/letters/*.png for a human look.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionLetterInput, DecisionLetterItem } from '../../src/domain/letters/decision-letter';
import { renderDecisionLetterPdf, renderPlainLetterPdf } from '../../src/server/letters/render-pdf';

const OUT_DIR = fileURLToPath(new URL('../../.tmp/letters/', import.meta.url));
const WORK = mkdtempSync(path.join(tmpdir(), 'lots-letters-'));

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} saknas: installera poppler-utils (apt-get install poppler-utils) för att köra brevtesterna.`, { cause: err });
    }
    throw err;
  }
}

function save(name: string, pdf: Buffer): string {
  const file = path.join(WORK, `${name}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** Text with non-breaking spaces as plain spaces, so 'SN 2026/0042' matches. */
const text = (file: string, page?: number): string =>
  poppler('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-']).replace(/\u00a0/g, ' ');

function info(file: string): Record<string, string> {
  return Object.fromEntries(
    poppler('pdfinfo', [file]).split('\n').filter((l) => l.includes(':')).map((l) => {
      const i = l.indexOf(':');
      return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
    }),
  );
}

const municipality = { name: 'Demo kommun', boardName: 'Socialnämnden', addressLines: ['Box 100', '123 45 Demostad'], phone: '0123-45 67 00', email: 'socialnamnden@demo.kommun.se' };

const base = (items: DecisionLetterItem[], over: Partial<DecisionLetterInput> = {}): DecisionLetterInput => ({
  municipality,
  unitName: 'Biståndsenheten, äldreomsorg',
  caseNumber: 'SN 2026/0042',
  letterDate: '2026-03-16',
  recipient: { name: 'Tolvan Tolvansson', idNumber: '19121212-1212', addressLines: ['Storgatan 1', '123 45 Demostad'] },
  decidedOn: '2026-03-13',
  decisionMaker: { name: 'Eva Svensson', title: 'Biståndshandläggare', capacity: 'delegation' },
  contact: { name: 'Eva Svensson', title: 'Biståndshandläggare', phone: '0123-45 67 89', email: 'eva.svensson@demo.kommun.se' },
  items,
  ...over,
});

const AVSLAG_MOTIVERING =
  'Du har ansökt om särskilt boende eftersom du känner dig otrygg när du är ensam hemma. Vi har utrett ditt behov genom hembesök, ' +
  'samtal med dig och din dotter och ett utlåtande från distriktssköterskan. Utredningen visar att du klarar de flesta vardagliga ' +
  'sysslor med stöd av hemtjänst, som du redan har fyra gånger per dag. Du har trygghetslarm och har använt det vid ett tillfälle under ' +
  'det senaste halvåret. Vi bedömer att du kan få en skälig levnadsnivå i ditt eget hem med hemtjänst och trygghetslarm. Ditt behov ' +
  'är därför tillgodosett på annat sätt, och vi avslår din ansökan om särskilt boende. Om dina behov ökar kan du ansöka igen.';

const avslag = base([{
  insats: 'Särskilt boende', outcome: 'avslag', legalBasisText: '11 kap. 1 § socialtjänstlagen (2025:400)', scope: null, validFrom: null, validTo: null,
  amountSek: null, appealRoute: 'forvaltningsbesvar', requested: 'Plats i särskilt boende (vård- och omsorgsboende)', motivation: AVSLAG_MOTIVERING,
}]);

const bifall = base([{
  insats: 'Försörjningsstöd', outcome: 'bifall', legalBasisText: '12 kap. 1 § socialtjänstlagen (2025:400)',
  scope: 'Försörjningsstöd för april 2026 enligt riksnormen och skäliga kostnader för boende', validFrom: '2026-04-01', validTo: '2026-04-30',
  amountSek: 12345.5, appealRoute: 'forvaltningsbesvar', requested: 'Försörjningsstöd för april 2026',
  motivation: 'Du saknar inkomster och kan inte försörja dig på annat sätt. Du har sökt arbete och deltar i de aktiviteter som vi har kommit överens om.',
}], {
  unitName: 'Ekonomiskt bistånd', caseNumber: 'SN 2026/0107',
  decisionMaker: { name: 'Peter Lind', title: 'Socialsekreterare', capacity: 'delegation' },
  contact: { name: 'Peter Lind', title: 'Socialsekreterare', phone: '0123-45 67 12', email: 'peter.lind@demo.kommun.se' },
});

let avslagPdf: Buffer;
let avslagFile: string;
let bifallFile: string;

beforeAll(async () => {
  avslagPdf = await renderDecisionLetterPdf(avslag);
  avslagFile = save('avslag', avslagPdf);
  bifallFile = save('bifall', await renderDecisionLetterPdf(bifall));
  // Page 1 as PNG for a human look at the layout.
  mkdirSync(OUT_DIR, { recursive: true });
  poppler('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', avslagFile, path.join(OUT_DIR, 'avslag')]);
  poppler('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', bifallFile, path.join(OUT_DIR, 'bifall')]);
});

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe('beslutsbrev, avslag (33 § FL with överklagandehänvisning, 43–45 §§ FL)', () => {
  it('states who, which case, the decision, its reasons (32 § FL) and how to appeal, within three weeks', () => {
    const t = text(avslagFile);
    for (const s of ['Tolvan Tolvansson', '19121212-1212', 'SN 2026/0042', 'Socialnämnden', 'Beslut om särskilt boende',
      'Avslag – du får inte det du har ansökt om', 'Motivering', 'tillgodosett på annat sätt', 'Så överklagar du beslutet',
      'tre veckor', 'förvaltningsrätten', 'Enligt delegation från Socialnämnden', '16 mars 2026', '13 mars 2026']) {
      expect(t, s).toContain(s);
    }
  });

  it('is two pages, numbered "Sida x av 2", the appeal instructions not split from their heading', () => {
    expect(info(avslagFile).Pages).toBe('2');
    expect(text(avslagFile, 1)).toContain('Sida 1 av 2');
    expect(text(avslagFile, 2)).toContain('Sida 2 av 2');
    expect(text(avslagFile, 2)).toMatch(/Så överklagar du beslutet\s+Om du inte är nöjd/);
  });

  it('is PDF/A-2a, tagged, in Swedish, titled, with every font embedded', () => {
    const i = info(avslagFile);
    expect(i['PDF version']).toBe('1.7');
    expect(i.Tagged).toBe('yes');
    expect(i.Title).toBe('Beslut om särskilt boende');
    expect(i['Page size']).toContain('(A4)');
    const xmp = poppler('pdfinfo', ['-meta', avslagFile]);
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(avslagPdf.toString('latin1')).toContain('/Lang (sv-SE)');
    expect(avslagPdf.toString('latin1')).toContain('/DisplayDocTitle true');
    const fonts = poppler('pdffonts', [avslagFile]).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f).toMatch(/OpenSans/);
      expect(f).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, ToUnicode
    }
  });

  it('has a structure tree a screen reader can follow (H1, table with row headers, list)', () => {
    const tree = poppler('pdfinfo', ['-struct-text', avslagFile]);
    expect(tree).toMatch(/H1[^\n]*\n\s+"Beslut om särskilt boende"/);
    expect(tree).toMatch(/TH[^\n]*\n\s+\/Scope \/Row\n\s+"Beslut"/);
    expect(tree).toMatch(/H2[^\n]*\n\s+"Så överklagar du beslutet"/);
    expect(tree).toContain('LBody');
  });

  it('is deterministic: the same input gives the same bytes (dates from the input, not the clock)', async () => {
    expect((await renderDecisionLetterPdf(avslag)).equals(avslagPdf)).toBe(true);
    expect(info(avslagFile).CreationDate).toContain('2026');
  });
});

describe('beslutsbrev, bifall (no appeal instructions, 42 § FL)', () => {
  it('states the decision, amount, period and motivering on one page, without appeal instructions', () => {
    const t = text(bifallFile);
    for (const s of ['Tolvan Tolvansson', 'SN 2026/0107', 'Socialnämnden', 'Beslut om försörjningsstöd', 'Bifall – du får det du har ansökt om',
      '12 345,50 kr', 'Från och med 1 april 2026 till och med 30 april 2026', 'Motivering', 'Peter Lind', 'Sida 1 av 1']) {
      expect(t, s).toContain(s);
    }
    expect(t).not.toContain('tre veckor');
    expect(t).not.toContain('Så överklagar du');
    expect(info(bifallFile).Pages).toBe('1');
  });
});

describe('layout over several pages', () => {
  const headings = ['Motivering', 'Så överklagar du beslutet', 'Beslutet har fattats av', 'Skriv i överklagandet:'];
  const items: DecisionLetterItem[] = ['Hemtjänst', 'Trygghetslarm', 'Matdistribution', 'Dagverksamhet', 'Korttidsvistelse'].map((insats, i) => ({
    insats, outcome: i % 2 === 0 ? 'delvis_bifall' : 'avslag', legalBasisText: '11 kap. 1 § socialtjänstlagen (2025:400)',
    scope: i % 2 === 0 ? `${10 + i} timmar per månad` : null, validFrom: '2026-04-01', validTo: null, amountSek: null,
    appealRoute: 'forvaltningsbesvar', requested: `${20 + i} timmar per månad`, motivation: `${AVSLAG_MOTIVERING} (${i + 1})`,
  }));

  it('never ends a page with a heading; repeats date and diarienummer on later pages', async () => {
    const file = save('long', await renderDecisionLetterPdf(base(items)));
    const pages = Number(info(file).Pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= pages; p++) {
      const t = text(file, p);
      expect(t).toContain(`Sida ${p} av ${pages}`);
      if (p > 1) expect(t).toContain('Diarienummer SN 2026/0042');
      const body = t.split('Postadress')[0]!.split('\n').map((l) => l.trim()).filter((l) => l !== '');
      const last = body.at(-1)!;
      expect(headings.concat(items.map((i) => i.insats)), `page ${p} ends with "${last}"`).not.toContain(last);
    }
  });

  it('skyddade personuppgifter: no address, forwarded via Skatteverket (domain.md 1.8)', async () => {
    const file = save('protected', await renderDecisionLetterPdf(base(items.slice(0, 1), {
      recipient: { name: 'Tolvan Tolvansson', idNumber: '19121212-1212', addressLines: null },
    })));
    const t = text(file, 1);
    expect(t).toContain('Förmedlas via Skatteverket');
    expect(t).not.toContain('Storgatan');
  });

  it('a nämnd decision names the board and its protocol paragraph (31 § FL)', async () => {
    const file = save('namnd', await renderDecisionLetterPdf(base(items.slice(1, 2), {
      decisionMaker: { name: 'Anna Ordförande', title: 'Ordförande', capacity: 'namnd', namndProtocol: '45' },
    })));
    expect(text(file)).toContain('Socialnämnden, protokoll § 45');
  });
});

describe('plain letter', () => {
  it('renders title, paragraphs, a list and the sender on the letterhead', async () => {
    const file = save('plain', await renderPlainLetterPdf({
      municipality, unitName: 'Biståndsenheten', caseNumber: 'SN 2026/0042', letterDate: '2026-03-02',
      recipient: { name: 'Tolvan Tolvansson', idNumber: '19121212-1212', addressLines: ['Storgatan 1', '123 45 Demostad'] },
      title: 'Kallelse till hembesök',
      body: 'Vi vill träffa dig för att prata om din ansökan om hemtjänst.\n\nTid: 10 mars 2026 klockan 10.00\nPlats: hemma hos dig\n\nTa gärna med:\n\n• ditt läkarintyg\n\n• en lista över dina mediciner\n\nRing mig om tiden inte passar.',
      sender: { name: 'Eva Svensson', title: 'Biståndshandläggare', phone: '0123-45 67 89', email: 'eva.svensson@demo.kommun.se' },
    }));
    const t = text(file);
    for (const s of ['Kallelse till hembesök', 'Tid: 10 mars 2026', '• ditt läkarintyg', 'Med vänliga hälsningar', 'Eva Svensson', '2 mars 2026', 'SN 2026/0042', 'Sida 1 av 1']) {
      expect(t, s).toContain(s);
    }
    expect(info(file).Title).toBe('Kallelse till hembesök');
    expect(info(file).Tagged).toBe('yes');
  });

  it('refuses an invalid letter date', async () => {
    await expect(renderPlainLetterPdf({
      municipality, unitName: 'X', caseNumber: 'X', letterDate: '2026-13-01', recipient: { name: 'A', idNumber: 'B', addressLines: [] },
      title: 'T', body: 'B', sender: { name: 'S', title: 'T', phone: '', email: '' },
    })).rejects.toThrow(RangeError);
  });
});
