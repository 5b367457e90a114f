// '/systemforvaltare/utforare' – the register of providers (utförare): a table of every provider,
// active or not, with add and edit in a form and deactivate/activate. A provider is never removed
// (orders point at it); deactivated, it is no longer offered for new beställningar. No personal
// data. Keyboard: every action is a button; focus moves to the form when it opens and back to the
// button that opened it when it closes; results are announced in a status region, errors in an
// alert with the focus on the first field to fix.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdminProviderBody, AdminProviderList, AdminProviderView, ProviderKind,
} from '../../shared/admin-providers-api';
import { ApiError, api, request } from '../api/client';
import { useI18n, type Lang } from '../i18n';
import { RadioGroup } from '../cases/form';
import { Icon } from '../ui/Icon';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';
import { providersMessages, type ProvidersMessages } from './providers-messages';
import '../cases/cases.css';
import './DelegationPage.css';
import './ProvidersPage.css';

const QUERY_KEY = ['admin', 'providers'] as const;
const KINDS: ProviderKind[] = ['kommunal', 'privat'];
const GROUP_ORDER = ['aldreomsorg', 'funktionsstod', 'barn_och_unga', 'vuxen', 'vald_i_nara_relationer', 'lss'];

type Field = 'name' | 'orgNumber' | 'phone' | 'email' | 'insatser' | 'areas';
type FieldErrors = Partial<Record<Field, string>>;
interface Draft {
  name: string; orgNumber: string; kind: ProviderKind; lov: boolean; phone: string; email: string;
  insatser: string[]; areas: string; active: boolean;
}
interface FormState { mode: 'add' | 'edit'; provider?: AdminProviderView; seq: number }

const EMPTY: Draft = { name: '', orgNumber: '', kind: 'privat', lov: false, phone: '', email: '', insatser: [], areas: '', active: true };

function useProviders() {
  return useQuery({ queryKey: QUERY_KEY, queryFn: ({ signal }) => api.get<AdminProviderList>('/api/admin/providers', signal) });
}

const draftOf = (p: AdminProviderView): Draft => ({
  name: p.name, orgNumber: p.orgNumber, kind: p.kind, lov: p.lov, phone: p.phone ?? '', email: p.email ?? '',
  insatser: [...p.insatser], areas: p.areas.join(', '), active: p.active,
});

const bodyOf = (d: Draft): AdminProviderBody => ({
  name: d.name, orgNumber: d.orgNumber, kind: d.kind, lov: d.lov, phone: d.phone.trim() || null, email: d.email.trim() || null,
  insatser: d.insatser, areas: d.areas.split(',').map((a) => a.trim()).filter(Boolean), active: d.active,
});

function insatsLabel(data: AdminProviderList, lang: Lang, key: string): string {
  const i = data.insatser.find((x) => x.key === key);
  return i ? (lang === 'en' ? i.labelEn : i.labelSv) : key;
}

