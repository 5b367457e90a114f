// Genomförandeplan: the current version (a draft is edited here, then signed) and earlier
// versions read-only. Signing makes the version immutable; a change is a new version.
import { useState, type FormEvent } from 'react';
import type { PlanBody, PlanGoal, PlanPart, PlanView } from '../../shared/provider-api';
import { isApiError } from '../api/client';
import { Field, ProblemAlert, fieldErrors } from '../cases/form';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { QueryState } from '../ui/Status';
import { useProviderMessages } from './messages';
import { providerApi, useOrderMutation, usePlans } from './queries';

function PlanRead({ plan }: { plan: PlanView }) {
  const m = useProviderMessages();
  const { lang } = useI18n();
  return (
    <div className="pv-plan">
      <h4>{m.planGoals}</h4>
      <ol className="pv-goals">
        {plan.goals.map((g, i) => <li key={i}>{g.goal}{g.fromDecision && <span className="badge pv-from-decision"> {m.fromDecision}</span>}</li>)}
      </ol>
      <h4>{m.planParts}</h4>
      <div className="table-scroll" role="region" aria-label={m.planParts} tabIndex={0}>
        <table className="table table--compact">
          <thead><tr><th scope="col">{m.what}</th><th scope="col">{m.how}</th><th scope="col">{m.when}</th><th scope="col">{m.who}</th></tr></thead>
          <tbody>{plan.parts.map((p, i) => <tr key={i}><th scope="row">{p.what}</th><td className="pre-line">{p.how}</td><td>{p.when}</td><td>{p.who}</td></tr>)}</tbody>
        </table>
      </div>
      <h4>{m.participation}</h4>
      <p className="pre-line">{plan.participation || '–'}</p>
      {plan.followUpOn && <p><strong>{m.followUpOn}:</strong> {formatDate(plan.followUpOn, lang)}</p>}
    </div>
  );
}

function PlanEditor({ orderId, plan, onDone }: { orderId: string; plan: PlanView; onDone: (text: string) => void }) {
  const m = useProviderMessages();
  const [goals, setGoals] = useState<PlanGoal[]>(plan.goals);
  const [parts, setParts] = useState<PlanPart[]>(plan.parts.length ? plan.parts : [{ what: '', how: '', when: '', who: '' }]);
  const [participation, setParticipation] = useState(plan.participation);
  const [followUpOn, setFollowUpOn] = useState(plan.followUpOn ?? '');
  const body = (): PlanBody => ({
    updatedAt: plan.updatedAt,
    goals: goals.filter((g) => g.goal.trim()).map((g) => ({ ...g, goal: g.goal.trim() })),
    parts: parts.filter((p) => p.what.trim()).map((p) => ({ what: p.what.trim(), how: p.how.trim(), when: p.when.trim(), who: p.who.trim() })),
    participation, followUpOn: followUpOn || null,
  });
  const save = useOrderMutation(orderId, () => providerApi.savePlan(orderId, plan.id, body()), ['plans']);
  const sign = useOrderMutation(orderId, async () => {
    await providerApi.savePlan(orderId, plan.id, body());
    return providerApi.signPlan(orderId, plan.id);
  }, ['plans']);
  const error = save.error ?? sign.error;
  const errors = fieldErrors(error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutateAsync().then(() => onDone(m.planSaved), () => undefined);
  };
  const setGoal = (i: number, v: string) => setGoals(goals.map((g, j) => (j === i ? { ...g, goal: v } : g)));
  const setPart = (i: number, k: keyof PlanPart, v: string) => setParts(parts.map((p, j) => (j === i ? { ...p, [k]: v } : p)));
  return (
    <form onSubmit={submit} noValidate className="pv-plan-form">
      <fieldset className="cs-fieldset">
        <legend>{m.planGoals}</legend>
        {goals.map((g, i) => (
          <div key={i} className="pv-row">
            <Field label={<>{m.planGoal(i + 1)}{g.fromDecision && <span className="muted"> ({m.fromDecision})</span>}</>} className="pv-grow">
              {(p) => <textarea {...p} rows={2} value={g.goal} onChange={(e) => setGoal(i, e.target.value)} />}
            </Field>
            <button type="button" className="button button--secondary button--small" onClick={() => setGoals(goals.filter((_, j) => j !== i))}>
              {m.remove}<span className="visually-hidden"> {m.planGoal(i + 1)}</span>
            </button>
          </div>
        ))}
        <button type="button" className="button button--secondary button--small" onClick={() => setGoals([...goals, { goal: '', fromDecision: false }])}>{m.addGoal}</button>
      </fieldset>
      <fieldset className="cs-fieldset">
        <legend>{m.planParts}</legend>
        {parts.map((p, i) => (
          <fieldset key={i} className="cs-fieldset pv-part">
            <legend>{m.part(i + 1)}</legend>
            <Field label={m.what}>{(a) => <input {...a} type="text" value={p.what} onChange={(e) => setPart(i, 'what', e.target.value)} />}</Field>
            <Field label={m.how}>{(a) => <textarea {...a} rows={2} value={p.how} onChange={(e) => setPart(i, 'how', e.target.value)} />}</Field>
            <div className="pv-row">
              <Field label={m.when} className="pv-grow">{(a) => <input {...a} type="text" value={p.when} onChange={(e) => setPart(i, 'when', e.target.value)} />}</Field>
              <Field label={m.who} className="pv-grow">{(a) => <input {...a} type="text" value={p.who} onChange={(e) => setPart(i, 'who', e.target.value)} />}</Field>
            </div>
            <button type="button" className="button button--secondary button--small" onClick={() => setParts(parts.filter((_, j) => j !== i))}>
              {m.remove}<span className="visually-hidden"> {m.part(i + 1)}</span>
            </button>
          </fieldset>
        ))}
        <button type="button" className="button button--secondary button--small" onClick={() => setParts([...parts, { what: '', how: '', when: '', who: '' }])}>{m.addPart}</button>
      </fieldset>
      <Field label={m.participation} hint={m.participationHint} error={errors.participation}>
        {(p) => <textarea {...p} rows={4} value={participation} onChange={(e) => setParticipation(e.target.value)} />}
      </Field>
      <Field label={<>{m.followUpOn} <span className="muted">{m.optional}</span></>} error={errors.followUpOn}>
        {(p) => <input {...p} type="date" value={followUpOn} onChange={(e) => setFollowUpOn(e.target.value)} />}
      </Field>
      <ProblemAlert error={error} />
      {isApiError(error, 409) && <p className="hint">{m.planSignHint}</p>}
      <div className="button-row">
        <button type="submit" className="button button--secondary" disabled={save.isPending || sign.isPending}>{save.isPending ? m.saving : m.planSave}</button>
        <button type="button" className="button" disabled={save.isPending || sign.isPending} aria-describedby={`sign-hint-${plan.id}`}
          onClick={() => sign.mutateAsync().then(() => onDone(m.planSignedDone), () => undefined)}>{m.planSign}</button>
      </div>
      <p id={`sign-hint-${plan.id}`} className="hint">{m.planSignHint}</p>
    </form>
  );
}

