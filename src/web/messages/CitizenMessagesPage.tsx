// '/medborgare/meddelanden' – Meddelanden for the citizen, mobile first and in plain Swedish: write
// to the handläggare about a case or to the provider about a service (for me, a child in my custody
// or someone who gave me a fullmakt), read the conversations with what is new marked in words, and
// choose how to hear that a message has come (a notice that never says what it is about).
// '?arende=<id>' or '?bestallning=<id>' opens one conversation.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type {
  CitizenMessageView, CitizenMessagesOverview, CitizenThread, CitizenTopic, NotificationChannel, NotificationSettings,
} from '../../shared/messages-api';
import { MESSAGE_BODY_MAX } from '../../shared/messages-api';
import { Field, ProblemAlert, RadioGroup, fieldErrors, useStatusMessage } from '../cases/form';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/Status';
import { useMessagesText, type MessagesText } from './messages-text';
import {
  newKey, useCitizenOverview, useCitizenThread, useCitizenWrite, useNotificationSettings, useResendNotificationCode, useSaveNotificationSettings,
  useVerifyNotificationCode, type CitizenTarget,
} from './queries';
import '../cases/cases.css';
import '../citizen/citizen.css';
import '../e-services/e-services.css';
import './messages.css';

const BASE = '/medborgare/meddelanden';

const targetOf = (t: CitizenTopic): CitizenTarget => (t.kind === 'arende' ? { kind: 'arende', caseId: t.caseId } : { kind: 'bestallning', orderId: t.orderId! });
const hrefOf = (t: CitizenTarget) => (t.kind === 'arende' ? `${BASE}?arende=${t.caseId}` : `${BASE}?bestallning=${t.orderId}`);
const valueOf = (t: CitizenTopic) => (t.kind === 'arende' ? `arende:${t.caseId}` : `bestallning:${t.orderId}`);

function counterpart(m: MessagesText, t: CitizenTopic): string {
  return t.kind === 'arende' ? m.withHandlaggare(t.counterpart) : m.withProvider(t.counterpart);
}

/** The text area with a live count of what is left (read out politely, not on every key). */
function BodyField({ id, label, value, onChange, error }: { id?: string; label: string; value: string; onChange: (v: string) => void; error?: string }) {
  const m = useMessagesText();
  const left = MESSAGE_BODY_MAX - value.length;
  return (
    <Field id={id} label={label} hint={m.messageHint(MESSAGE_BODY_MAX)} error={error}>
      {(p) => (
        <>
          <textarea {...p} rows={5} maxLength={MESSAGE_BODY_MAX} value={value} onChange={(e) => onChange(e.target.value)} />
          {left < 500 && <p className="hint" aria-live="polite">{m.charsLeft(left)}</p>}
        </>
      )}
    </Field>
  );
}

// ---- a new message -------------------------------------------------------------------------------

