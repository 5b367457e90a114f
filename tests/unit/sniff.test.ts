// File type sniffing: real file headers in, the type (or a refusal) out. The type of a case file
// is decided from its bytes only, never from the name or the Content-Type the browser sent.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import {
  FILE_TYPES, contentDisposition, declaredTypeMatches, previewKind, sanitizeFileName, sniffFileType, zipEntryNames,
} from '../../src/domain/files/sniff.ts';

// ---- real files, built here ----------------------------------------------------------------------

function pdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Läkarintyg');
    doc.end();
  });
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** A valid 1×1 RGB PNG. */
function png(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0); ihdr.writeUInt32BE(1, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.from([0, 0x33, 0x66, 0xcc]))), pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// Encoded by Chromium's canvas (2×2 pixels).
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAACAAIDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABgf/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCXAUUYf//Z', 'base64');
const WEBP = Buffer.from('UklGRhwCAABXRUJQVlA4WAoAAAAgAAAAAQAAAQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggLgAAANABAJ0BKgIAAgABQCYloAJ0ugH4AAOwAP7udn/+rQ+Wh8tD9z7/5BaVy3dgAAA=', 'base64');
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const TIFF_LE = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]);
const TIFF_BE = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00]);

function ftyp(major: string, compatible: string[]): Buffer {
  const body = Buffer.concat([Buffer.from(major), Buffer.alloc(4), ...compatible.map((c) => Buffer.from(c))]);
  const size = Buffer.alloc(4); size.writeUInt32BE(8 + body.length);
  return Buffer.concat([size, Buffer.from('ftyp'), body, Buffer.alloc(32)]);
}