function PlanMeta({ plan }: { plan: PlanView }) {
  const m = useProviderMessages();
  const { lang } = useI18n();
  return (
    <p className="muted">
      <span className={plan.status === 'signerad' ? 'badge badge--signed' : 'badge badge--unsigned'}>{plan.status === 'signerad' ? m.planSigned : m.planDraft}</span>{' '}
      {plan.status === 'signerad' && plan.signedAt
        ? m.planSignedBy(plan.signedBy ?? '', formatDateTime(plan.signedAt, lang))
        : m.planCreatedBy(plan.createdBy, formatDateTime(plan.createdAt, lang))}
    </p>
  );
}

export function PlanSection({ orderId, canWrite, onDone }: { orderId: string; canWrite: boolean; onDone: (text: string) => void }) {
  const m = useProviderMessages();
  const query = usePlans(orderId);
  const create = useOrderMutation(orderId, () => providerApi.newPlan(orderId), ['plans']);
  return (
    <QueryState query={query}>
      {({ items }) => {
        const [current, ...older] = items;
        return (
          <>
            <p>{m.planLead}</p>
            {!current && <p className="muted">{m.planNone}</p>}
            {canWrite && (!current || current.status === 'signerad') && (
              <div className="button-row">
                <button type="button" className="button" disabled={create.isPending}
                  onClick={() => create.mutateAsync().then(() => onDone(m.planCreated), () => undefined)}>
                  {current ? m.planNewVersion : m.planNew}
                </button>
              </div>
            )}
            <ProblemAlert error={create.error} />
            {current && (
              <article className="card pv-plan-card" aria-labelledby={`plan-${current.id}`}>
                <h3 id={`plan-${current.id}`}>{m.planVersion(current.version)}</h3>
                <PlanMeta plan={current} />
                {current.status === 'utkast' && canWrite
                  ? <PlanEditor key={current.updatedAt} orderId={orderId} plan={current} onDone={onDone} />
                  : <PlanRead plan={current} />}
              </article>
            )}
            {older.length > 0 && (
              <details className="pv-older">
                <summary>{m.olderVersions} ({older.length})</summary>
                {older.map((p) => (
                  <article key={p.id} className="card" aria-labelledby={`plan-${p.id}`}>
                    <h4 id={`plan-${p.id}`}>{m.planVersion(p.version)}</h4>
                    <PlanMeta plan={p} />
                    <PlanRead plan={p} />
                  </article>
                ))}
              </details>
            )}
          </>
        );
      }}
    </QueryState>
  );
}

