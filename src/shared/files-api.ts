// The API contract for files in the personakt (uploads, generated letters) and the
// municipality's letter templates. Server validates with these schemas; the web imports only
// the types (`import type`), so TypeBox stays out of the bundle.
import { Type, type Static } from 'typebox';
import { Uuid, IsoDate, IsoDateTime, Nullable } from './schema.ts';
import { CaseArea } from './api.ts';

const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });

// ---- files -------------------------------------------------------------------------------------
export const CaseFileKind = Type.Enum(['upload', 'beslutsbrev', 'brev']);
export type CaseFileKind = Static<typeof CaseFileKind>;

export const CaseFileView = Type.Object({
  id: Uuid,
  caseId: Uuid,
  /** upload: added by a case worker; beslutsbrev: a decision letter; brev: a letter written from a template. */
  kind: CaseFileKind,
  name: Type.String(),
  /** The type decided from the file's bytes when it was stored. */
  contentType: Type.String(),
  /** Short Swedish name of the type, e.g. 'PDF', 'Word-dokument'. */
  typeLabel: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  uploadedAt: IsoDateTime,
  uploadedBy: Type.String(),
  description: Nullable(Type.String()),
  /** How the web can show it: in the PDF viewer, as an image, or only as a download. */
  preview: Type.Enum(['pdf', 'image', 'none']),
  /** Where the bytes are read (audited). */
  contentUrl: Type.String(),
});
export type CaseFileView = Static<typeof CaseFileView>;

export const CaseFileList = Type.Object({ items: Type.Array(CaseFileView) });
export type CaseFileList = Static<typeof CaseFileList>;

export const UploadQuery = Type.Object({
  name: Text(255, 1),
  description: Type.Optional(Text(500)),
});
export type UploadQuery = Static<typeof UploadQuery>;

export const FileIdParams = Type.Object({ fileId: Uuid });

// ---- letter templates ----------------------------------------------------------------------------
export const LetterTemplateView = Type.Object({
  id: Uuid,
  title: Type.String(),
  /** The case areas the template is meant for; empty means all areas. */
  areas: Type.Array(CaseArea),
  body: Type.String(),
  updatedAt: IsoDateTime,
});
export type LetterTemplateView = Static<typeof LetterTemplateView>;

export const LetterTemplateList = Type.Object({ items: Type.Array(LetterTemplateView) });
export type LetterTemplateList = Static<typeof LetterTemplateList>;

export const LetterTemplateQuery = Type.Object({ area: Type.Optional(CaseArea) });

export const LetterTemplateBody = Type.Object({
  title: Text(200, 1),
  areas: Type.Array(CaseArea, { maxItems: 7, uniqueItems: true }),
  body: Text(20000, 1),
});
export type LetterTemplateBody = Static<typeof LetterTemplateBody>;

// ---- letters written in a case -------------------------------------------------------------------
/** Placeholders a template may contain; the server fills them from the case. */
export type LetterPlaceholder = 'namn' | 'personnummer' | 'arendenummer' | 'handlaggare' | 'datum' | 'svarsdatum';

export const NewLetterBody = Type.Object({
  templateId: Type.Optional(Uuid),
  title: Text(200, 1),
  body: Text(20000, 1),
  /** Fills {svarsdatum} (e.g. the last day to reply to a kommunicering, 25 § FL). */
  replyBy: Type.Optional(IsoDate),
});
export type NewLetterBody = Static<typeof NewLetterBody>;

export const LetterPreview = Type.Object({
  title: Type.String(),
  body: Type.String(),
  /** Placeholders the server could not fill (e.g. svarsdatum without replyBy). */
  missing: Type.Array(Type.String()),
  /** Words in braces that are not placeholders, e.g. {namnn}. */
  unknown: Type.Array(Type.String()),
});
export type LetterPreview = Static<typeof LetterPreview>;
