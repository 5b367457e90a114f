// Small, accessible form pieces for the case screens: every field has a real label, its hint and
// error are tied to it with aria-describedby, errors are announced, and server texts (Swedish)
// carry lang="sv" when the UI is in English.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { dateInSweden } from '../../domain/deadlines';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { useCaseMessages } from './messages';

/** Today in Sweden, fixed for the component's life (render stays pure). */
export function useToday(): string {
  return useState(() => dateInSweden())[0];
}

/** Swedish text from the server, marked as Swedish when the page is in English. */
export function Sv({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return lang === 'sv' ? <>{children}</> : <span lang="sv">{children}</span>;
}

/** Field errors from a problem's `errors[]`, by the first path segment after 'body/'. */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.errors) {
    const key = e.path.replace(/^\/?body\/?/, '').split('/')[0] || '_';
    out[key] ??= e.message;
  }
  return out;
}

/** What went wrong, in words: the server's Swedish detail, or a generic text. */
export function ProblemAlert({ error, id }: { error: unknown; id?: string }) {
  const m = useCaseMessages();
  if (!error) return null;
  const detail = error instanceof ApiError ? error.detail ?? error.title : null;
  const title = error instanceof ApiError && error.is('no-delegation') ? m.noDelegationTitle
    : error instanceof ApiError && error.status === 409 ? m.refusedTitle
    : m.errorTitle;
  return (
    <div className="cs-alert" role="alert" id={id}>
      <Icon name="alert" />
      <div>
        <strong>{title}</strong>
        {detail ? <p><Sv>{detail}</Sv></p> : <p>{m.errorGeneric}</p>}
        {error instanceof ApiError && error.is('no-delegation') && <p>{m.noDelegationHelp}</p>}
      </div>
    </div>
  );
}

interface FieldProps {
  /** A fixed id for the control, e.g. so an error summary can link to it. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

export function Field({ id: fixedId, label, hint, error, className, children }: FieldProps) {
  const generated = useId();
  const id = fixedId ?? generated;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="field-error">
          <Icon name="alert" size={16} />
          <Sv>{error}</Sv>
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true as const } : {}) })}
    </div>
  );
}

interface Choice<T extends string> { value: T; label: ReactNode; hint?: ReactNode }

export function RadioGroup<T extends string>({ id: fixedId, legend, hint, error, name, value, options, onChange, inline, required }: {
  id?: string; legend: ReactNode; hint?: ReactNode; error?: string; name: string; value: T | null; options: Choice<T>[];
  onChange: (value: T) => void; inline?: boolean; required?: boolean;
}) {
  const generated = useId();
  const id = fixedId ?? generated;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={fixedId ? `${fixedId}-group` : undefined} className={`cs-fieldset${error ? ' field--error' : ''}`} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="field-error">
          <Icon name="alert" size={16} />
          <Sv>{error}</Sv>
        </p>
      )}
      <div className={inline ? 'cs-choices cs-choices--inline' : 'cs-choices'}>
        {options.map((o, i) => (
          // The name is the label only; the hint is the description (read after the name, not part of it).
          <label key={o.value} className="cs-choice">
            <input type="radio" name={`${id}-${name}`} value={o.value} checked={value === o.value} required={required}
              id={fixedId && i === 0 ? fixedId : undefined} onChange={() => onChange(o.value)}
              aria-labelledby={`${id}-${o.value}-label`} aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined} />
            <span>
              <span id={`${id}-${o.value}-label`} className="cs-choice-label">{o.label}</span>
              {o.hint && <span id={`${id}-${o.value}-hint`} className="cs-choice-hint">{o.hint}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Checkbox({ label, hint, checked, onChange, disabled }: {
  label: ReactNode; hint?: ReactNode; checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean;
}) {
  const id = useId();
  return (
    <label className="cs-choice">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)}
        aria-labelledby={`${id}-label`} aria-describedby={hint ? `${id}-hint` : undefined} />
      <span>
        <span id={`${id}-label`} className="cs-choice-label">{label}</span>
        {hint && <span id={`${id}-hint`} className="cs-choice-hint">{hint}</span>}
      </span>
    </label>
  );
}

/**
 * A status message that takes focus when it changes, so keyboard and screen-reader users learn
 * what just happened (role=status; the element stays in the DOM so it is a live region).
 */
export function useStatusMessage() {
  const [message, setMessage] = useState<{ text: ReactNode; n: number } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  const show = (text: ReactNode) => setMessage((prev) => ({ text, n: (prev?.n ?? 0) + 1 }));
  const clear = () => setMessage(null);
  const node = (
    <div ref={ref} tabIndex={-1} role="status" className={message ? 'cs-status cs-status--shown' : 'cs-status'}>
      {message && (
        <>
          <Icon name="check" />
          <span>{message.text}</span>
        </>
      )}
    </div>
  );
  return { node, show, clear };
}

/** A button that opens an inline form below it (aria-expanded); focus moves into the form. */
export function Disclosure({ label, children, defaultOpen = false, variant = 'secondary', small }: {
  label: ReactNode; children: (close: () => void) => ReactNode; defaultOpen?: boolean; variant?: 'primary' | 'secondary'; small?: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [justOpened, setJustOpened] = useState(false);
  const [closedAt, setClosedAt] = useState(0);
  useEffect(() => {
    if (!justOpened) return;
    panel.current?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select, button')?.focus();
  }, [justOpened]);
  useEffect(() => {
    if (closedAt) button.current?.focus();
  }, [closedAt]);
  // Closing returns focus to the button (a status message shown after closing takes it from there).
  const close = () => {
    setOpen(false);
    setJustOpened(false);
    setClosedAt((n) => n + 1);
  };
  return (
    <div className={open ? 'cs-disclosure cs-disclosure--open' : 'cs-disclosure'}>
      <button
        ref={button}
        type="button"
        className={`button${variant === 'secondary' ? ' button--secondary' : ''}${small ? ' button--small' : ''}`}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => {
          setOpen((v) => !v);
          setJustOpened(!open);
        }}
      >
        {label}
        <Icon name="chevron" size={16} />
      </button>
      <div id={id} ref={panel} hidden={!open} className="cs-disclosure-panel">
        {open && children(close)}
      </div>
    </div>
  );
}
