// The staff side of Meddelanden, shared by the case page (handläggare) and the provider's order
// page: one conversation per citizen, who wrote and when, whether it has been read, "Journalför"
// per message (a draft in the journal to read and sign), a reply per conversation, and a new
// conversation with someone who may see the case.
import { useId, useState, type FormEvent } from 'react';
import type { Correspondent, StaffMessageView, StaffThread, ThreadList } from '../../shared/messages-api';
import { MESSAGE_BODY_MAX } from '../../shared/messages-api';
import { Disclosure, Field, ProblemAlert, Sv, fieldErrors } from '../cases/form';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { useMessagesText } from './messages-text';
import { newKey, useThreadChange, type StaffScope } from './queries';
import './messages.css';

type Done = (text: string) => void;

function who(m: ReturnType<typeof useMessagesText>, c: Correspondent): string {
  return m.fromCitizen(c.name, c.relation === 'self' ? '' : m.relationLabel[c.relation]);
}

function JournalAction({ scope, message, authorLabel, onDone }: { scope: StaffScope; message: StaffMessageView; authorLabel: string; onDone: Done }) {
  const m = useMessagesText();
  const { lang } = useI18n();
  const { journal } = useThreadChange(scope);
  const link = message.journal;
  if (link) {
    return (
      <p className="msg-journaled">
        <Icon name="check" size={16} />
        <span>{link.signed ? m.journaledSigned : link.mine ? m.journaledDraftMine : m.journaledDraftOther(link.byName)}</span>
        {!link.signed && link.mine && <a href="#journal">{m.openDraft}</a>}
      </p>
    );
  }
  return (
    <div className="msg-journal">
      <button
        type="button" className="button button--secondary button--small" disabled={journal.isPending}
        aria-label={m.journalforLabel(authorLabel, formatDateTime(message.createdAt, lang))}
        onClick={() => journal.mutate(message.id, { onSuccess: () => onDone(scope.kind === 'case' ? m.journalDone : m.providerJournalDone) })}
      >
        <Icon name="pen" size={16} /> {journal.isPending ? m.journaling : m.journalfor}
      </button>
      <ProblemAlert error={journal.error} />
    </div>
  );
}

function Message({ scope, thread, message, onDone }: { scope: StaffScope; thread: StaffThread; message: StaffMessageView; onDone: Done }) {
  const m = useMessagesText();
  const { lang } = useI18n();
  const fromCitizen = message.authorKind === 'citizen';
  const author = fromCitizen ? who(m, thread.citizen) : `${message.authorName}${message.authorRole ? `, ${message.authorRole}` : ''}`;
  return (
    <li className={fromCitizen ? 'msg msg--theirs' : 'msg msg--ours'}>
      <p className="msg-meta">
        <strong><Sv>{author}</Sv></strong>{' '}
        <time dateTime={message.createdAt} className="muted">{formatDateTime(message.createdAt, lang)}</time>
        {fromCitizen && !message.read && <span className="badge msg-new">{m.weNotRead}</span>}
      </p>
      <p className="msg-body pre-line">{message.body}</p>
      {!fromCitizen && (
        <p className="msg-read muted">{message.read ? m.citizenRead(thread.citizen.name) : m.citizenNotRead(thread.citizen.name)}</p>
      )}
      <JournalAction scope={scope} message={message} authorLabel={fromCitizen ? thread.citizen.name : message.authorName} onDone={onDone} />
    </li>
  );
}

function Compose({ scope, to, label, onDone, recipients }: {
  scope: StaffScope; to: Correspondent | null; label: string; onDone: Done; recipients?: Correspondent[];
}) {
  const m = useMessagesText();
  const { write } = useThreadChange(scope);
  const [body, setBody] = useState('');
  const [key, setKey] = useState(newKey);
  const [empty, setEmpty] = useState(false);
  const [recipient, setRecipient] = useState(recipients?.[0]?.personId ?? '');
  const textId = useId();
  const errors = fieldErrors(write.error);
  const target = to ?? recipients?.find((r) => r.personId === recipient) ?? null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    if (!body.trim()) {
      setEmpty(true);
      document.getElementById(textId)?.focus();
      return;
    }
    setEmpty(false);
    write.mutate({ citizenPersonId: target.personId, body, idempotencyKey: key }, {
      onSuccess: () => {
        setBody('');
        setKey(newKey());
        onDone(m.staffSent(target.name));
      },
    });
  };
  return (
    <form className="msg-compose" onSubmit={submit} noValidate>
      {recipients && (
        <Field label={m.recipient} error={errors.citizenPersonId}>
          {(p) => (
            <select {...p} value={recipient} onChange={(e) => setRecipient(e.target.value)}>
              {recipients.map((r) => <option key={r.personId} value={r.personId}>{who(m, r)}</option>)}
            </select>
          )}
        </Field>
      )}
      <Field id={textId} label={label} hint={m.messageHint(MESSAGE_BODY_MAX)} error={empty ? m.writeSomething : errors.body}>
        {(p) => <textarea {...p} rows={3} maxLength={MESSAGE_BODY_MAX} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <ProblemAlert error={write.error && !errors.body ? write.error : null} />
      <button type="submit" className="button" disabled={write.isPending}>{write.isPending ? m.sending : m.send}</button>
    </form>
  );
}

function Thread({ scope, thread, headingLevel, onDone }: { scope: StaffScope; thread: StaffThread; headingLevel: 3 | 4; onDone: Done }) {
  const m = useMessagesText();
  const id = useId();
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <article className="msg-thread" aria-labelledby={id}>
      <H id={id} className="msg-thread-h">
        {who(m, thread.citizen)}
        {thread.unread > 0 && <span className="badge msg-new">{m.unreadBadge(thread.unread)}</span>}
      </H>
      <ol className="msg-list">
        {thread.messages.map((x) => <Message key={x.id} scope={scope} thread={thread} message={x} onDone={onDone} />)}
      </ol>
      {thread.canWrite
        ? <Compose scope={scope} to={thread.citizen} label={m.replyTo(thread.citizen.name)} onDone={onDone} />
        : <p className="notice notice--info"><Icon name="info" /><span>{m.cannotWrite(thread.citizen.name)}</span></p>}
    </article>
  );
}

/** Everything of a case's or an order's conversations; headings start at `headingLevel`. */
export function StaffThreads({ scope, list, headingLevel, onDone }: { scope: StaffScope; list: ThreadList; headingLevel: 3 | 4; onDone: Done }) {
  const m = useMessagesText();
  const { markRead } = useThreadChange(scope);
  return (
    <div className="msg-staff">
      {list.unread > 0 && (
        <div className="msg-unread-bar">
          <span className="badge msg-new">{m.unreadBadge(list.unread)}</span>
          <button type="button" className="button button--secondary button--small" disabled={markRead.isPending}
            onClick={() => markRead.mutate(undefined, { onSuccess: () => onDone(m.markedRead) })}>
            {m.markRead}
          </button>
        </div>
      )}
      {list.threads.length === 0 && <p className="muted">{m.noneYet}</p>}
      {list.threads.map((t) => <Thread key={t.id} scope={scope} thread={t} headingLevel={headingLevel} onDone={onDone} />)}
      {list.canStartWith.length > 0 && (
        <div className="msg-new-conversation">
          <Disclosure label={m.newConversation} small>
            {(close) => (
              <Compose scope={scope} to={null} recipients={list.canStartWith} label={m.message}
                onDone={(text) => { close(); onDone(text); }} />
            )}
          </Disclosure>
        </div>
      )}
    </div>
  );
}
