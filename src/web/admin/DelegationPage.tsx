// '/systemforvaltare/delegation' – the delegationsordning: which position may take which decision
// on the nämnd's behalf. A table per law and area; add and edit in a form; delete after a
// confirmation dialog. No personal data. Keyboard: every action is a button; focus moves to the
// form when it opens, back to the button that opened it when it closes, and to the group heading
// after a delete; results are announced in a status region.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DecisionGroup, DelegationBody, DelegationLevel, DelegationList, DelegationOutcome, DelegationRuleView,
} from '../../shared/delegations-api';
import { ApiError, api, request } from '../api/client';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { RadioGroup } from '../cases/form';
import { Icon } from '../ui/Icon';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';
import { delegationMessages, type DelegationMessages } from './delegation-messages';
import '../cases/cases.css';
import './DelegationPage.css';

const GROUPS: DecisionGroup[] = ['sol_aldre_funktionsstod', 'sol_ifo', 'sol_ekonomiskt_bistand', 'sol_utredning', 'lss'];
const LEVELS: DelegationLevel[] = ['handlaggare', 'arbetsledare'];
const OUTCOMES: DelegationOutcome[] = ['bifall', 'delvis_bifall', 'avslag'];
const QUERY_KEY = ['delegations'] as const;

type DecisionTypeInfo = DelegationList['decisionTypes'][number];

interface Draft { decisionType: string; level: DelegationLevel; outcomes: DelegationOutcome[]; unitId: string; note: string }
interface FormState { mode: 'add' | 'edit'; id?: string; draft: Draft; seq: number }
type FieldErrors = Partial<Record<'decisionType' | 'outcomes' | 'unitId' | 'note' | 'level', string>>;

const EMPTY: Draft = { decisionType: '', level: 'handlaggare', outcomes: ['bifall', 'delvis_bifall', 'avslag'], unitId: '', note: '' };

function useDelegations() {
  return useQuery({ queryKey: QUERY_KEY, queryFn: ({ signal }) => api.get<DelegationList>('/api/delegations', signal) });
}

function typeLabel(lang: 'sv' | 'en', info: { labelSv: string; labelEn: string } | undefined, fallback: string): string {
  if (!info) return fallback;
  return lang === 'en' ? info.labelEn : info.labelSv;
}

function outcomeList(m: DelegationMessages, outcomes: readonly DelegationOutcome[]): string {
  return OUTCOMES.filter((o) => outcomes.includes(o)).map((o) => m.outcomes[o]).join(', ');
}

