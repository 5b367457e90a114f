// Need-to-know override: the user states why they need a person's data; the access is logged.
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { useAccessOverride } from '../api/queries';
import { useT } from '../i18n';
import { Icon } from '../ui/Icon';

const MIN_LENGTH = 10;

export function AccessOverrideForm({ personId }: { personId: string }) {
  const t = useT();
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const override = useAccessOverride(personId);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < MIN_LENGTH) {
      setError(t.overrideReasonTooShort);
      field.current?.focus();
      return;
    }
    setError(null);
    override.mutate(reason.trim(), {
      onError: (err) => {
        const fieldError = err instanceof ApiError ? err.errors.find((x) => x.path.endsWith('reason')) : undefined;
        setError(fieldError?.message ?? (err instanceof ApiError ? (err.detail ?? err.title) : t.errorText));
        field.current?.focus();
      },
    });
  };

  const describedBy = error ? `${id}-hint ${id}-error` : `${id}-hint`;

  return (
    <div className="panel panel--warning">
      <p>{t.noRelationText}</p>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <div className={error ? 'field field--error' : 'field'}>
          <label htmlFor={id}>{t.overrideReason}</label>
          <p id={`${id}-hint`} className="hint">{t.overrideReasonHint} {t.overrideLogged}</p>
          {error && (
            <p id={`${id}-error`} className="field-error">
              <Icon name="alert" size={16} />
              {error}
            </p>
          )}
          <textarea
            ref={field}
            id={id}
            name="reason"
            rows={4}
            maxLength={1000}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={override.isPending}>
            {override.isPending ? t.overrideSubmitting : t.overrideSubmit}
          </button>
          <Link to="/handlaggare/sok" className="button button--secondary">{t.overrideCancel}</Link>
        </div>
      </form>
    </div>
  );
}
