// Letters as PDF: the beslutsbrev (decision letter, content from src/domain/letters) and a plain
// letter (kallelse, information, …) on the same letterhead.
//
// The file is archived in the personakt and sent to the party, so it is produced as:
// - PDF/A-2a (ISO 19005-2, level A: tagged, Unicode text) on PDF 1.7, fonts embedded (Open Sans),
//   for long-term archiving (domain.md 1.7, e-arkiv);
// - a tagged PDF (structure tree: H1/H2/H3, P, Table/TR/TH/TD, L/LI) with document language
//   sv-SE and the title shown in the viewer's title bar, so that a screen reader can read it
//   (DOS-lagen 2018:1937, domain.md 7); letterhead repeats, rules and page numbers are artifacts;
// - deterministic: every date comes from the input (CreationDate = the letter date), so the same
//   input gives the same bytes.
//
// Layout follows a Swedish municipal letter on A4: letterhead top left, date and diarienummer
// top right, the recipient's address in the window of a left-window envelope (about 45 mm from
// the top, 25 mm from the left edge), then the title and the body, a footer with the
// municipality's address, phone, e-mail and "Sida x av y". A heading is never left alone at the
// bottom of a page, a table is never split, and a short paragraph is kept whole.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { isValidIsoDate } from '../../domain/deadlines.ts';
import { formatDateSv } from '../../domain/format.ts';
import { LIST_ITEM_PREFIX } from '../../domain/letters/appeal-instructions.ts';
import {
  buildDecisionLetter,
  contactLines,
  recipientWindowLines,
  type DecisionLetterInput,
  type LetterBlock,
} from '../../domain/letters/decision-letter.ts';

export interface PlainLetterInput {
  municipality: DecisionLetterInput['municipality'];
  unitName: string;
  caseNumber: string;
  letterDate: string;
  recipient: DecisionLetterInput['recipient'];
  title: string;
  /** Paragraphs separated by blank lines; a paragraph starting with '• ' is a list item. */
  body: string;
  sender: { name: string; title: string; phone: string; email: string };
}

// ---- Page geometry (points; 1 mm = 72 / 25.4 pt) ------------------------------------------

const mm = (v: number): number => (v * 72) / 25.4;
const PAGE_W = mm(210);
const PAGE_H = mm(297);
const LEFT = mm(25);
const RIGHT = mm(22);
const TOP = mm(30); // pages 2…: below the repeated header
const BOTTOM = mm(30); // above the footer
const CONTENT_W = PAGE_W - LEFT - RIGHT;
const RIGHT_COL_X = mm(120); // date and diarienummer
const WINDOW_Y = mm(45); // address window of a C5 left-window envelope
const TITLE_MIN_Y = mm(96);
const FOOTER_RULE_Y = PAGE_H - mm(24);

const COLOR = { text: '#1a1a1a', muted: '#595959', accent: '#1f4e79', rule: '#b8c4d0', faint: '#dfe5eb' } as const;

type FontName = 'regular' | 'bold' | 'semibold' | 'italic';
interface Style { font: FontName; size: number; color: string; lineGap: number }

const BODY: Style = { font: 'regular', size: 10.5, color: COLOR.text, lineGap: 2.5 };
const H1: Style = { font: 'bold', size: 17, color: COLOR.text, lineGap: 1 };
const H2: Style = { font: 'bold', size: 12.5, color: COLOR.text, lineGap: 1 };
const H3: Style = { font: 'bold', size: 10.5, color: COLOR.text, lineGap: 1 };
const LABEL: Style = { font: 'semibold', size: 10, color: COLOR.muted, lineGap: 2.5 };
const SMALL_LABEL: Style = { font: 'regular', size: 8, color: COLOR.muted, lineGap: 0.5 };
const SIGNATURE_LABEL: Style = { font: 'regular', size: 9, color: COLOR.muted, lineGap: 1 };
const FOOTER: Style = { font: 'regular', size: 7.5, color: COLOR.text, lineGap: 0.5 };
const FOOTER_LABEL: Style = { font: 'semibold', size: 7, color: COLOR.muted, lineGap: 0.5 };

const PARAGRAPH_GAP = 7;
const CELL_PAD = 4;
const LABEL_W = mm(40);
const CELL_GAP = mm(4);
const LIST_INDENT = 14;

// ---- Fonts ---------------------------------------------------------------------------------

