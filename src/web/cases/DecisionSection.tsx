// Beslut: one decision per insats. Drafts (utkast) are written while the case is investigated; the
// one who holds the delegation signs them all at once ("Fatta beslut och skapa beslutsbrev", 31 §
// FL) or, without delegation, sends them as a proposal to the arbetsledare or the nämnd.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Catalogue, CaseDetail, DecisionDetail, DecisionDraftBody, Outcome, ProposeResult, SignResult } from '../../shared/cases-api';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { OutcomeBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { Fact, Section } from './FactsSections';
import { Disclosure, Field, ProblemAlert, RadioGroup, Sv, fieldErrors, useStatusMessage, useToday } from './form';
import { useCaseMessages } from './messages';
import { caseApi, useCaseChange, useCatalogue, useDecisionAction } from './queries';
import type { Insats } from './util';

type Announce = (text: ReactNode) => void;

function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.').replace(/kr$/i, '');
  if (!cleaned) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

function defaultInsats(detail: CaseDetail): string {
  const used = new Set(detail.decisions.map((d) => d.insatsKey));
  const requested = (detail.intake.requestedInsatser ?? []).filter((k) => detail.insatsOptions.includes(k) && !used.has(k));
  if (requested[0]) return requested[0];
  const open = detail.insatsOptions.filter((k) => !used.has(k));
  return open.length === 1 ? open[0]! : '';
}

