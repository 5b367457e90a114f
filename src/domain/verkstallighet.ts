// Verkställighet: the life of a beställning (order) from a granted decision to the insats ended.
// One declared machine, used by the server to refuse a step with its reason and by both the
// handläggare's and the provider's screens to offer only the steps that can be taken.
//
//   skickad ──accept──▶ accepterad ──start──▶ pagaende ──avbryt──▶ avbruten ──återuppta──▶ pagaende
//      │                    │                    │                     │
//      └──returnera──▶ returnerad               └──────avsluta─────────┴──▶ avslutad
//   (skickad and accepterad may also be ended by the handläggare, e.g. when the decision ends)
//
// The decision counts as verkställt when the provider reports the start (34 kap. 2 § SoL); an
// interruption that lasts starts the three-month clock again (34 kap. 1 § andra stycket SoL).

export type OrderStatus = 'skickad' | 'accepterad' | 'pagaende' | 'avbruten' | 'avslutad' | 'returnerad';
export type OrderStep = 'acceptera' | 'returnera' | 'paborja' | 'avbryt' | 'ateruppta' | 'avsluta';
export type OrderSide = 'myndighet' | 'utforare';

export interface OrderTransition {
  step: OrderStep;
  from: readonly OrderStatus[];
  to: OrderStatus;
  /** Who takes the step: the provider reports what happens; the handläggare ends what the decision no longer covers. */
  by: readonly OrderSide[];
  labelSv: string;
  /** The input the step must record, checked before the step is taken. */
  needs: readonly ('date' | 'reason')[];
}

export const ORDER_TRANSITIONS: readonly OrderTransition[] = [
  { step: 'acceptera', from: ['skickad'], to: 'accepterad', by: ['utforare'], labelSv: 'Acceptera beställningen', needs: ['date'] },
  { step: 'returnera', from: ['skickad'], to: 'returnerad', by: ['utforare'], labelSv: 'Returnera beställningen', needs: ['reason'] },
  { step: 'paborja', from: ['accepterad'], to: 'pagaende', by: ['utforare'], labelSv: 'Rapportera att insatsen har börjat', needs: ['date'] },
  { step: 'avbryt', from: ['pagaende'], to: 'avbruten', by: ['utforare', 'myndighet'], labelSv: 'Rapportera avbrott', needs: ['date', 'reason'] },
  { step: 'ateruppta', from: ['avbruten'], to: 'pagaende', by: ['utforare', 'myndighet'], labelSv: 'Rapportera att insatsen har återupptagits', needs: ['date'] },
  { step: 'avsluta', from: ['skickad', 'accepterad', 'pagaende', 'avbruten'], to: 'avslutad', by: ['myndighet', 'utforare'], labelSv: 'Avsluta beställningen', needs: ['date', 'reason'] },
];

export const ORDER_STATUS_LABELS_SV: Record<OrderStatus, string> = {
  skickad: 'Skickad', accepterad: 'Accepterad', pagaende: 'Pågående', avbruten: 'Avbruten', avslutad: 'Avslutad', returnerad: 'Returnerad',
};

/** Statuses in which the provider has a reason to know the person (the access gate uses the same list). */
export const ORDER_ACTIVE: readonly OrderStatus[] = ['skickad', 'accepterad', 'pagaende', 'avbruten'];

export type OrderCheck =
  | { ok: true; to: OrderStatus }
  | { ok: false; reason: string };

/** Whether `side` may take `step` on an order in `status`, with the input given. */
export function checkOrderStep(status: OrderStatus, step: OrderStep, side: OrderSide, input: { date?: string | null; reason?: string | null } = {}): OrderCheck {
  const t = ORDER_TRANSITIONS.find((x) => x.step === step);
  if (!t) return { ok: false, reason: 'Okänt steg.' };
  if (!t.by.includes(side)) {
    return { ok: false, reason: side === 'myndighet' ? 'Det steget rapporterar utföraren.' : 'Det steget tas av handläggaren.' };
  }
  if (!t.from.includes(status)) {
    return { ok: false, reason: `Beställningen är ${ORDER_STATUS_LABELS_SV[status].toLowerCase()}; steget "${t.labelSv}" kan inte tas nu.` };
  }
  if (t.needs.includes('date') && !input.date) return { ok: false, reason: 'Ange datum.' };
  if (t.needs.includes('reason') && !input.reason?.trim()) return { ok: false, reason: 'Ange skäl.' };
  return { ok: true, to: t.to };
}

/** The steps `side` may take now, for the screens. */
export function orderStepsFor(status: OrderStatus, side: OrderSide): OrderTransition[] {
  return ORDER_TRANSITIONS.filter((t) => t.from.includes(status) && t.by.includes(side));
}