const require = createRequire(import.meta.url);
let fontCache: Record<FontName, Buffer> | null = null;
const fontFile = (folder: string, file: string): string =>
  path.join(path.dirname(require.resolve('open-sans-fontface/package.json')), 'fonts', folder, `OpenSans-${file}.ttf`);

function fonts(): Record<FontName, Buffer> {
  if (fontCache) return fontCache;
  const load = (folder: string, file: string): Buffer => readFileSync(fontFile(folder, file));
  fontCache = {
    regular: load('Regular', 'Regular'),
    bold: load('Bold', 'Bold'),
    semibold: load('Semibold', 'Semibold'),
    italic: load('Italic', 'Italic'),
  };
  return fontCache;
}

// PDF/A requires the Info dictionary and the XMP metadata to agree; pdfkit writes the XMP
// without escaping, so keep metadata free of XML specials instead of escaping one of the two.
function metaText(s: string): string {
  return s.replace(/&/g, 'och').replace(/[<>"]/g, '').trim();
}

/** Paragraphs are separated by a blank line. */
function splitParagraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
}

// ---- The writer ----------------------------------------------------------------------------

type StructElement = ReturnType<PDFKit.PDFDocument['struct']>;

interface Letterhead {
  municipality: DecisionLetterInput['municipality'];
  unitName: string;
  caseNumber: string;
  letterDate: string;
  recipient: DecisionLetterInput['recipient'];
  title: string;
}

class LetterWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly root: StructElement;
  private readonly done: Promise<Buffer>;
  private atTop = true;

  constructor(private readonly head: Letterhead) {
    if (!isValidIsoDate(head.letterDate)) throw new RangeError(`Ogiltigt datum för brevet: '${head.letterDate}'`);
    const f = fonts();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: TOP, bottom: BOTTOM, left: LEFT, right: RIGHT },
      pdfVersion: '1.7',
      subset: 'PDF/A-2a',
      tagged: true,
      lang: 'sv-SE',
      displayTitle: true,
      bufferPages: true,
      // The default font must be embedded too (PDF/A): never pdfkit's Helvetica.
      font: fontFile('Regular', 'Regular'),
      info: {
        Title: metaText(head.title),
        Author: metaText(`${head.municipality.boardName}, ${head.municipality.name}`),
        Subject: metaText(`Diarienummer ${head.caseNumber}`),
        Creator: 'Lots',
        Producer: 'Lots (PDFKit)',
        // Stable output: the letter date, never the clock.
        CreationDate: new Date(`${head.letterDate}T12:00:00Z`),
      },
    });
    for (const [name, data] of Object.entries(f)) this.doc.registerFont(name, data);
    this.style(BODY);
    const chunks: Buffer[] = [];
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  private style(s: Style): void {
    this.doc.font(s.font).fontSize(s.size).fillColor(s.color);
  }

  private lineHeight(s: Style): number {
    this.style(s);
    return this.doc.currentLineHeight(true) + s.lineGap;
  }

  private height(text: string, s: Style, width = CONTENT_W): number {
    this.style(s);
    return this.doc.heightOfString(text, { width, lineGap: s.lineGap });
  }

  private get maxY(): number {
    return PAGE_H - BOTTOM;
  }

  private ensure(h: number): void {
    if (this.doc.y + h > this.maxY) {
      this.doc.addPage();
      this.doc.x = LEFT;
      this.doc.y = TOP;
      this.atTop = true;
    }
  }

  private space(pt: number): void {
    if (!this.atTop) this.doc.y += pt;
  }

  private add(parent: StructElement, type: string, draw: () => void): void {
    parent.add(this.doc.struct(type, {}, [draw]));
  }

  private text(text: string, s: Style, x = LEFT, width = CONTENT_W): void {
    this.style(s);
    this.doc.text(text, x, this.doc.y, { width, lineGap: s.lineGap });
  }

  private artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  private rule(y: number, color: string = COLOR.rule, x1 = LEFT, x2 = LEFT + CONTENT_W, width = 0.6): void {
    this.artifact(() => {
      this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore();
    });
  }

  // ---- First page: letterhead, date and diarienummer, address window, title -----------------

  firstPage(): void {
    const { doc, head } = this;
    const sender = doc.struct('Div');
    this.root.add(sender);
    doc.y = mm(14);
    this.add(sender, 'P', () => this.text(head.municipality.name, { font: 'bold', size: 19, color: COLOR.accent, lineGap: 0 }, LEFT, mm(90)));
    doc.y += 1;
    this.add(sender, 'P', () => this.text(head.municipality.boardName, { font: 'semibold', size: 10.5, color: COLOR.text, lineGap: 0.5 }, LEFT, mm(90)));
    this.add(sender, 'P', () => this.text(head.unitName, { font: 'regular', size: 9.5, color: COLOR.muted, lineGap: 0.5 }, LEFT, mm(90)));
    const leftBottom = doc.y;

    // Date and diarienummer, top right.
    doc.y = mm(15);
    const fields: Array<[string, string]> = [
      ['Datum', formatDateSv(head.letterDate, 'long')],
      ['Diarienummer', head.caseNumber],
    ];
    for (const [label, value] of fields) {
      // One P per line: a screen reader gets 'Datum', '16 mars 2026', not 'Datum16 mars 2026'.
      this.add(sender, 'P', () => this.text(label, SMALL_LABEL, RIGHT_COL_X, PAGE_W - RIGHT - RIGHT_COL_X));
      this.add(sender, 'P', () => this.text(value, { font: 'semibold', size: 10, color: COLOR.text, lineGap: 0.5 }, RIGHT_COL_X, PAGE_W - RIGHT - RIGHT_COL_X));
      doc.y += 4;
    }
    sender.end();
    this.rule(Math.max(leftBottom, doc.y) + mm(3), COLOR.accent, LEFT, PAGE_W - RIGHT, 0.8);

    // Recipient in the envelope window.
    doc.y = WINDOW_Y;
    const recipient = doc.struct('Div');
    this.root.add(recipient);
    for (const line of recipientWindowLines(head.recipient)) {
      this.add(recipient, 'P', () => this.text(line, { font: 'regular', size: 11, color: COLOR.text, lineGap: 1.5 }, LEFT, mm(85)));
    }
    recipient.end();

    // Title.
    doc.y = Math.max(TITLE_MIN_Y, doc.y + mm(12));
    this.add(this.root, 'H1', () => this.text(head.title, H1));
    doc.y += 6;
    this.atTop = false;
  }

  // ---- Body blocks ---------------------------------------------------------------------------

  /** Height that must fit before a heading so that it is not left alone at the bottom. */
  private keepHeight(block: LetterBlock | undefined): number {
    if (!block) return 0;
    if (block.kind === 'facts') return this.factsHeight(block.rows ?? []);
    if (block.kind === 'signature') return this.signatureHeight(block.rows ?? []);
    const parts = splitParagraphs(block.text ?? '');
    const titleH = block.title ? this.height(block.title, block.level === 3 ? H3 : H2) + 6 : 0;
    return titleH + (parts.length > 0 ? this.minStart(parts, 0) : 0);
  }

  /**
   * The height that must fit on the page before paragraph i starts: a list item whole; a short
   * paragraph (≤ 4 lines) whole; a long one at least two lines; a lead-in ending in ':' together
   * with the first list item after it.
   */
  private minStart(parts: string[], i: number): number {
    const part = parts[i] ?? '';
    if (part.startsWith(LIST_ITEM_PREFIX)) return this.height(part.slice(LIST_ITEM_PREFIX.length), BODY, CONTENT_W - LIST_INDENT);
    const h = this.height(part, BODY);
    const lh = this.lineHeight(BODY);
    const own = Math.round(h / lh) <= 4 ? h : 2 * lh;
    const next = parts[i + 1];
    return own + (part.endsWith(':') && next?.startsWith(LIST_ITEM_PREFIX) ? this.minStart(parts, i + 1) : 0);
  }

  heading(title: string, level: 2 | 3, next?: LetterBlock): void {
    const s = level === 2 ? H2 : H3;
    const before = level === 2 ? 14 : 8;
    const h = this.height(title, s);
    this.ensure(before + h + 4 + this.keepHeight(next));
    this.space(before);
    this.add(this.root, level === 2 ? 'H2' : 'H3', () => this.text(title, s));
    this.doc.y += level === 2 ? 4 : 2;
    this.atTop = false;
  }

  /** Paragraphs (blank-line separated) and bullet lists, flowing over pages. */
  paragraphs(text: string): void {
    const parts = splitParagraphs(text);
    let list: StructElement | null = null;
    parts.forEach((part, i) => {
      const isItem = part.startsWith(LIST_ITEM_PREFIX);
      if (isItem) {
        const body = part.slice(LIST_ITEM_PREFIX.length);
        this.ensure(this.minStart(parts, i));
        if (!list) {
          list = this.doc.struct('L');
          this.root.add(list);
        }
        const li = this.doc.struct('LI');
        list.add(li);
        const y = this.doc.y;
        this.add(li, 'Lbl', () => this.text('•', BODY, LEFT + 3, LIST_INDENT));
        this.doc.y = y;
        this.add(li, 'LBody', () => this.text(body, BODY, LEFT + LIST_INDENT, CONTENT_W - LIST_INDENT));
        li.end();
        this.doc.y += 1.5;
        const next = parts[i + 1];
        if (!next?.startsWith(LIST_ITEM_PREFIX)) {
          list.end();
          list = null;
          this.doc.y += PARAGRAPH_GAP - 1.5;
        }
        this.atTop = false;
        return;
      }
      this.ensure(this.minStart(parts, i));
      this.add(this.root, 'P', () => this.text(part, BODY));
      this.doc.y += part.endsWith(':') ? 2 : PARAGRAPH_GAP;
      this.atTop = false;
    });
  }

  private rowHeight(label: string, value: string): number {
    return Math.max(this.height(label, LABEL, LABEL_W), this.height(value, BODY, CONTENT_W - LABEL_W - CELL_GAP)) + 2 * CELL_PAD;
  }

  private factsHeight(rows: Array<[string, string]>): number {
    return rows.reduce((sum, [l, v]) => sum + this.rowHeight(l, v), 0) + 8;
  }

  /** Label–value rows as a real table (TH scope Row), never split over pages. */
  facts(rows: Array<[string, string]>): void {
    if (rows.length === 0) return;
    const total = this.factsHeight(rows);
    this.ensure(Math.min(total, this.maxY - TOP));
    this.space(2);
    const table = this.doc.struct('Table');
    this.root.add(table);
    this.rule(this.doc.y, COLOR.rule);
    for (const [label, value] of rows) {
      const h = this.rowHeight(label, value);
      this.ensure(h);
      const y = this.doc.y;
      const tr = this.doc.struct('TR');
      table.add(tr);
      tr.add(this.doc.struct('TH', { scope: 'Row' } as PDFKit.Mixins.StructureElementOptions, [() => {
        this.style(LABEL);
        // Same baseline as the value (Open Sans ascender ≈ 1.069 em).
        this.doc.text(label, LEFT, y + CELL_PAD + (BODY.size - LABEL.size) * 1.069, { width: LABEL_W, lineGap: LABEL.lineGap });
      }]));
      const valueX = LEFT + LABEL_W + CELL_GAP;
      const valueW = CONTENT_W - LABEL_W - CELL_GAP;
      tr.add(this.doc.struct('TD', {}, [() => {
        // 'Avslag – du får inte …': the outcome word in bold.
        const dash = value.indexOf(' – ');
        if (label === 'Beslut' && dash > 0) {
          this.style({ ...BODY, font: 'bold' });
          this.doc.text(value.slice(0, dash), valueX, y + CELL_PAD, { width: valueW, lineGap: BODY.lineGap, continued: true });
          this.style(BODY);
          this.doc.text(value.slice(dash), { width: valueW, lineGap: BODY.lineGap });
        } else {
          this.style(BODY);
          this.doc.text(value, valueX, y + CELL_PAD, { width: valueW, lineGap: BODY.lineGap });
        }
      }]));
      tr.end();
      this.doc.y = y + h;
      this.rule(this.doc.y, COLOR.faint);
    }
    table.end();
    this.rule(this.doc.y, COLOR.rule);
    this.doc.x = LEFT;
    this.doc.y += 8;
    this.atTop = false;
  }

  private static readonly COLUMN_GAP = mm(8);

  private signatureHeight(rows: Array<[string, string]>): number {
    const w = (CONTENT_W - LetterWriter.COLUMN_GAP) / 2;
    const heights = rows.map(([title, text]) => this.height(title, SIGNATURE_LABEL, w) + 2 + this.height(text, BODY, w));
    return 16 + Math.max(0, ...heights);
  }

  /**
   * Side-by-side columns, each a label and lines, the first line in semibold: 'Beslutet har
   * fattats av' and 'Har du frågor? Kontakta', or 'Med vänliga hälsningar'. Kept on one page.
   */
  signature(rows: Array<[string, string]>, labelStyle: Style = SIGNATURE_LABEL): void {
    if (rows.length === 0) return;
    this.ensure(this.signatureHeight(rows));
    this.space(16);
    const w = (CONTENT_W - LetterWriter.COLUMN_GAP) / 2;
    const top = this.doc.y;
    let bottom = top;
    rows.forEach(([title, text], i) => {
      const x = LEFT + i * (w + LetterWriter.COLUMN_GAP);
      const div = this.doc.struct('Div');
      this.root.add(div);
      this.doc.y = top;
      this.add(div, 'P', () => this.text(title, labelStyle, x, w));
      this.doc.y += 2;
      text.split('\n').forEach((line, j) => {
        this.add(div, 'P', () => this.text(line, j === 0 ? { ...BODY, font: 'semibold' } : BODY, x, w));
      });
      div.end();
      bottom = Math.max(bottom, this.doc.y);
    });
    this.doc.x = LEFT;
    this.doc.y = bottom + PARAGRAPH_GAP;
    this.atTop = false;
  }

  blocks(blocks: LetterBlock[]): void {
    blocks.forEach((block, i) => {
      const next = blocks[i + 1];
      switch (block.kind) {
        case 'heading':
          this.heading(block.title ?? '', block.level ?? 2, next);
          break;
        case 'facts':
          if (block.title) this.heading(block.title, block.level ?? 3, { kind: 'facts', rows: block.rows });
          this.facts(block.rows ?? []);
          break;
        case 'paragraph':
        case 'appeal':
          if (block.title) this.heading(block.title, block.level ?? (block.kind === 'appeal' ? 2 : 3), { kind: 'paragraph', text: block.text });
          this.paragraphs(block.text ?? '');
          break;
        case 'signature':
          this.signature(block.rows ?? (block.text ? [[block.title ?? '', block.text]] : []));
          break;
      }
    });
  }

  // ---- Repeated header (pages 2…) and footer on every page, drawn last as artifacts ---------

  private line(text: string, s: Style, x: number, y: number): void {
    this.style(s);
    this.doc.text(text, x, y, { lineBreak: false });
  }

  private pageFurniture(): void {
    const { doc, head } = this;
    const range = doc.bufferedPageRange();
    const m = head.municipality;
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const savedBottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // the footer sits below the text area: no page break
      const pageNo = `Sida ${i + 1} av ${range.count}`;
      this.doc.markContent('Artifact', { type: 'Pagination' });
      if (i > 0) {
        this.line(`${m.name} · ${m.boardName}`, { ...FOOTER, color: COLOR.muted, size: 8 }, LEFT, mm(13));
        const right = `${formatDateSv(head.letterDate, 'long')} · Diarienummer ${head.caseNumber}`;
        this.style({ ...FOOTER, size: 8, color: COLOR.muted });
        this.line(right, { ...FOOTER, color: COLOR.muted, size: 8 }, PAGE_W - RIGHT - doc.widthOfString(right), mm(13));
      }
      // Footer: postal address, phone, e-mail; page number on the right.
      const y0 = FOOTER_RULE_Y + 5;
      const columns: Array<[string, string[], number]> = [
        ['Postadress', [m.boardName, ...m.addressLines].slice(0, 4), LEFT],
        ['Telefon', [m.phone], LEFT + mm(62)],
        ['E-post', [m.email], LEFT + mm(97)],
      ];
      for (const [label, lines, x] of columns) {
        if (lines.every((l) => l.trim() === '')) continue;
        this.line(label, FOOTER_LABEL, x, y0);
        lines.forEach((l, j) => this.line(l, FOOTER, x, y0 + 10 + j * 9.5));
      }
      this.style({ ...FOOTER, size: 8 });
      this.line(pageNo, { ...FOOTER, size: 8 }, PAGE_W - RIGHT - doc.widthOfString(pageNo), y0);
      this.doc.endMarkedContent();
      if (i > 0) this.rule(mm(16.5), COLOR.faint);
      this.rule(FOOTER_RULE_Y, COLOR.rule);
      doc.page.margins.bottom = savedBottom;
    }
  }

  async finish(): Promise<Buffer> {
    this.root.end();
    this.pageFurniture();
    this.doc.end();
    return this.done;
  }
}

// ---- Public API ------------------------------------------------------------------------------

export async function renderDecisionLetterPdf(input: DecisionLetterInput): Promise<Buffer> {
  const letter = buildDecisionLetter(input);
  const w = new LetterWriter({ ...input, title: letter.title });
  w.firstPage();
  w.blocks(letter.blocks);
  return w.finish();
}

export async function renderPlainLetterPdf(input: PlainLetterInput): Promise<Buffer> {
  const w = new LetterWriter(input);
  w.firstPage();
  w.paragraphs(input.body);
  w.signature([['Med vänliga hälsningar', contactLines(input.sender).join('\n')]], BODY);
  return w.finish();
}