function NewMessage({ overview }: { overview: CitizenMessagesOverview }) {
  const m = useMessagesText();
  const navigate = useNavigate();
  const write = useCitizenWrite();
  const [topic, setTopic] = useState('');
  const [body, setBody] = useState('');
  const [key, setKey] = useState(newKey);
  const [local, setLocal] = useState<{ topic?: string; body?: string }>({});
  const server = fieldErrors(write.error);
  const writable = overview.persons.map((g) => ({ g, topics: g.topics.filter((t) => t.canWrite) })).filter((x) => x.topics.length > 0);
  if (writable.length === 0) return <p className="panel">{m.nothingToWrite}</p>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = writable.flatMap((x) => x.topics).find((t) => valueOf(t) === topic);
    const errors = { topic: chosen ? undefined : m.chooseTopic, body: body.trim() ? undefined : m.writeSomething };
    setLocal(errors);
    if (!chosen) { document.getElementById('msg-topic')?.focus(); return; }
    if (errors.body) { document.getElementById('msg-body')?.focus(); return; }
    const target = targetOf(chosen);
    write.mutate({ target, body: { body, idempotencyKey: key } }, {
      onSuccess: () => {
        setKey(newKey());
        setBody('');
        void navigate(hrefOf(target), { state: { sent: true } });
      },
    });
  };
  return (
    <section className="section msg-new-section" aria-labelledby="msg-new-h">
      <h2 id="msg-new-h">{m.newHeading}</h2>
      <form className="es-form" onSubmit={submit} noValidate>
        <Field id="msg-topic" label={m.about} hint={m.aboutHint} error={local.topic}>
          {(p) => (
            <select {...p} value={topic} onChange={(e) => setTopic(e.target.value)}>
              <option value="">{m.choose}</option>
              {writable.map(({ g, topics }) => (
                <optgroup key={g.person.id} label={g.relation === 'self' ? m.groupSelf : m.groupOther(g.person.name)}>
                  {topics.map((t) => (
                    <option key={valueOf(t)} value={valueOf(t)}>
                      {t.kind === 'arende' ? m.toHandlaggare(t.title, t.counterpart) : m.toProvider(t.title, t.counterpart)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <BodyField id="msg-body" label={m.message} value={body} onChange={setBody} error={local.body ?? server.body} />
        <ProblemAlert error={write.error && !server.body ? write.error : null} />
        <div className="button-row">
          <button type="submit" className="button" disabled={write.isPending}>{write.isPending ? m.sending : m.send}</button>
        </div>
      </form>
    </section>
  );
}

// ---- the conversations -----------------------------------------------------------------------------

function TopicCard({ topic }: { topic: CitizenTopic }) {
  const m = useMessagesText();
  const { lang } = useI18n();
  return (
    <li className={topic.unread > 0 ? 'card msg-topic msg-topic--unread' : 'card msg-topic'}>
      <h3 className="msg-topic-h">
        <Link to={hrefOf(targetOf(topic))}>
          {topic.title}
          {topic.unread > 0 && <span className="visually-hidden">, {m.unread(topic.unread)}</span>}
        </Link>
      </h3>
      <p className="msg-topic-who">{counterpart(m, topic)}</p>
      {topic.unread > 0 && <p className="msg-topic-new" aria-hidden="true"><span className="badge msg-new">{m.unread(topic.unread)}</span></p>}
      <p className="muted msg-topic-meta">
        {m.count(topic.messageCount)}
        {topic.lastMessageAt && <> · {m.last} <time dateTime={topic.lastMessageAt}>{formatDateTime(topic.lastMessageAt, lang)}</time></>}
        <> · {m.caseNumber} <span className="nowrap">{topic.caseNumber}</span></>
      </p>
    </li>
  );
}

function Conversations({ overview }: { overview: CitizenMessagesOverview }) {
  const m = useMessagesText();
  return (
    <>
      {overview.persons.map((g) => (
        <section key={g.person.id} className="section" aria-labelledby={`msg-g-${g.person.id}`}>
          <h2 id={`msg-g-${g.person.id}`}>{m.conversationsFor(g.person.name, g.relation === 'self')}</h2>
          {g.relation !== 'self' && <p className="muted">{m.relation[g.relation]}</p>}
          {g.topics.length === 0 ? <p className="panel">{m.noConversations}</p> : (
            <ul className="card-list msg-topics">{g.topics.map((t) => <TopicCard key={valueOf(t)} topic={t} />)}</ul>
          )}
        </section>
      ))}
    </>
  );
}

// ---- notification settings --------------------------------------------------------------------------

function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const m = useMessagesText();
  const { lang } = useI18n();
  const save = useSaveNotificationSettings();
  const status = useStatusMessage();
  const [form, setForm] = useState({ channel: settings.channel, email: settings.email ?? '', phone: settings.phone ?? '' });
  const errors = fieldErrors(save.error);
  const formRef = useRef<HTMLFormElement>(null);
  // Once the code is typed, "we have sent a code" is no longer news.
  const wasVerified = useRef(settings.verified);
  useEffect(() => {
    if (!wasVerified.current && settings.verified) status.clear();
    wasVerified.current = settings.verified;
  });
  // A refused save: the first field to fix takes focus (its error is read with it).
  useEffect(() => {
    if (save.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.error]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ channel: form.channel, email: form.email.trim() || null, phone: form.phone.trim() || null }, {
      onSuccess: (s) => {
        setForm({ channel: s.channel, email: s.email ?? '', phone: s.phone ?? '' });
        const to = addressOf(s);
        status.show(s.codePending && to ? m.savedCodeSent(to) : m.saved);
      },
    });
  };
  return (
    <form ref={formRef} className="es-form" onSubmit={submit} noValidate>
      {status.node}
      <RadioGroup legend={m.notifyLegend} name="channel" value={form.channel}
        onChange={(channel: NotificationChannel) => setForm({ ...form, channel })}
        options={(['ingen', 'e_post', 'sms'] as const).map((c) => ({ value: c, label: m.channel[c] }))} />
      {form.channel === 'e_post' && (
        <Field label={m.email} hint={m.emailHint} error={errors.email}>
          {(p) => <input {...p} type="email" autoComplete="email" inputMode="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}
        </Field>
      )}
      {form.channel === 'sms' && (
        <Field label={m.phone} hint={m.phoneHint} error={errors.phone}>
          {(p) => <input {...p} type="tel" autoComplete="tel" inputMode="tel" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />}
        </Field>
      )}
      {form.channel !== 'ingen' && (
        <div className="info-box msg-example">
          <p>{m.example}</p>
          <p lang={lang === 'sv' ? undefined : 'sv'}><q>{settings.example}</q></p>
        </div>
      )}
      <ProblemAlert error={save.error && !errors.email && !errors.phone ? save.error : null} />
      <div className="button-row">
        <button type="submit" className="button" disabled={save.isPending}>{save.isPending ? m.saving : m.save}</button>
      </div>
    </form>
  );
}

const addressOf = (s: NotificationSettings) => (s.channel === 'e_post' ? s.email : s.channel === 'sms' ? s.phone : null);

/** Whether notices go to the saved address: "Bekräftad", or why not yet — in words, with an icon. */
function VerificationStatus({ settings }: { settings: NotificationSettings }) {
  const m = useMessagesText();
  const to = addressOf(settings);
  if (settings.channel === 'ingen' || !to) return null;
  return (
    <p className={`msg-verify-status ${settings.verified ? 'msg-verify-status--ok' : 'msg-verify-status--waiting'}`}>
      <Icon name={settings.verified ? 'check' : 'clock'} />
      <span>
        <strong>{settings.verified ? m.verifiedStatus : m.unverifiedStatus}</strong>
        {' – '}
        {settings.verified ? m.verifiedText(to) : m.unverifiedText}
      </span>
    </p>
  );
}

/** The code from the e-mail or SMS: type it, or ask for a new one. Errors are announced and shown at the field. */
function CodeForm({ settings }: { settings: NotificationSettings }) {
  const m = useMessagesText();
  const verify = useVerifyNotificationCode();
  const resend = useResendNotificationCode();
  const status = useStatusMessage();
  const [code, setCode] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const to = addressOf(settings) ?? '';
  const channel = settings.channel === 'sms' ? 'sms' : 'e_post';
  const error = verify.error ?? resend.error;
  const fieldError = fieldErrors(verify.error).code;
  // A refused code: the field takes focus; the alert below reads the reason out.
  useEffect(() => {
    if (verify.error) inputRef.current?.focus();
  }, [verify.error]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    resend.reset();
    verify.mutate(code, { onSuccess: () => setCode('') });
  };
  const again = () => {
    verify.reset();
    resend.mutate(undefined, {
      onSuccess: () => { setCode(''); status.show(m.resent(to)); inputRef.current?.focus(); },
    });
  };
  return (
    <form className="es-form msg-code" onSubmit={submit} noValidate aria-labelledby="msg-code-h">
      <h3 id="msg-code-h">{m.codeHeading(channel)}</h3>
      {status.node}
      <p>{settings.codePending ? m.codeSent(to) : m.codeGone}</p>
      <Field label={m.codeLabel} error={fieldError}>
        {(p) => (
          <input {...p} ref={inputRef} className="msg-code-input" type="text" inputMode="numeric" autoComplete="one-time-code"
            maxLength={9} value={code} onChange={(e) => setCode(e.target.value)} />
        )}
      </Field>
      {/* role=alert: read out at once, also when the field already has focus. */}
      <div role="alert" className="visually-hidden">{fieldError ?? ''}</div>
      <ProblemAlert error={error && !fieldError ? error : null} />
      <div className="button-row">
        <button type="submit" className="button" disabled={verify.isPending}>{verify.isPending ? m.verifying : m.verify}</button>
        <button type="button" className="button button--secondary" onClick={again} disabled={resend.isPending}>
          {resend.isPending ? m.resending : m.resend}
        </button>
      </div>
      <p className="hint">{m.wrongNumberHelp}</p>
    </form>
  );
}

function NotificationForm() {
  const m = useMessagesText();
  const query = useNotificationSettings();
  const done = useStatusMessage();
  const verified = useRef<boolean | null>(null);
  // The moment the address becomes confirmed, say so (the code form then goes away).
  useEffect(() => {
    const now = query.data ? query.data.verified : null;
    if (verified.current === false && now === true) done.show(m.verified);
    verified.current = now;
  }, [query.data, done, m.verified]);
  return (
    <section className="section msg-notify" id="msg-notify" aria-labelledby="msg-notify-h">
      <h2 id="msg-notify-h">{m.notifyHeading}</h2>
      <p>{m.notifyLead}</p>
      <QueryState query={query}>{(settings) => (
        <>
          <SettingsForm settings={settings} />
          {done.node}
          <VerificationStatus settings={settings} />
          {settings.channel !== 'ingen' && !settings.verified && <CodeForm settings={settings} />}
        </>
      )}</QueryState>
    </section>
  );
}

// ---- one conversation ---------------------------------------------------------------------------------

function MessageItem({ x }: { x: CitizenMessageView }) {
  const m = useMessagesText();
  const { lang } = useI18n();
  const mine = x.from === 'me';
  const author = mine ? m.you : `${x.authorName}, ${x.from === 'staff' ? m.staffRole(x.authorRole) : x.authorRole}`;
  return (
    <li className={mine ? 'msg msg--ours' : 'msg msg--theirs'}>
      <p className="msg-meta">
        <strong>{author}</strong>{' '}
        <time dateTime={x.createdAt} className="muted">{formatDateTime(x.createdAt, lang)}</time>
      </p>
      <p className="msg-body pre-line">{x.body}</p>
      {mine && <p className="msg-read muted">{x.readByOtherSide ? m.readByThem : m.notRead}</p>}
    </li>
  );
}

function Reply({ target }: { target: CitizenTarget }) {
  const m = useMessagesText();
  const write = useCitizenWrite();
  const status = useStatusMessage();
  const [body, setBody] = useState('');
  const [key, setKey] = useState(newKey);
  const [error, setError] = useState<string | undefined>();
  const server = fieldErrors(write.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) { setError(m.writeSomething); document.getElementById('msg-reply')?.focus(); return; }
    setError(undefined);
    write.mutate({ target, body: { body, idempotencyKey: key } }, {
      onSuccess: () => { setBody(''); setKey(newKey()); status.show(m.sent); },
    });
  };
  return (
    <form className="es-form msg-reply" onSubmit={submit} noValidate aria-labelledby="msg-reply-h">
      <h2 id="msg-reply-h">{m.reply}</h2>
      {status.node}
      <BodyField id="msg-reply" label={m.replyLabel} value={body} onChange={setBody} error={error ?? server.body} />
      <ProblemAlert error={write.error && !server.body ? write.error : null} />
      <div className="button-row">
        <button type="submit" className="button" disabled={write.isPending}>{write.isPending ? m.sending : m.send}</button>
      </div>
    </form>
  );
}

function ThreadView({ target, data }: { target: CitizenTarget; data: CitizenThread }) {
  const m = useMessagesText();
  const location = useLocation();
  const navigate = useNavigate();
  // "Sent" is said once, right after sending; not again after a reload or when coming back later.
  const [sent] = useState(() => (location.state as { sent?: boolean } | null)?.sent === true);
  useEffect(() => {
    if (sent) void navigate({ search: location.search }, { replace: true, state: null });
  }, [sent, navigate, location.search]);
  const listId = useId();
  const about = m.threadAbout(data.person.name, data.relation === 'self');
  return (
    <>
      {sent && <p className="notice notice--info" role="status"><Icon name="check" /><span>{m.sent}</span></p>}
      <div className="msg-thread-facts">
        <p className="msg-thread-with"><strong>{counterpart(m, data.topic)}</strong></p>
        {about && <p>{about}</p>}
        <p className="muted">{m.caseNumber} <span className="nowrap">{data.topic.caseNumber}</span></p>
      </div>
      <h2 id={listId} className="visually-hidden">{m.conversations}</h2>
      {data.messages.length === 0 ? <p className="panel">{m.emptyThread}</p> : (
        <ol className="msg-list" aria-labelledby={listId}>{data.messages.map((x) => <MessageItem key={x.id} x={x} />)}</ol>
      )}
      {data.topic.canWrite ? <Reply target={target} /> : (
        <p className="notice notice--info"><Icon name="info" /><span>{data.topic.kind === 'arende' ? m.closedCase : m.closedOrder}</span></p>
      )}
    </>
  );
}

function ThreadPage({ target }: { target: CitizenTarget }) {
  const m = useMessagesText();
  const query = useCitizenThread(target);
  const title = query.data?.topic.title;
  return (
    <Page title={title ? `${title} – ${m.title}` : m.title} heading={title ?? m.title} narrow
      lead={<p><Link to={BASE}>← {m.back}</Link></p>}>
      <QueryState query={query}>{(data) => <ThreadView target={target} data={data} />}</QueryState>
    </Page>
  );
}

function OverviewPage() {
  const m = useMessagesText();
  const query = useCitizenOverview();
  return (
    <Page title={m.title} lead={<p>{m.lead}</p>} narrow>
      <QueryState query={query}>
        {(overview) => (
          <>
            <NewMessage overview={overview} />
            <Conversations overview={overview} />
          </>
        )}
      </QueryState>
      <NotificationForm />
    </Page>
  );
}

export function CitizenMessagesPage() {
  const [params] = useSearchParams();
  const caseId = params.get('arende');
  const orderId = params.get('bestallning');
  const target: CitizenTarget | null = caseId ? { kind: 'arende', caseId } : orderId ? { kind: 'bestallning', orderId } : null;
  // A new Page per view: the h1 takes focus and the title changes, as on any navigation.
  return target ? <ThreadPage key={hrefOf(target)} target={target} /> : <OverviewPage key="list" />;
}
