// The provider's steps on an order (accept with a start date, return with a reason, report the
// start, an interruption, the resumption): one inline form per step, offered only when the
// server's machine allows it (ProviderOrder.steps). A refused step shows the server's reason.
import { useState, type FormEvent } from 'react';
import type { ProviderOrder, StepOption } from '../../shared/provider-api';
import { Disclosure, Field, ProblemAlert, fieldErrors, useToday } from '../cases/form';
import { providerApi, useOrderMutation } from './queries';
import { useProviderMessages } from './messages';

function StepForm({ order, option, close, onDone }: { order: ProviderOrder; option: StepOption; close: () => void; onDone: (text: string) => void }) {
  const m = useProviderMessages();
  const today = useToday();
  const needsDate = option.needs.includes('date');
  const needsReason = option.needs.includes('reason');
  const [date, setDate] = useState(option.step === 'acceptera' ? (order.startOn > today ? order.startOn : today) : today);
  const [reason, setReason] = useState('');
  const mutation = useOrderMutation(order.id, () => providerApi.step(order.id, option.step, {
    ...(needsDate ? { date } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}), version: order.version,
  }), ['order', 'plans']);
  const errors = fieldErrors(mutation.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutateAsync().then(() => { close(); onDone(m.stepDone[option.step]); }, () => undefined);
  };
  const limits = option.step === 'acceptera' ? { min: today } : option.step === 'returnera' ? {} : { max: today };
  return (
    <form className="cs-step-form" onSubmit={submit} noValidate>
      {m.stepHint[option.step] && <p className="hint">{m.stepHint[option.step]}</p>}
      {needsDate && (
        <Field label={m.stepDate[option.step]} error={errors.date}>
          {(p) => <input {...p} type="date" required value={date} {...limits} onChange={(e) => setDate(e.target.value)} />}
        </Field>
      )}
      {(needsReason || option.step === 'acceptera') && (
        <Field label={<>{m.stepReason[option.step]} {!needsReason && <span className="muted">{m.optional}</span>}</>} error={errors.reason}>
          {(p) => <textarea {...p} rows={3} required={needsReason} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      )}
      <ProblemAlert error={mutation.error} />
      <div className="button-row">
        <button type="submit" className="button" disabled={mutation.isPending}>{mutation.isPending ? m.saving : m.step[option.step]}</button>
        <button type="button" className="button button--secondary" onClick={close}>{m.cancel}</button>
      </div>
    </form>
  );
}

/** All steps the provider can take on the order now. */
export function OrderSteps({ order, onDone, only }: { order: ProviderOrder; onDone: (text: string) => void; only?: StepOption['step'][] }) {
  const m = useProviderMessages();
  const steps = order.steps.filter((s) => !only || only.includes(s.step));
  if (steps.length === 0) return <p className="muted">{m.noSteps}</p>;
  return (
    <div className="pv-steps">
      {steps.map((s) => (
        <Disclosure key={s.step} label={m.step[s.step]} variant={s.step === 'acceptera' || s.step === 'paborja' ? 'primary' : 'secondary'}>
          {(close) => <StepForm order={order} option={s} close={close} onDone={onDone} />}
        </Disclosure>
      ))}
    </div>
  );
}
