// The API contract for the citizens' e-services (issue 5): drafts saved as the citizen types and
// the application for bistånd (äldreomsorg, funktionsstöd: SoL 11 kap. 1 §, LSS 9 §). The server
// validates with these schemas; the web imports only the types.
import { Type, type Static } from 'typebox';
import { IsoDateTime, Nullable, Uuid } from './schema.ts';

export const EServiceKind = Type.Enum(['ansokan_bistand', 'ansokan_forsorjningsstod', 'orosanmalan']);
export type EServiceKind = Static<typeof EServiceKind>;

/** Whom the citizen may apply for: themself, a child in custody, a person who gave them a fullmakt. */
export const ApplicantRelation = Type.Enum(['self', 'vardnadshavare', 'ombud']);
export const EServiceSubject = Type.Object({
  id: Uuid,
  name: Type.String(),
  relation: ApplicantRelation,
  age: Nullable(Type.Integer()),
});
export type EServiceSubject = Static<typeof EServiceSubject>;
export const EServiceSubjects = Type.Object({ subjects: Type.Array(EServiceSubject) });
export type EServiceSubjects = Static<typeof EServiceSubjects>;

// ---- drafts ----
/** Free-form answers saved as the citizen types (validated only when submitted). */
export const DraftContent = Type.Record(Type.String(), Type.Unknown());
export const Draft = Type.Object({
  id: Uuid,
  kind: EServiceKind,
  subjectPersonId: Uuid,
  subjectName: Type.String(),
  content: DraftContent,
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Draft = Static<typeof Draft>;
export const DraftList = Type.Object({ drafts: Type.Array(Draft) });
export type DraftList = Static<typeof DraftList>;
export const NewDraftBody = Type.Object({ kind: EServiceKind, subjectPersonId: Uuid, content: Type.Optional(DraftContent) });
export type NewDraftBody = Static<typeof NewDraftBody>;
export const SaveDraftBody = Type.Object({ version: Type.Integer({ minimum: 1 }), content: DraftContent });
export type SaveDraftBody = Static<typeof SaveDraftBody>;
export const DraftListQuery = Type.Object({ kind: Type.Optional(EServiceKind) });

// ---- ansökan om bistånd ----
const Text = (max: number) => Type.String({ maxLength: max });
export const ContactChannel = Type.Enum(['telefon', 'brev', 'e_post', 'meddelande']);
export type ContactChannel = Static<typeof ContactChannel>;

/** The answers of the form; every field optional here so a draft can hold half an application. */
export const BistandAnswers = Type.Object({
  law: Type.Optional(Type.Enum(['SoL', 'LSS'])),
  requestedInsatser: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 })),
  /** The need in the person's own words. */
  needs: Type.Optional(Text(5000)),
  /** How they manage today. */
  manageToday: Type.Optional(Text(3000)),
  /** Who helps them now (relatives, neighbours, healthcare). */
  helpers: Type.Optional(Text(2000)),
  contactChannel: Type.Optional(ContactChannel),
  phone: Type.Optional(Text(50)),
  email: Type.Optional(Text(200)),
  contactNotes: Type.Optional(Text(1000)),
  /** An interpreter is needed, and in which language. */
  interpreter: Type.Optional(Text(100)),
});
export type BistandAnswers = Static<typeof BistandAnswers>;

export const BistandApplicationBody = Type.Object({
  ...BistandAnswers.properties,
  /** Made when the form was opened; the same key again answers with the same receipt. */
  idempotencyKey: Uuid,
  /** Whom the application is about; taken from the draft when a draft is given. */
  subjectPersonId: Type.Optional(Uuid),
  /** Submit this draft (its saved answers, overridden by any answers in the body). */
  draftId: Type.Optional(Uuid),
});
export type BistandApplicationBody = Static<typeof BistandApplicationBody>;

export const Receipt = Type.Object({
  receiptNumber: Type.String(),
  caseNumber: Type.String(),
  receivedAt: IsoDateTime,
});
export type Receipt = Static<typeof Receipt>;