export function DelegationPage() {
  const { lang } = useI18n();
  const m = delegationMessages(lang);
  const query = useDelegations();
  const [form, setForm] = useState<FormState | null>(null);
  const [status, setStatus] = useState('');
  const [confirm, setConfirm] = useState<DelegationRuleView | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const labelOf = (key: string) => typeLabel(lang, query.data?.decisionTypes.find((d) => d.key === key), key);

  const openCount = useRef(0);
  const openForm = (next: Omit<FormState, 'seq'>, from: HTMLElement | null) => {
    opener.current = from;
    setStatus('');
    openCount.current += 1;
    setForm({ ...next, seq: openCount.current });
  };
  const closeForm = () => {
    setForm(null);
    const target = opener.current?.isConnected ? opener.current : addButton.current;
    // after React has removed the form
    requestAnimationFrame(() => target?.focus());
  };

  return (
    <Page
      title={m.title}
      lead={<><p>{m.lead}</p><p><Link to="/systemforvaltare">{m.backToAdmin}</Link></p></>}
      actions={(
        <button
          ref={addButton}
          type="button"
          className="button"
          onClick={(e) => openForm({ mode: 'add', draft: EMPTY }, e.currentTarget)}
          disabled={!query.data}
        >
          {m.addRule}
        </button>
      )}
    >
      <div role="status" aria-live="polite" className={status ? 'notice notice--info delegation-status' : 'delegation-status'}>
        {status && <><Icon name="check" /><p>{status}</p></>}
      </div>
      <QueryState query={query}>
        {(data) => (
          <div className="stack">
            {form && (
              <RuleForm
                key={form.seq}
                m={m}
                lang={lang}
                data={data}
                state={form}
                onCancel={closeForm}
                onSaved={(saved, mode) => {
                  setStatus(mode === 'add' ? m.added(labelOf(saved.decisionType)) : m.saved(labelOf(saved.decisionType)));
                  closeForm();
                }}
              />
            )}
            <LimitsInfo m={m} lang={lang} data={data} />
            {GROUPS.map((group) => (
              <GroupTable
                key={group}
                group={group}
                m={m}
                lang={lang}
                data={data}
                onAdd={(decisionType, el) => openForm({ mode: 'add', draft: { ...EMPTY, decisionType } }, el)}
                onEdit={(rule, el) => openForm({
                  mode: 'edit', id: rule.id,
                  draft: { decisionType: rule.decisionType, level: rule.level, outcomes: [...rule.outcomes], unitId: rule.unitId ?? '', note: rule.note ?? '' },
                }, el)}
                onRemove={(rule, el) => { opener.current = el; setStatus(''); setConfirm(rule); }}
              />
            ))}
          </div>
        )}
      </QueryState>
      <ConfirmRemove
        m={m}
        rule={confirm}
        labelOf={labelOf}
        onClose={(removed) => {
          const rule = confirm;
          setConfirm(null);
          if (removed && rule) {
            setStatus(m.removed(labelOf(rule.decisionType)));
            if (form?.id === rule.id) setForm(null);
            requestAnimationFrame(() => document.getElementById(`delegation-group-${rule.group}`)?.focus());
          } else {
            requestAnimationFrame(() => opener.current?.focus());
          }
        }}
      />
    </Page>
  );
}

// ---- the tables --------------------------------------------------------------------------------

