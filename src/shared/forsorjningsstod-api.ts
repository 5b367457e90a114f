// The API contract for the e-service "Ansökan om försörjningsstöd" (12 kap. 1 § SoL, issue 5) and
// the structured application the handläggare finds in the case's intake. The form's answers are
// saved in the generic e-service draft (src/shared/e-services-api.ts) and read with
// src/domain/forsorjningsstod-application.ts. The server validates with these schemas; the web
// imports only the types.
import { Type, type Static } from 'typebox';
import { IsoDateTime, Nullable, Uuid } from './schema.ts';
import { DraftContent, Receipt } from './e-services-api.ts';

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'ÅÅÅÅ-MM' });
const Amount = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const Who = Type.Enum(['applicant', 'co_applicant']);

// ---- attachments ----
export const AttachmentKind = Type.Enum(['hyra', 'lon', 'ersattning', 'kontoutdrag', 'el', 'ovrigt']);
export const FsAttachment = Type.Object({
  id: Uuid,
  kind: AttachmentKind,
  name: Type.String(),
  contentType: Type.String(),
  /** Short Swedish name of the type, e.g. 'PDF', 'JPEG-bild'. */
  typeLabel: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  uploadedAt: IsoDateTime,
  /** Where the bytes are read (the applicant, or the co-applicant while asked to confirm; audited). */
  url: Type.String(),
});
export type FsAttachment = Static<typeof FsAttachment>;
export const FsAttachmentList = Type.Object({ items: Type.Array(FsAttachment) });
export type FsAttachmentList = Static<typeof FsAttachmentList>;
export const AttachmentUploadQuery = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  kind: AttachmentKind,
});

// ---- the applicant's drafts ----
/** draft: being filled in; awaiting_co_applicant: sent to the partner; declined: the partner said no (see reason); submitted: a case. */
export const FsState = Type.Enum(['draft', 'awaiting_co_applicant', 'declined', 'submitted']);
export type FsState = Static<typeof FsState>;

export const FsDraftSummary = Type.Object({
  id: Uuid,
  month: Nullable(Type.String()),
  state: FsState,
  updatedAt: IsoDateTime,
});
export type FsDraftSummary = Static<typeof FsDraftSummary>;

export const FsOverview = Type.Object({
  /** My applications not yet sent as a case (being filled in, with my partner, or declined). */
  drafts: Type.Array(FsDraftSummary),
  /** My latest sent application, from which next month's can start. */
  previous: Nullable(Type.Object({ draftId: Uuid, month: Nullable(Type.String()), submittedAt: IsoDateTime })),
});
export type FsOverview = Static<typeof FsOverview>;

export const NewFsDraftBody = Type.Object({
  month: Month,
  /** Start from my previous application: household and recurring costs are copied. */
  fromPrevious: Type.Optional(Type.Boolean()),
});
export type NewFsDraftBody = Static<typeof NewFsDraftBody>;

export const FsDraft = Type.Object({
  id: Uuid,
  version: Type.Integer(),
  content: DraftContent,
  state: FsState,
  updatedAt: IsoDateTime,
  /** The partner who is asked (or was asked) to confirm; only once the personnummer matched the registered relation. */
  coApplicant: Nullable(Type.Object({ name: Type.String(), requestedAt: IsoDateTime })),
  /** When the partner declined: why, in their words. */
  declined: Nullable(Type.Object({ reason: Type.String(), at: IsoDateTime })),
  attachments: Type.Array(FsAttachment),
  /** Once sent: the receipt (the same for the applicant and the co-applicant). */
  receipt: Nullable(Receipt),
});
export type FsDraft = Static<typeof FsDraft>;

export const SendBody = Type.Object({
  /** The draft version shown on the summary: a draft changed since must be looked at again. */
  version: Type.Integer({ minimum: 1 }),
  /** Made when the form was opened; the same key again answers with the same receipt. */
  idempotencyKey: Uuid,
});
export type SendBody = Static<typeof SendBody>;

export const SendResult = Type.Object({
  state: Type.Enum(['awaiting_co_applicant', 'submitted']),
  receipt: Nullable(Receipt),
  coApplicantName: Nullable(Type.String()),
});
export type SendResult = Static<typeof SendResult>;

// ---- the co-applicant ----
export const ConfirmationState = Type.Enum(['awaiting_co_applicant', 'confirmed', 'declined', 'withdrawn']);
export const ConfirmationSummary = Type.Object({
  id: Uuid,
  applicantName: Type.String(),
  month: Nullable(Type.String()),
  requestedAt: IsoDateTime,
});
export type ConfirmationSummary = Static<typeof ConfirmationSummary>;
export const ConfirmationList = Type.Object({ items: Type.Array(ConfirmationSummary) });
export type ConfirmationList = Static<typeof ConfirmationList>;

export const ConfirmationView = Type.Object({
  id: Uuid,
  state: ConfirmationState,
  applicantName: Type.String(),
  relation: Type.Enum(['make_maka', 'registrerad_partner', 'sambo']),
  requestedAt: IsoDateTime,
  /** The draft version being confirmed (sent back with the confirmation). */
  version: Type.Integer(),
  content: DraftContent,
  attachments: Type.Array(FsAttachment),
  receipt: Nullable(Receipt),
  declineReason: Nullable(Type.String()),
});
export type ConfirmationView = Static<typeof ConfirmationView>;

export const ConfirmBody = Type.Object({ version: Type.Integer({ minimum: 1 }) });
export type ConfirmBody = Static<typeof ConfirmBody>;
export const DeclineBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) });
export type DeclineBody = Static<typeof DeclineBody>;

// ---- in the case (the handläggare's view) ----
export const FsIntake = Type.Object({
  month: Type.String(),
  applicant: Type.Object({ personId: Uuid, name: Type.String() }),
  coApplicant: Nullable(Type.Object({
    personId: Uuid, name: Type.String(), relation: Type.Enum(['make_maka', 'registrerad_partner', 'sambo']), confirmedAt: IsoDateTime,
  })),
  children: Type.Array(Type.Object({ firstName: Type.String(), age: Type.Integer(), livesHerePercent: Type.Integer() })),
  incomes: Type.Array(Type.Object({ who: Who, kind: Type.String(), amount: Amount, note: Nullable(Type.String()) })),
  costs: Type.Array(Type.Object({ kind: Type.String(), amount: Amount, note: Nullable(Type.String()) })),
  assets: Type.Array(Type.Object({ kind: Type.String(), has: Type.Boolean(), text: Nullable(Type.String()) })),
  otherInfo: Nullable(Type.String()),
  sums: Type.Object({ incomeApplicant: Type.Integer(), incomeCoApplicant: Type.Integer(), incomeTotal: Type.Integer(), costTotal: Type.Integer() }),
  /** The attachments, now files in the case's personakt. */
  attachments: Type.Array(Type.Object({ fileId: Uuid, kind: Type.String(), name: Type.String(), contentType: Type.String(), size: Type.Integer() })),
  receiptNumber: Type.String(),
  submittedAt: IsoDateTime,
});
export type FsIntake = Static<typeof FsIntake>;
