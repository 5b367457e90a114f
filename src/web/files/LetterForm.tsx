// "Skriv brev": choose a template, let the server fill the placeholders from the case, edit the
// text, and create the letter as a PDF in the personakt.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CaseFileView, LetterPreview, NewLetterBody } from '../../shared/files-api';
import { ApiError } from '../api/client';
import { Icon } from '../ui/Icon';
import { useCreateLetter, useLetterTemplates, usePreviewLetter } from './api';
import { useFilesT } from './messages';

const BRACKETS = /\[[^\]\n]{1,80}\]/;
const REPLY_PLACEHOLDER = /\{svarsdatum\}/i;

interface Props { id: string; caseId: string; area?: string; onCancel: () => void; onCreated: (file: CaseFileView) => void }

export function LetterForm({ id, caseId, area, onCancel, onCreated }: Props) {
  const m = useFilesT();
  const fid = useId();
  const templates = useLetterTemplates(area);
  const previewLetter = usePreviewLetter(caseId);
  const createLetter = useCreateLetter(caseId);
  const [templateId, setTemplateId] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [replyBy, setReplyBy] = useState('');
  const [filled, setFilled] = useState<LetterPreview | null>(null);
  const [errors, setErrors] = useState<{ title?: string; body?: string; replyBy?: string; form?: string }>({});
  const heading = useRef<HTMLHeadingElement>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  const bodyInput = useRef<HTMLTextAreaElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => { heading.current?.focus(); }, []);
  // A refusal from the server is shown above the form and gets focus, so it is read out.
  useEffect(() => { if (errors.form) summary.current?.focus(); }, [errors.form]);

  const needsReplyDate = REPLY_PLACEHOLDER.test(title) || REPLY_PLACEHOLDER.test(body) || replyBy !== '';
  const request = (): NewLetterBody => ({
    ...(templateId ? { templateId } : {}), title, body, ...(replyBy ? { replyBy } : {}),
  });

  const chooseTemplate = (value: string) => {
    setTemplateId(value);
    setFilled(null);
    const t = templates.data?.items.find((x) => x.id === value);
    if (t) { setTitle(t.title); setBody(t.body); }
  };

  const serverError = (err: unknown) => {
    if (!(err instanceof ApiError)) return setErrors({ form: String(err) });
    const byPath = (p: string) => err.errors.find((e) => e.path.endsWith(p))?.message;
    setErrors({ form: err.detail ?? err.title, replyBy: byPath('replyBy'), title: byPath('title') });
  };

  const fillIn = () => {
    setErrors({});
    previewLetter.mutate(request(), {
      onSuccess: (r) => { setTitle(r.title); setBody(r.body); setFilled(r); },
      onError: serverError,
    });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!title.trim()) next.title = m.titleRequired;
    if (!body.trim()) next.body = m.bodyRequired;
    else if (BRACKETS.test(body) || BRACKETS.test(title)) next.body = m.brackets;
    setErrors(next);
    if (next.title) return titleInput.current?.focus();
    if (next.body) return bodyInput.current?.focus();
    createLetter.mutate(request(), { onSuccess: onCreated, onError: serverError });
  };

  const fieldClass = (err?: string) => (err ? 'field field--error' : 'field');
  const errorText = (key: string, text?: string) => text && (
    <p id={`${fid}-${key}-err`} className="field-error"><Icon name="alert" size={16} />{text}</p>
  );

  return (
    <section id={id} className="panel letter-form" aria-labelledby={`${fid}-h`}>
      <h3 id={`${fid}-h`} ref={heading} tabIndex={-1}>{m.letterHeading}</h3>
      <form className="stack" onSubmit={onSubmit} noValidate>
        {errors.form && (
          <div ref={summary} tabIndex={-1} className="notice notice--error" role="alert">
            <Icon name="alert" />
            <div><p><strong>{m.errorSummary}</strong></p><p lang="sv">{errors.form}</p></div>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${fid}-tpl`}>{m.template}</label>
          <select id={`${fid}-tpl`} value={templateId} onChange={(e) => chooseTemplate(e.target.value)} disabled={templates.isPending}>
            <option value="">{templates.isPending ? m.templatesLoading : m.noTemplate}</option>
            {templates.data?.items.map((t) => <option key={t.id} value={t.id}>{t.title}</option>)}
          </select>
        </div>
        <div className={fieldClass(errors.title)}>
          <label htmlFor={`${fid}-title`}>{m.letterTitle}</label>
          {errorText('title', errors.title)}
          <input ref={titleInput} id={`${fid}-title`} type="text" maxLength={200} required value={title}
            aria-invalid={errors.title ? true : undefined} aria-describedby={errors.title ? `${fid}-title-err` : undefined}
            onChange={(e) => { setTitle(e.target.value); setFilled(null); setErrors((x) => ({ ...x, title: undefined })); }} />
        </div>
        <div className={fieldClass(errors.body)}>
          <label htmlFor={`${fid}-body`}>{m.letterBody}</label>
          <p id={`${fid}-body-hint`} className="hint">{m.letterBodyHint}</p>
          {errorText('body', errors.body)}
          <textarea ref={bodyInput} id={`${fid}-body`} rows={14} maxLength={20000} required value={body}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={errors.body ? `${fid}-body-hint ${fid}-body-err` : `${fid}-body-hint`}
            onChange={(e) => { setBody(e.target.value); setFilled(null); setErrors((x) => ({ ...x, body: undefined })); }} />
        </div>
        {needsReplyDate && (
          <div className={fieldClass(errors.replyBy)}>
            <label htmlFor={`${fid}-reply`}>{m.replyBy}</label>
            <p id={`${fid}-reply-hint`} className="hint">{m.replyByHint}</p>
            {errorText('replyBy', errors.replyBy)}
            <input id={`${fid}-reply`} type="date" value={replyBy} className="letter-date"
              aria-invalid={errors.replyBy ? true : undefined}
              aria-describedby={errors.replyBy ? `${fid}-reply-hint ${fid}-reply-err` : `${fid}-reply-hint`}
              onChange={(e) => { setReplyBy(e.target.value); setErrors((x) => ({ ...x, replyBy: undefined })); }} />
          </div>
        )}
        <div role="status" aria-live="polite">
          {filled && (
            <div className={filled.missing.length || filled.unknown.length ? 'notice notice--warning' : 'notice notice--info'}>
              <Icon name={filled.missing.length || filled.unknown.length ? 'alert' : 'info'} />
              <div>
                <p>{m.filled}</p>
                {filled.missing.length > 0 && <p>{m.missing(filled.missing.map((x) => `{${x}}`).join(', '))}</p>}
                {filled.unknown.length > 0 && <p>{m.unknown(filled.unknown.join(', '))}</p>}
              </div>
            </div>
          )}
        </div>
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={fillIn} disabled={previewLetter.isPending || !body.trim()}>
            {m.fillIn}
          </button>
          <button type="submit" className="button" disabled={createLetter.isPending}>
            {createLetter.isPending ? m.creatingLetter : m.createLetter}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>{m.cancel}</button>
        </div>
      </form>
    </section>
  );
}
