// What a file really is, decided from its bytes (magic numbers and container structure), never
// from the name or the Content-Type the browser sent. Only types a case file may be are
// recognised; everything else (executables, HTML, SVG, scripts, archives, macro documents) is
// refused. Pure: no I/O, usable on the server and in tests.

export type FileFamily = 'pdf' | 'image' | 'text' | 'office';

export interface SniffedType {
  /** The exact Content-Type stored and served (text carries its charset). */
  mime: string;
  /** The extension the stored file name gets, without the dot. */
  extension: string;
  /** Other extensions that already name this type correctly. */
  extensions: readonly string[];
  /** Short name for people: 'PDF', 'PNG-bild', 'Word-dokument'. */
  labelSv: string;
  family: FileFamily;
  /** Whether browsers show it themselves (PDF viewer, <img>), so it is served inline. */
  inline: boolean;
  /** Content-Types a browser may send for this type (besides the generic ones). */
  declaredAs: readonly string[];
}

export type RefusalReason = 'empty' | 'unknown' | 'markup' | 'executable' | 'macro' | 'encrypted';
export type SniffResult = { ok: true; type: SniffedType } | { ok: false; reason: RefusalReason };

const T = (t: SniffedType) => t;

export const FILE_TYPES = {
  pdf: T({ mime: 'application/pdf', extension: 'pdf', extensions: ['pdf'], labelSv: 'PDF', family: 'pdf', inline: true, declaredAs: ['application/pdf', 'application/x-pdf'] }),
  png: T({ mime: 'image/png', extension: 'png', extensions: ['png'], labelSv: 'PNG-bild', family: 'image', inline: true, declaredAs: ['image/png', 'image/x-png'] }),
  jpeg: T({ mime: 'image/jpeg', extension: 'jpg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], labelSv: 'JPEG-bild', family: 'image', inline: true, declaredAs: ['image/jpeg', 'image/jpg', 'image/pjpeg'] }),
  gif: T({ mime: 'image/gif', extension: 'gif', extensions: ['gif'], labelSv: 'GIF-bild', family: 'image', inline: true, declaredAs: ['image/gif'] }),
  webp: T({ mime: 'image/webp', extension: 'webp', extensions: ['webp'], labelSv: 'WebP-bild', family: 'image', inline: true, declaredAs: ['image/webp'] }),
  // Browsers do not show TIFF or HEIC themselves: stored and offered as downloads.
  tiff: T({ mime: 'image/tiff', extension: 'tif', extensions: ['tif', 'tiff'], labelSv: 'TIFF-bild', family: 'image', inline: false, declaredAs: ['image/tiff', 'image/tif', 'image/x-tiff'] }),
  heic: T({ mime: 'image/heic', extension: 'heic', extensions: ['heic', 'heif'], labelSv: 'HEIC-bild', family: 'image', inline: false, declaredAs: ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'] }),
  textUtf8: T({ mime: 'text/plain; charset=utf-8', extension: 'txt', extensions: ['txt', 'text', 'csv', 'log', 'md'], labelSv: 'Textfil', family: 'text', inline: false, declaredAs: ['text/plain', 'text/csv', 'text/markdown', 'text/tab-separated-values'] }),
  textLatin: T({ mime: 'text/plain; charset=windows-1252', extension: 'txt', extensions: ['txt', 'text', 'csv', 'log', 'md'], labelSv: 'Textfil', family: 'text', inline: false, declaredAs: ['text/plain', 'text/csv', 'text/markdown', 'text/tab-separated-values'] }),
  docx: T({ mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', extensions: ['docx'], labelSv: 'Word-dokument', family: 'office', inline: false, declaredAs: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'] }),
  xlsx: T({ mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', extensions: ['xlsx'], labelSv: 'Excel-arbetsbok', family: 'office', inline: false, declaredAs: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] }),
  pptx: T({ mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx', extensions: ['pptx'], labelSv: 'PowerPoint-presentation', family: 'office', inline: false, declaredAs: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'] }),
  doc: T({ mime: 'application/msword', extension: 'doc', extensions: ['doc'], labelSv: 'Word-dokument (äldre format)', family: 'office', inline: false, declaredAs: ['application/msword'] }),
  xls: T({ mime: 'application/vnd.ms-excel', extension: 'xls', extensions: ['xls'], labelSv: 'Excel-arbetsbok (äldre format)', family: 'office', inline: false, declaredAs: ['application/vnd.ms-excel'] }),
  ppt: T({ mime: 'application/vnd.ms-powerpoint', extension: 'ppt', extensions: ['ppt'], labelSv: 'PowerPoint-presentation (äldre format)', family: 'office', inline: false, declaredAs: ['application/vnd.ms-powerpoint'] }),
  odt: T({ mime: 'application/vnd.oasis.opendocument.text', extension: 'odt', extensions: ['odt'], labelSv: 'OpenDocument-text', family: 'office', inline: false, declaredAs: ['application/vnd.oasis.opendocument.text'] }),
  ods: T({ mime: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods', extensions: ['ods'], labelSv: 'OpenDocument-kalkylblad', family: 'office', inline: false, declaredAs: ['application/vnd.oasis.opendocument.spreadsheet'] }),
} as const;

/** For the error message: which files are accepted, in words. */
export const ALLOWED_TYPES_SV =
  'PDF, bilder (PNG, JPEG, GIF, WebP, TIFF, HEIC), textfiler (.txt), Word, Excel och PowerPoint (.docx, .xlsx, .pptx, .doc, .xls, .ppt) och OpenDocument (.odt, .ods)';

/** Largest file accepted (bytes). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

// Content-Types that say nothing about the content: the bytes alone decide.
const GENERIC_DECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown', 'application/x-unknown']);
const ZIP_DECLARED = ['application/zip', 'application/x-zip-compressed', 'application/x-zip'];
const OLE_DECLARED = ['application/vnd.ms-office', 'application/x-ole-storage', 'application/x-msi-free-ole'];

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));
const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** Decides what the bytes are. */
export function sniffFileType(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const b = bytes;
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return ok(FILE_TYPES.pdf); // %PDF-
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ok(FILE_TYPES.png);
  if (startsWith(b, [0xff, 0xd8, 0xff])) return ok(FILE_TYPES.jpeg);
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return ok(FILE_TYPES.gif);
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return ok(FILE_TYPES.webp);
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return ok(FILE_TYPES.tiff);
  if (ascii(b, 4, 8) === 'ftyp') return isHeic(b) ? ok(FILE_TYPES.heic) : { ok: false, reason: 'unknown' };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return sniffOle2(b);
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(b);
  if (isExecutable(b)) return { ok: false, reason: 'executable' };
  return sniffText(b);
}

function ok(type: SniffedType): SniffResult {
  return { ok: true, type };
}

// Windows PE (MZ), ELF, Mach-O (32/64, both byte orders, fat), Java class, WebAssembly.
function isExecutable(b: Uint8Array): boolean {
  // "MZ" alone could start a text; a DOS/PE header has binary bytes right after it.
  const mz = startsWith(b, [0x4d, 0x5a]) && b.subarray(2, 64).some((x) => x < 0x09);
  return mz || startsWith(b, [0x7f, 0x45, 0x4c, 0x46])
    || [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]].some((s) => startsWith(b, s))
    || startsWith(b, [0x00, 0x61, 0x73, 0x6d]);
}

// ISO base media file: the ftyp box names a major brand and compatible brands. HEIC/HEIF still
// images, not AVIF (not accepted) and not video (mp4, mov).
function isHeic(b: Uint8Array): boolean {
  const boxSize = Math.min(u32(b, 0) >>> 0, b.length, 256);
  const brands: string[] = [ascii(b, 8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(b, at, at + 4));
  if (brands.includes('avif') || brands.includes('avis')) return false;
  return brands.some((x) => ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis'].includes(x));
}

// ---- OLE2 compound files (legacy Office) -------------------------------------------------------

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) { out[i * 2] = s.charCodeAt(i) & 0xff; out[i * 2 + 1] = s.charCodeAt(i) >> 8; }
  return out;
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  outer: for (let i = hay.indexOf(first!, from); i !== -1 && i + needle.length <= hay.length; i = hay.indexOf(first!, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * A compound file's directory holds its stream names in UTF-16LE, NUL-terminated. The stream
 * names say which application wrote it: WordDocument (Word), Workbook/Book (Excel),
 * "PowerPoint Document". Installers (MSI), Outlook messages and the like have none of them.
 */
function sniffOle2(b: Uint8Array): SniffResult {
  const has = (name: string) => indexOfBytes(b, utf16le(`${name}\0`), 512) !== -1;
  if (has('EncryptedPackage') || has('EncryptionInfo')) return { ok: false, reason: 'encrypted' };
  if (has('_VBA_PROJECT') || has('Macros') || has('_VBA_PROJECT_CUR')) return { ok: false, reason: 'macro' };
  if (has('WordDocument')) return ok(FILE_TYPES.doc);
  if (has('Workbook') || has('Book')) return ok(FILE_TYPES.xls);
  if (has('PowerPoint Document')) return ok(FILE_TYPES.ppt);
  return { ok: false, reason: 'unknown' };
}

// ---- ZIP containers (OOXML, OpenDocument) ------------------------------------------------------

/** Names in a ZIP file's central directory, or null if the file is not a readable ZIP. */
export function zipEntryNames(b: Uint8Array): string[] | null {
  // End of central directory: 22 bytes plus a comment of at most 65 535 bytes, at the very end.
  const lowest = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= lowest; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const count = u16(b, eocd + 10);
  const cdOffset = u32(b, eocd + 16);
  if (cdOffset === 0xffffffff || cdOffset >= b.length) return null; // zip64 or damaged
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8');
  let at = cdOffset;
  for (let n = 0; n < count && n < 20_000; n++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) return null;
    const nameLen = u16(b, at + 28);
    const extraLen = u16(b, at + 30);
    const commentLen = u16(b, at + 32);
    if (at + 46 + nameLen > b.length) return null;
    names.push(decoder.decode(b.subarray(at + 46, at + 46 + nameLen)));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

const ODF_MIMETYPES: Record<string, SniffedType> = {
  'application/vnd.oasis.opendocument.text': FILE_TYPES.odt,
  'application/vnd.oasis.opendocument.spreadsheet': FILE_TYPES.ods,
};

function sniffZip(b: Uint8Array): SniffResult {
  const names = zipEntryNames(b);
  if (!names) return { ok: false, reason: 'unknown' };
  // OpenDocument: the first entry is "mimetype", stored uncompressed, holding the media type.
  if (u32(b, 0) === 0x04034b50 && u16(b, 8) === 0 && u16(b, 26) === 8 && ascii(b, 30, 38) === 'mimetype') {
    const start = 30 + 8 + u16(b, 28);
    const mimetype = ascii(b, start, start + u32(b, 18));
    const type = ODF_MIMETYPES[mimetype];
    if (!type) return { ok: false, reason: 'unknown' };
    if (names.some((n) => n.startsWith('Basic/') || n.startsWith('Scripts/'))) return { ok: false, reason: 'macro' };
    return ok(type);
  }
  // Office Open XML: [Content_Types].xml plus the application's part folder.
  if (!names.includes('[Content_Types].xml')) return { ok: false, reason: 'unknown' };
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return { ok: false, reason: 'macro' };
  if (names.some((n) => n.startsWith('word/'))) return ok(FILE_TYPES.docx);
  if (names.some((n) => n.startsWith('xl/'))) return ok(FILE_TYPES.xlsx);
  if (names.some((n) => n.startsWith('ppt/'))) return ok(FILE_TYPES.pptx);
  return { ok: false, reason: 'unknown' };
}

// ---- plain text --------------------------------------------------------------------------------

// Markup a browser could run or render if it ever second-guessed the type: never stored as text.
const MARKUP = /<(?:!doctype|html|head|body|script|iframe|object|embed|svg|math|meta|link|style|form|img|a\s|\?xml)|javascript:|\{\\rtf/i;
// Bytes that Windows-1252 leaves undefined.
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function sniffText(b: Uint8Array): SniffResult {
  // Control characters other than tab, line feed, form feed and carriage return mean binary data.
  for (const byte of b) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) return { ok: false, reason: 'unknown' };
  }
  let text: string;
  let type: SniffedType = FILE_TYPES.textUtf8;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    if (b.some((byte) => CP1252_UNDEFINED.has(byte))) return { ok: false, reason: 'unknown' };
    text = new TextDecoder('windows-1252').decode(b);
    type = FILE_TYPES.textLatin;
  }
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('#!')) return { ok: false, reason: 'executable' };
  if (head.startsWith('<') || MARKUP.test(head.slice(0, 16_384))) return { ok: false, reason: 'markup' };
  return ok(type);
}

// ---- what the browser said -------------------------------------------------------------------------

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaTypeOf(header: string | undefined | null): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Whether the Content-Type the client sent agrees with what the bytes are. A generic type
 * (application/octet-stream, none) agrees with anything; a specific one must name this type.
 */
export function declaredTypeMatches(declared: string | undefined | null, type: SniffedType): boolean {
  const media = mediaTypeOf(declared);
  if (GENERIC_DECLARED.has(media)) return true;
  if (type.declaredAs.includes(media)) return true;
  if (['docx', 'xlsx', 'pptx', 'odt', 'ods'].includes(type.extension) && ZIP_DECLARED.includes(media)) return true;
  if (['doc', 'xls', 'ppt'].includes(type.extension) && OLE_DECLARED.includes(media)) return true;
  return false;
}

// ---- names ---------------------------------------------------------------------------------------

const MAX_NAME = 150;

// Control characters, and the invisible format characters used to disguise names (bidi overrides
// make "fil\u202Efdp.exe" look like "filexe.pdf").
function isInvisible(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x200b && cp <= 0x200f)
    || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0xfeff;
}

/**
 * A file name safe to store and to put in a Content-Disposition header: no folders, no control
 * or reserved characters, at most 150 characters, ending in an extension that fits the
 * content (added when the given one does not, e.g. "kvitto.exe" holding a PDF → "kvitto.exe.pdf").
 */
export function sanitizeFileName(name: string, type: SniffedType): string {
  let base = (name ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  base = Array.from(base).filter((ch) => !isInvisible(ch.codePointAt(0)!)).join('')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const dot = base.lastIndexOf('.');
  const given = dot > 0 ? base.slice(dot + 1) : '';
  const fits = type.extensions.includes(given.toLowerCase());
  let stem = fits ? base.slice(0, dot) : base;
  const extension = fits ? given : type.extension;
  if (stem === '') stem = 'fil';
  const room = MAX_NAME - extension.length - 1;
  if (stem.length > room) stem = Array.from(stem).slice(0, room).join('').trimEnd();
  return `${stem}.${extension}`;
}

/**
 * Content-Disposition per RFC 6266 / RFC 8187: an ASCII fallback name and the exact UTF-8 name.
 * `inline` lets the browser show PDFs and images; everything else is downloaded.
 */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\;%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** How the web shows a stored type: PDF viewer, <img>, or only as a download. */
export function previewKind(mime: string): 'pdf' | 'image' | 'none' {
  const media = mediaTypeOf(mime);
  if (media === 'application/pdf') return 'pdf';
  if (['image/png', 'image/jpeg', 'image/gif', 'image/webp'].includes(media)) return 'image';
  return 'none';
}