export function ProvidersPage() {
  const { lang } = useI18n();
  const m = providersMessages(lang);
  const query = useProviders();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState | null>(null);
  const [status, setStatus] = useState('');
  const [confirm, setConfirm] = useState<AdminProviderView | null>(null);
  const [toggleError, setToggleError] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const openCount = useRef(0);

  const openForm = (next: Omit<FormState, 'seq'>, from: HTMLElement | null) => {
    opener.current = from;
    setStatus('');
    setToggleError(null);
    openCount.current += 1;
    setForm({ ...next, seq: openCount.current });
  };
  const refocus = () => {
    const target = opener.current?.isConnected ? opener.current : addButton.current;
    requestAnimationFrame(() => target?.focus());
  };
  const closeForm = () => { setForm(null); refocus(); };

  // Deactivate or activate: the provider as stored, with `active` flipped.
  const toggle = useMutation({
    mutationFn: (p: AdminProviderView) => request<AdminProviderView>('PUT', `/api/admin/providers/${encodeURIComponent(p.id)}`, {
      ...bodyOf(draftOf(p)), active: !p.active,
    }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: QUERY_KEY });
      setStatus(saved.active ? m.activated(saved.name) : m.deactivated(saved.name));
      setConfirm(null);
      setForm((f) => (f?.provider?.id === saved.id ? null : f));
      refocus();
    },
    onError: (err) => setToggleError(err instanceof ApiError ? (err.detail ?? err.title) : String(err)),
  });

  const onToggle = (p: AdminProviderView, el: HTMLElement) => {
    opener.current = el;
    setStatus('');
    setToggleError(null);
    if (p.active) setConfirm(p);
    else toggle.mutate(p);
  };

  return (
    <Page
      title={m.title}
      lead={<><p>{m.lead}</p><p><Link to="/systemforvaltare">{m.backToAdmin}</Link></p></>}
      actions={(
        <button ref={addButton} type="button" className="button" disabled={!query.data}
          onClick={(e) => openForm({ mode: 'add' }, e.currentTarget)}>
          {m.add}
        </button>
      )}
    >
      <div role="status" aria-live="polite" className={status ? 'notice notice--info delegation-status' : 'delegation-status'}>
        {status && <><Icon name="check" /><p>{status}</p></>}
      </div>
      {toggleError && !confirm && <ToggleError m={m} error={toggleError} />}
      <QueryState query={query}>
        {(data) => (
          <div className="stack">
            {form && (
              <ProviderForm
                key={form.seq}
                m={m}
                lang={lang}
                data={data}
                state={form}
                onCancel={closeForm}
                onSaved={(saved, mode) => {
                  setStatus(mode === 'add' ? m.added(saved.name) : m.saved(saved.name));
                  closeForm();
                }}
              />
            )}
            <ProviderTable
              m={m}
              lang={lang}
              data={data}
              pending={toggle.isPending}
              onEdit={(p, el) => openForm({ mode: 'edit', provider: p }, el)}
              onToggle={onToggle}
            />
          </div>
        )}
      </QueryState>
      <ConfirmDeactivate
        m={m}
        provider={confirm}
        pending={toggle.isPending}
        error={confirm ? toggleError : null}
        onConfirm={(p) => toggle.mutate(p)}
        onCancel={() => { setConfirm(null); setToggleError(null); refocus(); }}
      />
    </Page>
  );
}

// ---- the table ---------------------------------------------------------------------------------

