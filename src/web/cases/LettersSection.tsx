// Beslutsbrev (33 § FL): each letter as a PDF to open or read inline, its delgivning (when and
// how the party received it) and, from that, the last day to appeal (44 § FL).
import { useState, type FormEvent } from 'react';
import type { CaseDetail, LetterView } from '../../shared/cases-api';
import { formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { Section } from './FactsSections';
import { Field, ProblemAlert, fieldErrors, useStatusMessage, useToday } from './form';
import { useCaseMessages } from './messages';
import { caseApi, fileUrl, useCaseChange, type DeliveryMethod } from './queries';

const METHODS: DeliveryMethod[] = ['brev', 'digital_brevlada', 'personligt', 'mottagningsbevis'];

function DeliveryForm({ detail, letter, onDone }: { detail: CaseDetail; letter: LetterView; onDone: () => void }) {
  const m = useCaseMessages();
  const today = useToday();
  const change = useCaseChange(detail.id);
  const [deliveredOn, setDeliveredOn] = useState(today);
  const [method, setMethod] = useState<DeliveryMethod>('brev');
  const errors = fieldErrors(change.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate(() => caseApi.delivery(detail.id, letter.id, deliveredOn, method), { onSuccess: onDone });
  };
  return (
    <form className="cs-inline-form" onSubmit={onSubmit}>
      <div className="cs-row">
        <Field label={m.deliveredOn} error={errors.deliveredOn}>
          {(p) => <input {...p} type="date" min={letter.createdAt.slice(0, 10)} max={today} value={deliveredOn} onChange={(e) => setDeliveredOn(e.target.value)} required />}
        </Field>
        <Field label={m.deliveryMethod} error={errors.method}>
          {(p) => (
            <select {...p} value={method} onChange={(e) => setMethod(e.target.value as DeliveryMethod)}>
              {METHODS.map((k) => <option key={k} value={k}>{m.deliveryLabel[k]}</option>)}
            </select>
          )}
        </Field>
        <button type="submit" className="button button--secondary" disabled={change.isPending}>{m.deliverySubmit}</button>
      </div>
      <ProblemAlert error={change.error} />
    </form>
  );
}

function Letter({ detail, letter, announce, first }: { detail: CaseDetail; letter: LetterView; announce: (t: string) => void; first: boolean }) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  const [preview, setPreview] = useState(first && !letter.deliveredOn);
  const created = formatDateTime(letter.createdAt, lang);
  const decisions = detail.decisions.filter((d) => d.letterId === letter.id);
  const url = fileUrl(letter.fileId);
  return (
    <li className="cs-letter">
      <div className="cs-letter-head">
        <h3><Icon name="pen" size={16} /> {m.letter(created)}</h3>
        <div className="button-row">
          <a className="button button--secondary button--small" href={url} target="_blank" rel="noopener">
            {m.openPdf}<span className="visually-hidden"> {m.opensNewTab}</span>
          </a>
          <button type="button" className="button button--secondary button--small" aria-expanded={preview} onClick={() => setPreview((v) => !v)}>
            {preview ? m.hideLetter : m.showLetter}
          </button>
        </div>
      </div>
      {decisions.length > 0 && (
        <p className="cs-meta"><span className="muted">{m.letterContains}:</span> {decisions.map((d) => `${d.insats} (${m.outcomeLabel[d.outcome].toLowerCase()})`).join(', ')}</p>
      )}
      {preview && <iframe className="cs-pdf" src={url} title={m.letterFrameTitle(created)} />}
      <div className="cs-delivery">
        <h4>{m.delivery}</h4>
        {letter.deliveredOn ? (
          <dl className="facts facts--compact">
            <div>
              <dt>{m.deliveredOn}</dt>
              <dd>{m.delivered(formatDate(letter.deliveredOn, lang), m.deliveryLabel[letter.deliveryMethod ?? ''] ?? '')}</dd>
            </div>
            {letter.appealLastDay && (
              <div>
                <dt>{m.appealLastDay}</dt>
                <dd><strong><time dateTime={letter.appealLastDay}>{formatDate(letter.appealLastDay, lang)}</time></strong> <span className="hint">{m.appealLastDayHint}</span></dd>
              </div>
            )}
          </dl>
        ) : (
          <>
            <p className="cs-pending"><Icon name="clock" size={16} />{m.notDelivered}</p>
            <DeliveryForm detail={detail} letter={letter} onDone={() => announce(m.deliveryDone)} />
          </>
        )}
      </div>
    </li>
  );
}

export function LettersSection({ detail }: { detail: CaseDetail }) {
  const m = useCaseMessages();
  const status = useStatusMessage();
  if (detail.letters.length === 0) return null;
  return (
    <Section id="beslutsbrev" title={m.letters}>
      {status.node}
      <ul className="cs-letters">
        {detail.letters.map((l, i) => <Letter key={l.id} detail={detail} letter={l} first={i === 0} announce={(t) => status.show(t)} />)}
      </ul>
    </Section>
  );
}