function GroupTable({ group, m, lang, data, onAdd, onEdit, onRemove }: {
  group: DecisionGroup; m: DelegationMessages; lang: 'sv' | 'en'; data: DelegationList;
  onAdd: (decisionType: string, el: HTMLElement) => void;
  onEdit: (rule: DelegationRuleView, el: HTMLElement) => void;
  onRemove: (rule: DelegationRuleView, el: HTMLElement) => void;
}) {
  const headingId = `delegation-group-${group}`;
  const types = data.decisionTypes.filter((d) => d.group === group);
  const known = new Set(data.decisionTypes.map((d) => d.key));
  const rules = data.items.filter((r) => r.group === group);
  // Rules for a type no longer in the catalogue still show, so they can be removed.
  const orphans = rules.filter((r) => !known.has(r.decisionType));
  type Row = { type: DecisionTypeInfo | null; key: string; rule: DelegationRuleView | null };
  const rows: Row[] = [
    ...types.flatMap((t): Row[] => {
      const own = rules.filter((r) => r.decisionType === t.key);
      return own.length ? own.map((rule) => ({ type: t, key: t.key, rule })) : [{ type: t, key: t.key, rule: null }];
    }),
    ...orphans.map((rule) => ({ type: null, key: rule.decisionType, rule })),
  ];

  return (
    <section className="section delegation-group" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {m.groups[group]} <span className="count">({m.rulesCount(rules.length)})</span>
      </h2>
      {rows.length === 0 ? <p className="muted">{m.emptyGroup}</p> : (
        <div className="table-scroll">
          <table className="table table--compact delegation-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{m.colDecisionType}</th>
                <th scope="col">{m.colLevel}</th>
                <th scope="col">{m.colOutcomes}</th>
                <th scope="col">{m.colUnit}</th>
                <th scope="col">{m.colNote}</th>
                <th scope="col"><span className="visually-hidden">{m.colActions}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ type, key, rule }) => {
                const label = rule && !type ? (lang === 'en' ? rule.decisionTypeLabelEn : rule.decisionTypeLabelSv) : typeLabel(lang, type ?? undefined, key);
                if (!rule) {
                  return (
                    <tr key={`${key}:none`} className="delegation-row--none">
                      <th scope="row">{label}</th>
                      <td colSpan={4}>{m.notDelegated}</td>
                      <td className="delegation-actions">
                        <button type="button" className="button button--secondary button--small" onClick={(e) => onAdd(key, e.currentTarget)}>
                          {m.addRule}<span className="visually-hidden"> {lang === 'en' ? 'for' : 'för'} {label}</span>
                        </button>
                      </td>
                    </tr>
                  );
                }
                const level = m.levels[rule.level];
                return (
                  <tr key={rule.id}>
                    <th scope="row">{label}</th>
                    <td>{level}</td>
                    <td>{outcomeList(m, rule.outcomes)}</td>
                    <td>{rule.unitName ?? m.allUnits}</td>
                    <td>
                      {rule.note ?? <span className="muted">{m.noNote}</span>}
                      <span className="delegation-updated block">{m.updatedBy(formatDateTime(rule.updatedAt, lang), rule.updatedBy)}</span>
                    </td>
                    <td className="delegation-actions">
                      <div className="button-row">
                        <button type="button" className="button button--secondary button--small" onClick={(e) => onEdit(rule, e.currentTarget)}>
                          {m.edit}<span className="visually-hidden"> – {label}, {level}</span>
                        </button>
                        <button type="button" className="button button--secondary button--small delegation-remove" onClick={(e) => onRemove(rule, e.currentTarget)}>
                          {m.remove}<span className="visually-hidden"> – {label}, {level}</span>
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function LimitsInfo({ m, lang, data }: { m: DelegationMessages; lang: 'sv' | 'en'; data: DelegationList }) {
  if (data.nonDelegable.length === 0) return null;
  return (
    <details className="panel delegation-limits">
      <summary>{m.limitsTitle}</summary>
      <p>{m.limitsText}</p>
      <ul>
        {data.nonDelegable.map((d) => (
          <li key={d.key}>{lang === 'en' ? d.labelEn : d.labelSv} ({d.decisionBasis}; {d.restriction})</li>
        ))}
      </ul>
    </details>
  );
}

// ---- the form ----------------------------------------------------------------------------------

function fieldOf(path: string): keyof FieldErrors | null {
  const m = /^body\/(decisionType|outcomes|unitId|note|level)/.exec(path);
  return m ? (m[1] as keyof FieldErrors) : null;
}

function RuleForm({ m, lang, data, state, onCancel, onSaved }: {
  m: DelegationMessages; lang: 'sv' | 'en'; data: DelegationList; state: FormState;
  onCancel: () => void; onSaved: (rule: DelegationRuleView, mode: 'add' | 'edit') => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const typeField = useRef<HTMLSelectElement>(null);
  const firstOutcome = useRef<HTMLInputElement>(null);
  const unitField = useRef<HTMLSelectElement>(null);
  const noteField = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<Draft>(state.draft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => { heading.current?.focus(); }, []);

  const save = useMutation({
    mutationFn: (body: DelegationBody) => (state.mode === 'add'
      ? api.post<DelegationRuleView>('/api/admin/delegations', body)
      : request<DelegationRuleView>('PUT', `/api/admin/delegations/${encodeURIComponent(state.id ?? '')}`, body)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: QUERY_KEY });
      onSaved(saved, state.mode);
    },
  });

  const focusField = (field: keyof FieldErrors | undefined) => {
    const target = field === 'decisionType' ? typeField.current
      : field === 'outcomes' ? firstOutcome.current
        : field === 'unitId' ? unitField.current
          : field === 'note' ? noteField.current : null;
    target?.focus();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    if (!draft.decisionType) found.decisionType = m.errorDecisionType;
    if (draft.outcomes.length === 0) found.outcomes = m.errorOutcomes;
    setErrors(found);
    setGeneral(null);
    const first = (['decisionType', 'outcomes'] as const).find((k) => found[k]);
    if (first) { focusField(first); return; }
    save.mutate({
      decisionType: draft.decisionType, level: draft.level, outcomes: OUTCOMES.filter((o) => draft.outcomes.includes(o)),
      unitId: draft.unitId || null, note: draft.note.trim() || null,
    }, {
      onError: (err) => {
        if (!(err instanceof ApiError)) { setGeneral(String(err)); return; }
        const byField: FieldErrors = {};
        for (const x of err.errors) {
          const f = fieldOf(x.path);
          if (f && !byField[f]) byField[f] = x.message;
        }
        setErrors(byField);
        const fields = Object.keys(byField) as Array<keyof FieldErrors>;
        // Server texts are Swedish; the detail explains what to fix.
        setGeneral(err.detail ?? err.title);
        focusField(fields[0]);
      },
    });
  };

  const toggleOutcome = (o: DelegationOutcome, on: boolean) =>
    setDraft((d) => ({ ...d, outcomes: on ? OUTCOMES.filter((x) => x === o || d.outcomes.includes(x)) : d.outcomes.filter((x) => x !== o) }));

  const known = new Set(data.decisionTypes.map((d) => d.key));
  const describe = (...ids: Array<string | false>) => ids.filter(Boolean).join(' ') || undefined;
  const title = state.mode === 'add' ? m.formAddTitle : m.formEditTitle;
  const fieldMessages = Object.values(errors).filter((x): x is string => Boolean(x));

  return (
    <section className="card delegation-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>{title}</h2>
      {/* Announced at once; the focus moves to the first field to fix. */}
      <div role="alert" className="delegation-alert">
        {(general || fieldMessages.length > 0) && (
          <div className="notice notice--error">
            <Icon name="alert" />
            <div>
              <p><strong>{m.errorSummary}</strong></p>
              {general && <p lang="sv">{general}</p>}
              {!general && <ul>{fieldMessages.map((msg) => <li key={msg}>{msg}</li>)}</ul>}
            </div>
          </div>
        )}
      </div>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <div className={errors.decisionType ? 'field field--error' : 'field'}>
          <label htmlFor={`${id}-type`}>{m.fieldDecisionType}</label>
          {errors.decisionType && <p id={`${id}-type-error`} className="field-error"><Icon name="alert" size={16} />{errors.decisionType}</p>}
          <select
            ref={typeField}
            id={`${id}-type`}
            name="decisionType"
            required
            aria-invalid={errors.decisionType ? true : undefined}
            aria-describedby={describe(Boolean(errors.decisionType) && `${id}-type-error`)}
            value={draft.decisionType}
            onChange={(e) => setDraft((d) => ({ ...d, decisionType: e.target.value }))}
          >
            <option value="">{m.chooseDecisionType}</option>
            {draft.decisionType && !known.has(draft.decisionType) && <option value={draft.decisionType}>{draft.decisionType}</option>}
            {GROUPS.map((g) => (
              <optgroup key={g} label={m.groups[g]}>
                {data.decisionTypes.filter((d) => d.group === g).map((d) => (
                  <option key={d.key} value={d.key}>{lang === 'en' ? d.labelEn : d.labelSv}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>

        <RadioGroup
          legend={m.fieldLevel}
          name="level"
          value={draft.level}
          options={LEVELS.map((level) => ({ value: level, label: m.levels[level], hint: m.levelHints[level] }))}
          onChange={(level) => setDraft((d) => ({ ...d, level }))}
        />

        <fieldset
          className={errors.outcomes ? 'delegation-fieldset field--error' : 'delegation-fieldset'}
          aria-describedby={describe(`${id}-outcomes-hint`, Boolean(errors.outcomes) && `${id}-outcomes-error`)}
        >
          <legend>{m.fieldOutcomes}</legend>
          <p id={`${id}-outcomes-hint`} className="hint">{m.fieldOutcomesHint}</p>
          {errors.outcomes && <p id={`${id}-outcomes-error`} className="field-error"><Icon name="alert" size={16} />{errors.outcomes}</p>}
          <div className="choice-list choice-list--inline">
            {OUTCOMES.map((o, i) => (
              <div className="choice" key={o}>
                <input
                  ref={i === 0 ? firstOutcome : undefined}
                  type="checkbox"
                  id={`${id}-outcome-${o}`}
                  name="outcomes"
                  value={o}
                  checked={draft.outcomes.includes(o)}
                  aria-invalid={errors.outcomes ? true : undefined}
                  onChange={(e) => toggleOutcome(o, e.target.checked)}
                />
                <label htmlFor={`${id}-outcome-${o}`}>{m.outcomes[o]}</label>
              </div>
            ))}
          </div>
        </fieldset>

        <div className={errors.unitId ? 'field field--error' : 'field'}>
          <label htmlFor={`${id}-unit`}>{m.fieldUnit}</label>
          <p id={`${id}-unit-hint`} className="hint">{m.fieldUnitHint}</p>
          {errors.unitId && <p id={`${id}-unit-error`} className="field-error"><Icon name="alert" size={16} />{errors.unitId}</p>}
          <select
            ref={unitField}
            id={`${id}-unit`}
            name="unitId"
            aria-invalid={errors.unitId ? true : undefined}
            aria-describedby={describe(`${id}-unit-hint`, Boolean(errors.unitId) && `${id}-unit-error`)}
            value={draft.unitId}
            onChange={(e) => setDraft((d) => ({ ...d, unitId: e.target.value }))}
          >
            <option value="">{m.allUnits}</option>
            {data.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </div>

        <div className={errors.note ? 'field field--error' : 'field'}>
          <label htmlFor={`${id}-note`}>{m.fieldNote}</label>
          <p id={`${id}-note-hint`} className="hint">{m.fieldNoteHint}</p>
          {errors.note && <p id={`${id}-note-error`} className="field-error"><Icon name="alert" size={16} />{errors.note}</p>}
          <input
            ref={noteField}
            type="text"
            id={`${id}-note`}
            name="note"
            maxLength={500}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={describe(`${id}-note-hint`, Boolean(errors.note) && `${id}-note-error`)}
            value={draft.note}
            onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))}
          />
        </div>

        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>{save.isPending ? m.saving : m.save}</button>
          <button type="button" className="button button--secondary" onClick={onCancel}>{m.cancel}</button>
        </div>
      </form>
    </section>
  );
}

// ---- delete confirmation -----------------------------------------------------------------------

function ConfirmRemove({ m, rule, labelOf, onClose }: {
  m: DelegationMessages; rule: DelegationRuleView | null; labelOf: (key: string) => string;
  onClose: (removed: boolean) => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (ruleId: string) => request<void>('DELETE', `/api/admin/delegations/${encodeURIComponent(ruleId)}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: QUERY_KEY });
      onClose(true);
    },
    onError: (err) => setError(err instanceof ApiError ? (err.detail ?? err.title) : String(err)),
  });

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (rule && !el.open) {
      setError(null);
      el.showModal();
      cancel.current?.focus();
    } else if (!rule && el.open) {
      el.close();
    }
  }, [rule]);

  const label = rule ? labelOf(rule.decisionType) : '';
  return (
    <dialog
      ref={dialog}
      className="delegation-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(e) => { e.preventDefault(); if (!remove.isPending) onClose(false); }}
    >
      <div className="stack">
        <h2 id={`${id}-title`}>{m.confirmTitle}</h2>
        <p id={`${id}-text`}>
          {rule && m.confirmText(label, m.levels[rule.level], outcomeList(m, rule.outcomes), rule.unitName ?? m.allUnits)}
        </p>
        {error && (
          <div className="notice notice--error" role="alert">
            <Icon name="alert" />
            <div><p><strong>{m.removeFailed}</strong></p><p lang="sv">{error}</p></div>
          </div>
        )}
        <div className="button-row">
          <button type="button" className="button button--danger" disabled={!rule || remove.isPending} onClick={() => rule && remove.mutate(rule.id)}>
            {m.confirmRemove}
          </button>
          <button ref={cancel} type="button" className="button button--secondary" disabled={remove.isPending} onClick={() => onClose(false)}>
            {m.cancel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
