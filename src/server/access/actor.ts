// Who is asking: a member of staff (municipality or provider) or a citizen, and from where.

export type StaffRole = 'handlaggare' | 'arbetsledare' | 'systemforvaltare' | 'utforare_personal' | 'utforare_chef';

export interface StaffActor {
  kind: 'staff';
  municipalityId: number;
  userId: string;
  name: string;
  role: StaffRole;
  unitId: string | null;
  providerId: string | null;
}

export interface CitizenActor {
  kind: 'citizen';
  municipalityId: number;
  /** The citizen's own person record, when the municipality has one. */
  personId: string | null;
  idNumber: string;
  name: string;
}

export type Actor = StaffActor | CitizenActor;

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface RequestContext {
  actor: Actor;
  meta: RequestMeta;
}

export type CaseWorker = StaffActor & { role: 'handlaggare' | 'arbetsledare' };
export type ProviderStaff = StaffActor & { role: 'utforare_personal' | 'utforare_chef' };

export function isCaseWorker(actor: Actor): actor is CaseWorker {
  return actor.kind === 'staff' && (actor.role === 'handlaggare' || actor.role === 'arbetsledare');
}

export function isProviderStaff(actor: Actor): actor is ProviderStaff {
  return actor.kind === 'staff' && (actor.role === 'utforare_personal' || actor.role === 'utforare_chef');
}

export function actorId(actor: Actor): string {
  return actor.kind === 'staff' ? actor.userId : `medborgare:${actor.idNumber}`;
}