function DraftForm({ detail, catalogue, existing, onDone, onCancel }: {
  detail: CaseDetail; catalogue: Catalogue; existing?: DecisionDetail; onDone: () => void; onCancel?: () => void;
}) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  const today = useToday();
  const change = useCaseChange(detail.id);
  const [insatsKey, setInsatsKey] = useState(existing?.insatsKey ?? defaultInsats(detail));
  const [outcome, setOutcome] = useState<Outcome | null>(existing?.outcome ?? null);
  const [scope, setScope] = useState(existing?.scope ?? '');
  const [validFrom, setValidFrom] = useState(existing?.validFrom ?? today);
  const [validTo, setValidTo] = useState(existing?.validTo ?? '');
  const [amount, setAmount] = useState(existing?.amountSek != null ? String(existing.amountSek) : '');
  const [motivation, setMotivation] = useState(existing?.motivation ?? '');
  const [followUpOn, setFollowUpOn] = useState(existing?.followUpOn ?? '');
  const [tried, setTried] = useState(false);

  const options = detail.insatsOptions.map((k) => catalogue.insatser.find((i) => i.key === k)).filter((i): i is Insats => Boolean(i));
  const insats = options.find((i) => i.key === insatsKey);
  const requested = new Set(detail.intake.requestedInsatser ?? []);
  const avslag = outcome === 'avslag';
  const errors = fieldErrors(change.error);
  const need = (ok: boolean, text: string) => (tried && !ok ? text : undefined);
  const amountValue = parseAmount(amount);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!insatsKey || !outcome || !motivation.trim()) return;
    if (!avslag && !validFrom) return;
    if (insats?.hasAmount && !avslag && amountValue === null) return;
    const body: DecisionDraftBody = {
      insatsKey, outcome, motivation: motivation.trim(),
      scope: avslag ? null : scope.trim() || null,
      validFrom: avslag ? null : validFrom || null,
      validTo: avslag ? null : validTo || null,
      amountSek: insats?.hasAmount && !avslag ? amountValue : null,
      followUpOn: avslag ? null : followUpOn || null,
    };
    change.mutate(() => (existing ? caseApi.updateDraft(detail.id, existing.id, body) : caseApi.createDraft(detail.id, body)), { onSuccess: onDone });
  };

  return (
    <form className="stack cs-draft-form" onSubmit={onSubmit} noValidate>
      <Field label={m.insats} error={errors.insatsKey ?? need(Boolean(insatsKey), m.chooseInsats)}>
        {(p) => (
          <select {...p} value={insatsKey} onChange={(e) => setInsatsKey(e.target.value)} required>
            <option value="">{m.chooseInsats}</option>
            {options.map((i) => (
              <option key={i.key} value={i.key}>
                {lang === 'sv' ? i.labelSv : i.labelEn} ({i.legalBasisShort}){requested.has(i.key) ? ` ${m.requestedMark}` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <RadioGroup
        legend={m.outcome}
        name="outcome"
        value={outcome}
        inline
        required
        error={errors.outcome ?? need(Boolean(outcome), m.outcome)}
        onChange={setOutcome}
        options={(['bifall', 'delvis_bifall', 'avslag'] as const).map((o) => ({ value: o, label: m.outcomeLabel[o], hint: m.outcomeHint[o] }))}
      />
      {!avslag && (
        <>
          <Field label={m.scope} hint={insats?.scopeHint ? m.scopeHint(insats.scopeHint) : m.scopeFree} error={errors.scope}>
            {(p) => <input {...p} type="text" value={scope} onChange={(e) => setScope(e.target.value)} maxLength={500} />}
          </Field>
          <div className="cs-row">
            <Field label={m.validFrom} error={errors.validFrom ?? need(Boolean(validFrom), m.validFrom)}>
              {(p) => <input {...p} type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} required />}
            </Field>
            <Field label={<>{m.validTo} <span className="muted">{m.optional}</span></>} hint={m.validToHint} error={errors.validTo}>
              {(p) => <input {...p} type="date" min={validFrom || undefined} value={validTo} onChange={(e) => setValidTo(e.target.value)} />}
            </Field>
            {insats?.hasAmount && (
              <Field label={m.amount} hint={m.amountHint} error={errors.amountSek ?? need(amountValue !== null, m.amount)}>
                {(p) => <input {...p} type="text" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} required />}
              </Field>
            )}
          </div>
        </>
      )}
      <Field label={m.motivation} hint={m.motivationHint} error={errors.motivation ?? need(Boolean(motivation.trim()), m.motivation)}>
        {(p) => <textarea {...p} className="cs-grow" rows={4} value={motivation} onChange={(e) => setMotivation(e.target.value)} required />}
      </Field>
      {!avslag && (
        <Field label={<>{m.followUpOn} <span className="muted">{m.optional}</span></>} hint={m.followUpHint} error={errors.followUpOn} className="cs-narrow">
          {(p) => <input {...p} type="date" min={today} value={followUpOn} onChange={(e) => setFollowUpOn(e.target.value)} />}
        </Field>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={change.isPending}>{m.saveDraft}</button>
        {onCancel && <button type="button" className="button button--secondary" onClick={onCancel}>{m.cancel}</button>}
      </div>
      <ProblemAlert error={change.error} />
    </form>
  );
}

function DecisionCard({ d, detail, catalogue, announce }: { d: DecisionDetail; detail: CaseDetail; catalogue: Catalogue; announce: Announce }) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  const remove = useCaseChange(detail.id);
  const fmt = (iso: string | null) => (iso ? formatDate(iso, lang) : '');
  const draft = d.status !== 'fattat';
  const editable = draft && detail.status === 'utredning';
  const insatsName = d.insatsKey ? (catalogue.insatser.find((i) => i.key === d.insatsKey)?.[lang === 'sv' ? 'labelSv' : 'labelEn'] ?? d.insats) : d.insats;
  return (
    <li className={`cs-decision cs-decision--${d.status}`}>
      <div className="cs-decision-head">
        <h4>{insatsName}</h4>
        <span className="cs-badges">
          <OutcomeBadge outcome={d.outcome} />
          <span className={`badge ${d.status === 'fattat' ? 'badge--signed' : 'badge--unsigned'}`}>
            <Icon name={d.status === 'fattat' ? 'check' : 'pen'} size={14} />
            {d.status === 'forslag' && d.proposedTo ? m.proposedToText(m.proposedTo[d.proposedTo] ?? d.proposedTo) : m.statusLabel[d.status]}
          </span>
        </span>
      </div>
      <dl className="facts facts--compact">
        {d.scope && <Fact label={m.scope}><Sv>{d.scope}</Sv></Fact>}
        {(d.validFrom || d.validTo) && <Fact label={m.period}>{fmt(d.validFrom)} – {d.validTo ? fmt(d.validTo) : m.untilFurther}</Fact>}
        {d.amountSek !== null && <Fact label={m.amount}>{d.amountSek.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB')}</Fact>}
        {d.followUpOn && <Fact label={m.followUpOn}>{fmt(d.followUpOn)}</Fact>}
        <Fact label={m.legalBasis}><Sv>{d.legalBasisText}</Sv></Fact>
      </dl>
      <details className="motivation">
        <summary>{m.motivation}</summary>
        <p className="pre-line"><Sv>{d.motivation}</Sv></p>
      </details>
      <p className="cs-meta muted">
        {d.status === 'fattat' && d.decidedOn
          ? <>{m.decidedOnBy(fmt(d.decidedOn), d.decidedBy ?? '')}{d.decidedCapacity && ` ${m.capacity[d.decidedCapacity]}`}{d.namndProtocol && `, ${m.protocol(d.namndProtocol)}`}</>
          : d.draftedBy && m.draftedBy(d.draftedBy)}
      </p>
      {editable && (
        <div className="cs-decision-actions">
          <Disclosure label={m.editDraft} small>
            {(close) => (
              <DraftForm detail={detail} catalogue={catalogue} existing={d} onCancel={close}
                onDone={() => { close(); announce(m.draftSaved); }} />
            )}
          </Disclosure>
          <button type="button" className="button button--secondary button--small" disabled={remove.isPending}
            onClick={() => remove.mutate(() => caseApi.deleteDraft(detail.id, d.id), { onSuccess: () => announce(m.draftDeleted) })}>
            {m.deleteDraft}
            <span className="visually-hidden"> – {insatsName}</span>
          </button>
        </div>
      )}
      <ProblemAlert error={remove.error} />
    </li>
  );
}

function NamndForm({ detail, announce }: { detail: CaseDetail; announce: Announce }) {
  const m = useCaseMessages();
  const today = useToday();
  const sign = useDecisionAction<SignResult>(detail.id);
  const [protocol, setProtocol] = useState('');
  const [decidedOn, setDecidedOn] = useState(today);
  const errors = fieldErrors(sign.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!protocol.trim()) return;
    sign.mutate(() => caseApi.sign(detail.id, { namndProtocol: protocol.trim(), decidedOn }), { onSuccess: () => announce(<SignedText />) });
  };
  return (
    <form className="stack" onSubmit={onSubmit}>
      <h3>{m.namndTitle}</h3>
      <div className="cs-row">
        <Field label={m.namndProtocol} hint={m.namndProtocolHint} error={errors.namndProtocol}>
          {(p) => <input {...p} type="text" value={protocol} onChange={(e) => setProtocol(e.target.value)} required maxLength={200} />}
        </Field>
        <Field label={m.namndDate} error={errors.decidedOn}>
          {(p) => <input {...p} type="date" max={today} value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} required />}
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={sign.isPending}>{m.namndSubmit}</button>
      </div>
      <ProblemAlert error={sign.error} />
    </form>
  );
}

function SignedText() {
  const m = useCaseMessages();
  return <>{m.signed} <a href="#beslutsbrev">{m.letters}</a></>;
}

function SignArea({ detail, announce }: { detail: CaseDetail; announce: Announce }) {
  const m = useCaseMessages();
  const sign = useDecisionAction<SignResult>(detail.id);
  const propose = useDecisionAction<ProposeResult>(detail.id);
  const drafts = detail.decisions.filter((d) => d.status !== 'fattat');
  if (drafts.length === 0) return null;
  const step = detail.steps.find((s) => s.step === 'fatta_beslut');
  const toNamnd = drafts.every((d) => d.status === 'forslag' && d.proposedTo === 'namnd');
  const allProposed = drafts.every((d) => d.status === 'forslag');
  const proposeTo = detail.signing.proposeTo ?? 'arbetsledare';

  if (step && !step.allowed) {
    return (
      <div className="cs-sign cs-sign--blocked">
        <h3>{m.signTitle}</h3>
        <div className="cs-alert cs-alert--warning">
          <Icon name="clock" />
          <div>
            <strong>{m.cannotDecideYet}</strong>
            <p><Sv>{step.reason}</Sv>{step.legalBasis && <span className="legal"> ({step.legalBasis})</span>}</p>
          </div>
        </div>
      </div>
    );
  }
  if (toNamnd) return <div className="cs-sign"><NamndForm detail={detail} announce={announce} /></div>;
  return (
    <div className="cs-sign">
      <h3>{m.signTitle}</h3>
      {detail.signing.canSign ? (
        <>
          <p>{m.signLead(drafts.length)}</p>
          <button type="button" className="button button--large" disabled={sign.isPending}
            onClick={() => sign.mutate(() => caseApi.sign(detail.id), { onSuccess: () => announce(<SignedText />) })}>
            <Icon name="pen" />
            {sign.isPending ? m.signing : m.signButton}
          </button>
          <ProblemAlert error={sign.error} />
        </>
      ) : (
        <>
          {detail.signing.reason && <p className="cs-pending"><Icon name="info" size={16} /><Sv>{detail.signing.reason}</Sv></p>}
          {allProposed ? (
            <p><strong>{m.alreadyProposed(m.proposedTo[drafts[0]?.proposedTo ?? proposeTo] ?? proposeTo)}</strong></p>
          ) : (
            <button type="button" className="button button--large" disabled={propose.isPending}
              onClick={() => propose.mutate(() => caseApi.propose(detail.id), {
                onSuccess: (r) => announce(m.proposed(m.proposedTo[r.proposedTo] ?? r.proposedTo)),
              })}>
              {m.proposeButton(m.proposedTo[proposeTo] ?? proposeTo)}
            </button>
          )}
          <ProblemAlert error={propose.error} />
        </>
      )}
    </div>
  );
}

export function DecisionSection({ detail }: { detail: CaseDetail }) {
  const m = useCaseMessages();
  const catalogue = useCatalogue();
  const status = useStatusMessage();
  const announce: Announce = (text) => status.show(text);
  const drafts = detail.decisions.filter((d) => d.status !== 'fattat');
  const taken = detail.decisions.filter((d) => d.status === 'fattat');
  const drafting = detail.status === 'utredning';
  return (
    <Section id="beslut" title={m.decisions}>
      {status.node}
      {drafting && <p className="hint">{m.decisionsLead}</p>}
      {catalogue.data && (
        <>
          {drafts.length > 0 && (
            <div className="cs-subsection">
              <h3>{m.drafts}</h3>
              <ul className="cs-decisions">
                {drafts.map((d) => <DecisionCard key={d.id} d={d} detail={detail} catalogue={catalogue.data} announce={announce} />)}
              </ul>
            </div>
          )}
          {drafting && (drafts.length === 0 ? (
            <div className="cs-subsection">
              <h3>{m.newDraft}</h3>
              <DraftForm key={detail.decisions.length} detail={detail} catalogue={catalogue.data} onDone={() => announce(m.draftSaved)} />
            </div>
          ) : detail.insatsOptions.length > drafts.length && (
            <Disclosure label={m.addDraft}>
              {(close) => <DraftForm detail={detail} catalogue={catalogue.data} onCancel={close} onDone={() => { close(); announce(m.draftSaved); }} />}
            </Disclosure>
          ))}
          <SignArea detail={detail} announce={announce} />
          {taken.length > 0 && (
            <div className="cs-subsection">
              <h3>{m.takenDecisions}</h3>
              <ul className="cs-decisions">
                {taken.map((d) => <DecisionCard key={d.id} d={d} detail={detail} catalogue={catalogue.data} announce={announce} />)}
              </ul>
            </div>
          )}
        </>
      )}
      {!drafting && detail.decisions.length === 0 && <p className="muted">{m.notInvestigating}</p>}
    </Section>
  );
}