/** A ZIP with stored (uncompressed) entries, written by the book (APPNOTE 4.3). */
function zip(entries: Array<[string, string | Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const docx = () => zip([['[Content_Types].xml', CONTENT_TYPES], ['_rels/.rels', '<Relationships/>'], ['word/document.xml', '<w:document/>']]);

/** An OLE2 compound file: the signature, and a directory sector naming the given streams. */
function ole2(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x003e, 24); header.writeUInt16LE(0x0003, 26); header.writeUInt16LE(0xfffe, 28); header.writeUInt16LE(9, 30);
  const dir = Buffer.alloc(128 * Math.max(4, streams.length + 1));
  ['Root Entry', ...streams].forEach((name, i) => {
    const utf16 = Buffer.from(`${name}\0`, 'utf16le');
    utf16.copy(dir, i * 128);
    dir.writeUInt16LE(utf16.length, i * 128 + 64);
    dir[i * 128 + 66] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, dir]);
}

const sniffed = (b: Uint8Array) => {
  const r = sniffFileType(b);
  return r.ok ? r.type.mime : `refused:${r.reason}`;
};

describe('sniffFileType: accepted types, from their bytes', () => {
  it('recognises a real PDF (pdfkit) by %PDF-', async () => {
    const bytes = await pdf();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sniffed(bytes)).toBe('application/pdf');
  });

  it('recognises PNG, JPEG, GIF, WebP and TIFF images', () => {
    expect(sniffed(png())).toBe('image/png');
    expect(sniffed(JPEG)).toBe('image/jpeg');
    expect(sniffed(GIF)).toBe('image/gif');
    expect(sniffed(WEBP)).toBe('image/webp');
    expect(sniffed(TIFF_LE)).toBe('image/tiff');
    expect(sniffed(TIFF_BE)).toBe('image/tiff');
  });

  it('recognises HEIC photos by their ftyp brands, but not AVIF or MP4 video', () => {
    expect(sniffed(ftyp('heic', ['mif1', 'heic']))).toBe('image/heic');
    expect(sniffed(ftyp('mif1', ['mif1', 'heic']))).toBe('image/heic');
    expect(sniffed(ftyp('avif', ['avif', 'mif1', 'miaf']))).toBe('refused:unknown');
    expect(sniffed(ftyp('mif1', ['avif', 'heic']))).toBe('refused:unknown');
    expect(sniffed(ftyp('isom', ['isom', 'iso2', 'mp41']))).toBe('refused:unknown');
  });

  it('recognises Word, Excel and PowerPoint (OOXML) by the parts inside the ZIP', () => {
    expect(sniffed(docx())).toBe(FILE_TYPES.docx.mime);
    expect(sniffed(zip([['[Content_Types].xml', CONTENT_TYPES], ['xl/workbook.xml', '<workbook/>']]))).toBe(FILE_TYPES.xlsx.mime);
    expect(sniffed(zip([['[Content_Types].xml', CONTENT_TYPES], ['ppt/presentation.xml', '<p/>']]))).toBe(FILE_TYPES.pptx.mime);
    expect(zipEntryNames(docx())).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
  });

  it('recognises a DOCX compressed by the zip command (deflate, real central directory)', (ctx) => {
    let zipCli = true;
    try { execFileSync('zip', ['-v'], { stdio: 'ignore' }); } catch { zipCli = false; }
    if (!zipCli) return ctx.skip();
    const dir = mkdtempSync(path.join(tmpdir(), 'lots-docx-'));
    try {
      mkdirSync(path.join(dir, 'word')); mkdirSync(path.join(dir, '_rels'));
      writeFileSync(path.join(dir, '[Content_Types].xml'), CONTENT_TYPES.repeat(20));
      writeFileSync(path.join(dir, '_rels/.rels'), '<Relationships/>');
      writeFileSync(path.join(dir, 'word/document.xml'), '<w:document>Utredning om behov av hemtjänst</w:document>'.repeat(50));
      execFileSync('zip', ['-q', '-X', '-r', 'out.docx', '[Content_Types].xml', '_rels', 'word'], { cwd: dir });
      const bytes = readFileSync(path.join(dir, 'out.docx'));
      expect(bytes.readUInt16LE(8)).toBe(8); // deflated, so only the central directory names the parts
      expect(sniffed(bytes)).toBe(FILE_TYPES.docx.mime);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('recognises OpenDocument text and spreadsheets by the stored mimetype entry', () => {
    expect(sniffed(zip([['mimetype', 'application/vnd.oasis.opendocument.text'], ['content.xml', '<office:document-content/>']]))).toBe(FILE_TYPES.odt.mime);
    expect(sniffed(zip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'], ['content.xml', '<x/>']]))).toBe(FILE_TYPES.ods.mime);
    expect(sniffed(zip([['mimetype', 'application/vnd.oasis.opendocument.graphics'], ['content.xml', '<x/>']]))).toBe('refused:unknown');
  });

  it('recognises legacy Word and Excel (OLE2) by the stream names in the directory', () => {
    expect(sniffed(ole2(['WordDocument', '1Table', 'SummaryInformation']))).toBe('application/msword');
    expect(sniffed(ole2(['Workbook', 'SummaryInformation']))).toBe('application/vnd.ms-excel');
    expect(sniffed(ole2(['PowerPoint Document']))).toBe('application/vnd.ms-powerpoint');
  });

  it('takes UTF-8 text as text/plain; charset=utf-8 and Windows-1252 text as such', () => {
    expect(sniffed(Buffer.from('Anteckning från hembesök\r\nÅsa är hemma.\n'))).toBe('text/plain; charset=utf-8');
    expect(sniffed(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('Med BOM')]))).toBe('text/plain; charset=utf-8');
    expect(sniffed(Buffer.from([0x48, 0x65, 0x6a, 0x20, 0xc5, 0x73, 0x61]))).toBe('text/plain; charset=windows-1252'); // "Hej Åsa"
  });
});

describe('sniffFileType: refusals', () => {
  it('refuses an empty file', () => {
    expect(sniffed(Buffer.alloc(0))).toBe('refused:empty');
  });

  it('refuses a Linux program (the running Node binary, a real ELF) and a Windows .exe', () => {
    const elf = readFileSync(process.execPath).subarray(0, 4096);
    expect(elf.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(sniffed(elf)).toBe('refused:executable');
    const pe = Buffer.alloc(256); pe.write('MZ', 0); pe.writeUInt16LE(0x90, 2); pe.writeUInt32LE(0x80, 0x3c); pe.write('PE\0\0', 0x80, 'latin1');
    expect(sniffed(pe)).toBe('refused:executable');
    expect(sniffed(Buffer.from('#!/bin/sh\nrm -rf /\n'))).toBe('refused:executable');
  });

  it('refuses HTML, SVG and XML even when they are only text', () => {
    expect(sniffed(Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'))).toBe('refused:markup');
    expect(sniffed(Buffer.from('  \n<html><body>Hej</body></html>'))).toBe('refused:markup');
    expect(sniffed(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBe('refused:markup');
    expect(sniffed(Buffer.from('Hej!\nHär kommer något: <script>fetch("/api")</script>'))).toBe('refused:markup');
    expect(sniffed(Buffer.from('<?xml version="1.0"?><a/>'))).toBe('refused:markup');
    expect(sniffed(Buffer.from('{\\rtf1\\ansi Hej}'))).toBe('refused:markup');
  });

  it('refuses binary data, other archives, installers and macro documents', () => {
    expect(sniffed(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41]))).toBe('refused:unknown');
    expect(sniffed(zip([['program.js', 'console.log(1)']]))).toBe('refused:unknown');
    expect(sniffed(zip([['META-INF/MANIFEST.MF', 'Main-Class: X'], ['X.class', Buffer.from([0xca, 0xfe, 0xba, 0xbe])]]))).toBe('refused:unknown');
    expect(sniffed(ole2(['\u0005SummaryInformation', 'Property']))).toBe('refused:unknown'); // e.g. an MSI installer
    expect(sniffed(zip([['[Content_Types].xml', CONTENT_TYPES], ['word/document.xml', '<w/>'], ['word/vbaProject.bin', 'x']]))).toBe('refused:macro');
    expect(sniffed(ole2(['WordDocument', 'Macros', '_VBA_PROJECT']))).toBe('refused:macro');
    expect(sniffed(ole2(['EncryptionInfo', 'EncryptedPackage']))).toBe('refused:encrypted');
  });

  it('refuses a disguised file whatever its name says: HTML named .pdf stays HTML', () => {
    const html = Buffer.from('<html><body><h1>Faktura</h1></body></html>');
    expect(sniffFileType(html).ok).toBe(false);
    const almostPdf = Buffer.from('PDF-1.7 <html>'); // no leading %
    expect(sniffFileType(almostPdf).ok).toBe(false);
  });
});

describe('declaredTypeMatches', () => {
  it('accepts the type itself, its aliases and generic types', () => {
    expect(declaredTypeMatches('application/pdf', FILE_TYPES.pdf)).toBe(true);
    expect(declaredTypeMatches('Application/PDF; charset=binary', FILE_TYPES.pdf)).toBe(true);
    expect(declaredTypeMatches('application/octet-stream', FILE_TYPES.pdf)).toBe(true);
    expect(declaredTypeMatches(undefined, FILE_TYPES.png)).toBe(true);
    expect(declaredTypeMatches('image/jpg', FILE_TYPES.jpeg)).toBe(true);
    expect(declaredTypeMatches('text/plain; charset=utf-8', FILE_TYPES.textUtf8)).toBe(true);
    expect(declaredTypeMatches('application/zip', FILE_TYPES.docx)).toBe(true);
  });

  it('refuses a specific type that is not what the bytes are', () => {
    expect(declaredTypeMatches('application/pdf', FILE_TYPES.png)).toBe(false);
    expect(declaredTypeMatches('text/html', FILE_TYPES.textUtf8)).toBe(false);
    expect(declaredTypeMatches('image/png', FILE_TYPES.jpeg)).toBe(false);
    expect(declaredTypeMatches('application/zip', FILE_TYPES.pdf)).toBe(false);
  });
});

describe('sanitizeFileName', () => {
  it('keeps a good Swedish name and its extension', () => {
    expect(sanitizeFileName('Läkarintyg Åsa Öberg.pdf', FILE_TYPES.pdf)).toBe('Läkarintyg Åsa Öberg.pdf');
    expect(sanitizeFileName('foto.JPEG', FILE_TYPES.jpeg)).toBe('foto.JPEG');
  });

  it('drops folders, control and reserved characters, and bidi tricks', () => {
    expect(sanitizeFileName('C:\\Users\\eva\\intyg.pdf', FILE_TYPES.pdf)).toBe('intyg.pdf');
    expect(sanitizeFileName('../../etc/passwd', FILE_TYPES.textUtf8)).toBe('passwd.txt');
    expect(sanitizeFileName('a<b>:"c"|d?*.pdf', FILE_TYPES.pdf)).toBe('a_b___c__d__.pdf');
    expect(sanitizeFileName('faktura\u202Efdp.exe', FILE_TYPES.pdf)).toBe('fakturafdp.exe.pdf');
    expect(sanitizeFileName('rad\r\nbrytning.pdf', FILE_TYPES.pdf)).toBe('radbrytning.pdf');
  });

  it('gives the extension of the content, and a name when none is left', () => {
    expect(sanitizeFileName('kvitto.exe', FILE_TYPES.pdf)).toBe('kvitto.exe.pdf');
    expect(sanitizeFileName('bild', FILE_TYPES.png)).toBe('bild.png');
    expect(sanitizeFileName('...', FILE_TYPES.pdf)).toBe('fil.pdf');
    expect(sanitizeFileName('', FILE_TYPES.docx)).toBe('fil.docx');
  });

  it('shortens long names to 150 characters, keeping the extension', () => {
    const name = sanitizeFileName(`${'å'.repeat(400)}.pdf`, FILE_TYPES.pdf);
    expect(name.length).toBe(150);
    expect(name.endsWith('å.pdf')).toBe(true);
  });
});

describe('contentDisposition and previewKind', () => {
  it('sends an ASCII fallback and the exact UTF-8 name (RFC 8187)', () => {
    expect(contentDisposition('inline', 'Läkarintyg (kopia).pdf'))
      .toBe(`inline; filename="Lakarintyg (kopia).pdf"; filename*=UTF-8''L%C3%A4karintyg%20%28kopia%29.pdf`);
    expect(contentDisposition('attachment', 'a"b;c.docx')).toBe(`attachment; filename="a_b_c.docx"; filename*=UTF-8''a%22b%3Bc.docx`);
  });

  it('previews PDFs and browser images only', () => {
    expect(previewKind('application/pdf')).toBe('pdf');
    expect(previewKind('image/png')).toBe('image');
    expect(previewKind('image/tiff')).toBe('none');
    expect(previewKind('text/plain; charset=utf-8')).toBe('none');
  });
});
