// '/systemforvaltare/brevmallar' – the municipality's letter templates: list, create, edit, delete.
// No personal data here; every change is audited on the server as a configuration change.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { LetterTemplateView } from '../../shared/files-api';
import { ApiError } from '../api/client';
import { useAdminTemplates, useDeleteTemplate, useSaveTemplate } from '../files/api';
import { formatDateTime } from '../format';
import { useI18n, type CaseArea } from '../i18n';
import { Icon } from '../ui/Icon';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';
import { useTemplatesT } from './templates-messages';
import '../files/files.css';

const AREAS: CaseArea[] = ['aldreomsorg', 'funktionsstod', 'barn_och_unga', 'vuxen', 'ekonomiskt_bistand', 'familjeratt', 'vald_i_nara_relationer'];

type Editing = { id: string | null; title: string };

export function TemplatesPage() {
  const m = useTemplatesT();
  const { t, lang } = useI18n();
  const templates = useAdminTemplates();
  const remove = useDeleteTemplate();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [removeError, setRemoveError] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);

  const areasText = (areas: string[]) => (areas.length === 0 ? m.allAreas : areas.map((a) => t.caseArea[a as CaseArea] ?? a).join(', '));

  const closeForm = (savedTitle?: string) => {
    const was = editing;
    setEditing(null);
    if (savedTitle) setAnnouncement(m.saved(savedTitle));
    // Back to where the editing started.
    requestAnimationFrame(() => {
      const target = was?.id ? document.getElementById(`edit-${was.id}`) : newButton.current;
      target?.focus();
    });
  };

  return (
    <Page title={m.title} lead={<p>{m.lead}</p>}
      actions={!editing && (
        <button ref={newButton} type="button" className="button" onClick={() => { setEditing({ id: null, title: '' }); setConfirming(null); }}>
          {m.newTemplate}
        </button>
      )}>
      <p className="visually-hidden" role="status" aria-live="polite">{announcement}</p>
      {editing && (
        <TemplateForm key={editing.id ?? 'new'} template={templates.data?.items.find((x) => x.id === editing.id) ?? null}
          onDone={closeForm} />
      )}
      <QueryState query={templates}>
        {(data) => (
          <section className="section" aria-labelledby="templates-h">
            <h2 id="templates-h">{m.listHeading} <span className="count">({m.count(data.items.length)})</span></h2>
            {removeError && <div className="notice notice--error" role="alert"><Icon name="alert" /><p>{removeError}</p></div>}
            {data.items.length === 0 ? <p className="muted">{m.empty}</p> : (
              <ul className="template-list">
                {data.items.map((tpl) => (
                  <li key={tpl.id} className="card">
                    <div className="template-item">
                      <div>
                        <h3>{tpl.title}</h3>
                        <p className="muted">
                          {m.areasLabel}: {areasText(tpl.areas)}. {m.updated(formatDateTime(tpl.updatedAt, lang))}
                        </p>
                      </div>
                      <div className="button-row">
                        <button id={`edit-${tpl.id}`} type="button" className="button button--secondary button--small" aria-label={m.editNamed(tpl.title)}
                          onClick={() => { setEditing({ id: tpl.id, title: tpl.title }); setConfirming(null); window.scrollTo({ top: 0 }); }}>
                          <Icon name="pen" size={16} />{m.edit}
                        </button>
                        <button id={`remove-${tpl.id}`} type="button" className="button button--secondary button--small" aria-label={m.removeNamed(tpl.title)}
                          aria-expanded={confirming === tpl.id} onClick={() => { setConfirming(tpl.id); setRemoveError(null); }}>
                          {m.remove}
                        </button>
                      </div>
                    </div>
                    {confirming === tpl.id && (
                      <ConfirmRemove template={tpl} busy={remove.isPending}
                        onCancel={() => { setConfirming(null); document.getElementById(`remove-${tpl.id}`)?.focus(); }}
                        onConfirm={() => remove.mutate(tpl.id, {
                          onSuccess: () => { setConfirming(null); setAnnouncement(m.removed(tpl.title)); newButton.current?.focus(); },
                          onError: (err) => setRemoveError(`${m.removeFailed}: ${err instanceof ApiError ? (err.detail ?? err.title) : String(err)}`),
                        })} />
                    )}
                    <p className="template-body">{tpl.body}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </QueryState>
    </Page>
  );
}

function ConfirmRemove({ template, busy, onCancel, onConfirm }: { template: LetterTemplateView; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const m = useTemplatesT();
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => { yes.current?.focus(); }, []);
  return (
    <div className="notice notice--warning" role="group" aria-label={m.removeNamed(template.title)}>
      <Icon name="alert" />
      <div className="stack">
        <p>{m.confirmRemove(template.title)}</p>
        <div className="button-row">
          <button ref={yes} type="button" className="button button--small" onClick={onConfirm} disabled={busy}>{m.confirmYes}</button>
          <button type="button" className="button button--secondary button--small" onClick={onCancel}>{m.cancel}</button>
        </div>
      </div>
    </div>
  );
}

function TemplateForm({ template, onDone }: { template: LetterTemplateView | null; onDone: (savedTitle?: string) => void }) {
  const m = useTemplatesT();
  const { t } = useI18n();
  const id = useId();
  const save = useSaveTemplate();
  const [title, setTitle] = useState(template?.title ?? '');
  const [areas, setAreas] = useState<string[]>(template?.areas ?? []);
  const [body, setBody] = useState(template?.body ?? '');
  const [errors, setErrors] = useState<{ title?: string; body?: string; form?: string }>({});
  const heading = useRef<HTMLHeadingElement>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  const bodyInput = useRef<HTMLTextAreaElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => { heading.current?.focus(); }, []);
  useEffect(() => { if (errors.form) summary.current?.focus(); }, [errors.form]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!title.trim()) next.title = m.titleRequired;
    if (!body.trim()) next.body = m.bodyRequired;
    setErrors(next);
    if (next.title) return titleInput.current?.focus();
    if (next.body) return bodyInput.current?.focus();
    save.mutate({ id: template?.id ?? null, body: { title: title.trim(), areas: areas as LetterTemplateView['areas'], body } }, {
      onSuccess: (saved) => onDone(saved.title),
      onError: (err) => {
        if (!(err instanceof ApiError)) return setErrors({ form: String(err) });
        const byPath = (p: string) => err.errors.find((x) => x.path.endsWith(p))?.message;
        setErrors({ form: err.detail ?? err.title, title: byPath('/title'), body: byPath('/body') });
      },
    });
  };

  const toggle = (area: string, on: boolean) => setAreas((all) => (on ? [...all, area] : all.filter((a) => a !== area)));

  return (
    <section className="card section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>{template ? m.formEdit(template.title) : m.formNew}</h2>
      <form className="stack" onSubmit={onSubmit} noValidate>
        {errors.form && (
          <div ref={summary} tabIndex={-1} className="notice notice--error" role="alert">
            <Icon name="alert" />
            <div><p><strong>{m.errorSummary}</strong></p><p lang="sv">{errors.form}</p></div>
          </div>
        )}
        <div className={errors.title ? 'field field--error' : 'field'}>
          <label htmlFor={`${id}-title`}>{m.fieldTitle}</label>
          <p id={`${id}-title-hint`} className="hint">{m.fieldTitleHint}</p>
          {errors.title && <p id={`${id}-title-err`} className="field-error"><Icon name="alert" size={16} />{errors.title}</p>}
          <input ref={titleInput} id={`${id}-title`} type="text" maxLength={200} required value={title}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={errors.title ? `${id}-title-hint ${id}-title-err` : `${id}-title-hint`}
            onChange={(e) => { setTitle(e.target.value); setErrors((x) => ({ ...x, title: undefined })); }} />
        </div>
        <fieldset className="checkbox-group" aria-describedby={`${id}-areas-hint`}>
          <legend>{m.fieldAreas}</legend>
          <p id={`${id}-areas-hint`} className="hint">{m.fieldAreasHint}</p>
          {AREAS.map((a) => (
            <label key={a}>
              <input type="checkbox" checked={areas.includes(a)} onChange={(e) => toggle(a, e.target.checked)} />
              {t.caseArea[a]}
            </label>
          ))}
        </fieldset>
        <div className={errors.body ? 'field field--error' : 'field'}>
          <label htmlFor={`${id}-body`}>{m.fieldBody}</label>
          <p id={`${id}-body-hint`} className="hint">{m.fieldBodyHint}</p>
          {errors.body && <p id={`${id}-body-err`} className="field-error"><Icon name="alert" size={16} />{errors.body}</p>}
          <textarea ref={bodyInput} id={`${id}-body`} rows={16} maxLength={20000} required value={body}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={errors.body ? `${id}-body-hint ${id}-ph ${id}-body-err` : `${id}-body-hint ${id}-ph`}
            onChange={(e) => { setBody(e.target.value); setErrors((x) => ({ ...x, body: undefined })); }} />
        </div>
        <div id={`${id}-ph`}>
          <h3>{m.placeholdersHeading}</h3>
          <dl className="placeholder-list">
            {m.placeholders.map(([code, meaning]) => (
              <div key={code}><dt><code>{code}</code></dt><dd>{meaning}</dd></div>
            ))}
          </dl>
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>{save.isPending ? m.saving : m.save}</button>
          <button type="button" className="button button--secondary" onClick={() => onDone()}>{m.cancel}</button>
        </div>
      </form>
    </section>
  );
}