function ProviderTable({ m, lang, data, pending, onEdit, onToggle }: {
  m: ProvidersMessages; lang: Lang; data: AdminProviderList; pending: boolean;
  onEdit: (p: AdminProviderView, el: HTMLElement) => void;
  onToggle: (p: AdminProviderView, el: HTMLElement) => void;
}) {
  const active = data.items.filter((p) => p.active).length;
  if (data.items.length === 0) return <p className="muted">{m.empty}</p>;
  return (
    <section className="section" aria-labelledby="providers-table-h">
      <h2 id="providers-table-h" className="visually-hidden">{m.tableCaption}</h2>
      <p>{m.countLine(active, data.items.length - active)}</p>
      <div className="table-scroll">
        <table className="table table--compact providers-table" aria-labelledby="providers-table-h">
          <thead>
            <tr>
              <th scope="col">{m.colName}</th>
              <th scope="col">{m.colKind}</th>
              <th scope="col">{m.colLov}</th>
              <th scope="col">{m.colInsatser}</th>
              <th scope="col">{m.colAreas}</th>
              <th scope="col" className="providers-num">{m.colOrders}</th>
              <th scope="col">{m.colStatus}</th>
              <th scope="col"><span className="visually-hidden">{m.colActions}</span></th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((p) => (
              <tr key={p.id} className={p.active ? undefined : 'providers-row--inactive'}>
                <th scope="row">
                  {p.name}
                  <span className="providers-sub block">{m.orgNumberLabel} {p.orgNumber}</span>
                  {!p.orgNumberValid && (
                    <span className="providers-warning block"><Icon name="alert" size={16} />{m.orgNumberInvalid}</span>
                  )}
                </th>
                <td>{m.kinds[p.kind]}</td>
                <td>{p.lov ? m.yes : m.no}</td>
                <td>
                  {p.insatser.length === 0 ? m.none : (
                    <ul className="providers-list">
                      {p.insatser.map((k) => <li key={k}>{insatsLabel(data, lang, k)}</li>)}
                    </ul>
                  )}
                </td>
                <td>{p.areas.length ? p.areas.join(', ') : m.none}</td>
                <td className="providers-num">{p.activeOrders}</td>
                <td>
                  <span className={p.active ? 'badge badge--signed' : 'badge'}>
                    {p.active ? m.statusActive : m.statusInactive}
                  </span>
                </td>
                <td className="delegation-actions">
                  <div className="button-row">
                    <button type="button" className="button button--secondary button--small" onClick={(e) => onEdit(p, e.currentTarget)}>
                      {m.edit}<span className="visually-hidden"> – {p.name}</span>
                    </button>
                    <button type="button" className="button button--secondary button--small" disabled={pending} onClick={(e) => onToggle(p, e.currentTarget)}>
                      {p.active ? m.deactivate : m.activate}<span className="visually-hidden"> – {p.name}</span>
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// ---- the form ----------------------------------------------------------------------------------

function fieldOf(path: string): Field | null {
  const x = /^body\/(name|orgNumber|phone|email|insatser|areas)/.exec(path);
  return x ? (x[1] as Field) : null;
}

function ProviderForm({ m, lang, data, state, onCancel, onSaved }: {
  m: ProvidersMessages; lang: Lang; data: AdminProviderList; state: FormState;
  onCancel: () => void; onSaved: (saved: AdminProviderView, mode: 'add' | 'edit') => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const refs = {
    name: useRef<HTMLInputElement>(null), orgNumber: useRef<HTMLInputElement>(null), phone: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null), insatser: useRef<HTMLInputElement>(null), areas: useRef<HTMLInputElement>(null),
  };
  const [draft, setDraft] = useState<Draft>(state.provider ? draftOf(state.provider) : EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => { heading.current?.focus(); }, []);

  const save = useMutation({
    mutationFn: (body: AdminProviderBody) => (state.mode === 'add'
      ? api.post<AdminProviderView>('/api/admin/providers', body)
      : request<AdminProviderView>('PUT', `/api/admin/providers/${encodeURIComponent(state.provider?.id ?? '')}`, body)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: QUERY_KEY });
      onSaved(saved, state.mode);
    },
  });

  const order: Field[] = ['name', 'orgNumber', 'phone', 'email', 'insatser', 'areas'];
  const focusFirst = (found: FieldErrors) => {
    const first = order.find((f) => found[f]);
    if (first) refs[first].current?.focus();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    if (!draft.name.trim()) found.name = m.errorName;
    if (!draft.orgNumber.trim()) found.orgNumber = m.errorOrgNumber;
    if (draft.insatser.length === 0) found.insatser = m.errorInsatser;
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length) { focusFirst(found); return; }
    save.mutate(bodyOf(draft), {
      onError: (err) => {
        if (!(err instanceof ApiError)) { setGeneral(String(err)); return; }
        const byField: FieldErrors = {};
        for (const x of err.errors) {
          const f = fieldOf(x.path);
          if (f && !byField[f]) byField[f] = x.message;
        }
        setErrors(byField);
        // Server texts are Swedish and name the field; with field errors the list says it all.
        setGeneral(Object.keys(byField).length ? null : (err.detail ?? err.title));
        focusFirst(byField);
      },
    });
  };

  const toggleInsats = (key: string, on: boolean) =>
    setDraft((d) => ({ ...d, insatser: on ? [...d.insatser, key] : d.insatser.filter((k) => k !== key) }));

  const describe = (...ids: Array<string | false>) => ids.filter(Boolean).join(' ') || undefined;
  const fieldMessages = order.map((f) => errors[f]).filter((x): x is string => Boolean(x));
  const groups = [
    ...GROUP_ORDER.filter((g) => data.insatser.some((i) => i.group === g)),
    ...[...new Set(data.insatser.map((i) => i.group))].filter((g) => !GROUP_ORDER.includes(g)),
  ];
  const known = new Set(data.insatser.map((i) => i.key));
  const firstInsats = data.insatser.find((i) => i.group === groups[0])?.key;

  const text = (field: 'name' | 'orgNumber' | 'phone' | 'email' | 'areas', label: string, hint: string | null,
    attrs: { type?: string; autoComplete?: string; maxLength?: number; inputMode?: 'tel' | 'email' | 'text' | 'numeric'; required?: boolean } = {}) => (
    <div className={errors[field] ? 'field field--error' : 'field'}>
      <label htmlFor={`${id}-${field}`}>{label}</label>
      {hint && <p id={`${id}-${field}-hint`} className="hint">{hint}</p>}
      {errors[field] && <p id={`${id}-${field}-error`} className="field-error"><Icon name="alert" size={16} />{errors[field]}</p>}
      <input
        ref={refs[field]}
        id={`${id}-${field}`}
        name={field}
        type={attrs.type ?? 'text'}
        autoComplete={attrs.autoComplete ?? 'off'}
        maxLength={attrs.maxLength}
        inputMode={attrs.inputMode}
        required={attrs.required}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={describe(Boolean(hint) && `${id}-${field}-hint`, Boolean(errors[field]) && `${id}-${field}-error`)}
        value={draft[field]}
        onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
      />
    </div>
  );

  return (
    <section className="card delegation-form providers-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {state.mode === 'add' ? m.formAddTitle : m.formEditTitle(state.provider?.name ?? '')}
      </h2>
      <div role="alert" className="delegation-alert">
        {(general || fieldMessages.length > 0) && (
          <div className="notice notice--error">
            <Icon name="alert" />
            <div>
              <p><strong>{m.errorSummary}</strong></p>
              {general && <p lang="sv">{general}</p>}
              {fieldMessages.length > 0 && <ul>{fieldMessages.map((msg) => <li key={msg}>{msg}</li>)}</ul>}
            </div>
          </div>
        )}
      </div>
      <form className="stack" onSubmit={onSubmit} noValidate>
        {text('name', m.fieldName, m.fieldNameHint, { maxLength: 200, required: true, autoComplete: 'organization' })}
        {text('orgNumber', m.fieldOrgNumber, m.fieldOrgNumberHint, { maxLength: 20, required: true })}

        <RadioGroup
          legend={m.fieldKind}
          name="kind"
          value={draft.kind}
          options={KINDS.map((kind) => ({ value: kind, label: m.kinds[kind], hint: m.kindHints[kind] }))}
          onChange={(kind) => setDraft((d) => ({ ...d, kind }))}
        />

        <div className="choice">
          <input
            type="checkbox"
            id={`${id}-lov`}
            name="lov"
            checked={draft.lov}
            aria-describedby={`${id}-lov-hint`}
            onChange={(e) => setDraft((d) => ({ ...d, lov: e.target.checked }))}
          />
          <div>
            <label htmlFor={`${id}-lov`}>{m.fieldLov}</label>
            <p id={`${id}-lov-hint`} className="hint">{m.fieldLovHint}</p>
          </div>
        </div>

        {text('phone', m.fieldPhone, null, { type: 'tel', inputMode: 'tel', maxLength: 40, autoComplete: 'off' })}
        {text('email', m.fieldEmail, m.fieldEmailHint, { type: 'email', inputMode: 'email', maxLength: 200, autoComplete: 'off' })}

        <fieldset
          className={errors.insatser ? 'delegation-fieldset field--error' : 'delegation-fieldset'}
          aria-describedby={describe(`${id}-insatser-hint`, Boolean(errors.insatser) && `${id}-insatser-error`)}
        >
          <legend>{m.fieldInsatser}</legend>
          <p id={`${id}-insatser-hint`} className="hint">{m.fieldInsatserHint}</p>
          {errors.insatser && <p id={`${id}-insatser-error`} className="field-error"><Icon name="alert" size={16} />{errors.insatser}</p>}
          {/* A stored key no longer in the catalogue still shows, so it can be unticked. */}
          {draft.insatser.filter((k) => !known.has(k)).map((k) => (
            <div className="choice" key={k}>
              <input type="checkbox" id={`${id}-insats-${k}`} checked onChange={(e) => toggleInsats(k, e.target.checked)} />
              <label htmlFor={`${id}-insats-${k}`}>{k}</label>
            </div>
          ))}
          {groups.map((g) => (
            <fieldset key={g} className="providers-subgroup">
              <legend>{m.insatsGroups[g] ?? g}</legend>
              <div className="choice-list providers-choices">
                {data.insatser.filter((i) => i.group === g).map((i) => (
                  <div className="choice" key={i.key}>
                    <input
                      ref={i.key === firstInsats ? refs.insatser : undefined}
                      type="checkbox"
                      id={`${id}-insats-${i.key}`}
                      name="insatser"
                      value={i.key}
                      checked={draft.insatser.includes(i.key)}
                      aria-invalid={errors.insatser ? true : undefined}
                      onChange={(e) => toggleInsats(i.key, e.target.checked)}
                    />
                    <label htmlFor={`${id}-insats-${i.key}`}>
                      {lang === 'en' ? i.labelEn : i.labelSv} <span className="muted">({i.legalBasisShort})</span>
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          ))}
        </fieldset>

        {text('areas', m.fieldAreas, m.fieldAreasHint, { maxLength: 2000 })}

        {state.mode === 'edit' && (
          <div className="choice">
            <input
              type="checkbox"
              id={`${id}-active`}
              name="active"
              checked={draft.active}
              onChange={(e) => setDraft((d) => ({ ...d, active: e.target.checked }))}
            />
            <label htmlFor={`${id}-active`}>{m.fieldActive}</label>
          </div>
        )}

        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>{save.isPending ? m.saving : m.save}</button>
          <button type="button" className="button button--secondary" onClick={onCancel}>{m.cancel}</button>
        </div>
      </form>
    </section>
  );
}

// ---- deactivate confirmation -----------------------------------------------------------------

/** Deactivation asks first: handläggare lose the provider from their choices. Activation does not. */
function ConfirmDeactivate({ m, provider, pending, error, onConfirm, onCancel }: {
  m: ProvidersMessages; provider: AdminProviderView | null; pending: boolean; error: string | null;
  onConfirm: (p: AdminProviderView) => void; onCancel: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (provider && !el.open) {
      el.showModal();
      cancel.current?.focus();
    } else if (!provider && el.open) {
      el.close();
    }
  }, [provider]);

  return (
    <dialog
      ref={dialog}
      className="delegation-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(e) => { e.preventDefault(); if (!pending) onCancel(); }}
    >
      <div className="stack">
        <h2 id={`${id}-title`}>{provider ? m.confirmTitle(provider.name) : ''}</h2>
        <p id={`${id}-text`}>{provider && m.confirmText(provider.activeOrders)}</p>
        {error && <ToggleError m={m} error={error} />}
        <div className="button-row">
          <button type="button" className="button button--danger" disabled={!provider || pending} onClick={() => provider && onConfirm(provider)}>
            {m.confirmDeactivate}
          </button>
          <button ref={cancel} type="button" className="button button--secondary" disabled={pending} onClick={onCancel}>
            {m.cancel}
          </button>
        </div>
      </div>
    </dialog>
  );
}

function ToggleError({ m, error }: { m: ProvidersMessages; error: string }) {
  return (
    <div className="notice notice--error" role="alert">
      <Icon name="alert" />
      <div><p><strong>{m.toggleFailed}</strong></p><p lang="sv">{error}</p></div>
    </div>
  );
}
