// '/handlaggare/ny' – Ny aktualisering (domain.md 1.3.1): an ansökan, an anmälan or information
// that came in another way. Sensible defaults (today, the user's own area, the usual type for the
// area, assigned to me) keep it to a few clicks; `?person=<id>` preselects the person.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { NewCaseBody, ReporterRole } from '../../shared/cases-api';
import { ApiError } from '../api/client';
import { useMyCases, usePersonSearch } from '../api/queries';
import { formatDate } from '../format';
import { useI18n, type CaseArea, type CaseOrigin } from '../i18n';
import { ProtectionBadge } from '../ui/Badges';
import { Icon } from '../ui/Icon';
import { Page } from '../ui/Page';
import { Checkbox, Field, ProblemAlert, RadioGroup, fieldErrors, useToday } from './form';
import { useCaseMessages } from './messages';
import { useCatalogue, useCreateCase, usePresetPerson } from './queries';
import './cases.css';

const AREAS: CaseArea[] = ['aldreomsorg', 'funktionsstod', 'barn_och_unga', 'vuxen', 'ekonomiskt_bistand', 'vald_i_nara_relationer', 'familjeratt'];
const ROLES: ReporterRole[] = ['polis', 'halso_sjukvard', 'skola', 'forskola', 'socialtjanst', 'annan_myndighet', 'privat_verksamhet', 'anhorig', 'privatperson', 'barnet_sjalv', 'anonym'];
const CHANNELS = ['telefon', 'brev', 'e_tjanst', 'e_post', 'digital_brevlada', 'besok'] as const;

interface Chosen { id: string; name: string; idNumber: string; protection: 'ingen' | 'sekretessmarkering' | 'skyddad_folkbokforing' }

function PersonPicker({ chosen, onChoose, error }: { chosen: Chosen | null; onChoose: (p: Chosen | null) => void; error?: string }) {
  const m = useCaseMessages();
  const { lang } = useI18n();
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  const search = usePersonSearch(term);
  const changeButton = useRef<HTMLButtonElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => setTerm(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);

  if (chosen) {
    return (
      <div className="cs-chosen">
        <span className="visually-hidden">{m.chosenPerson}: </span>
        <strong id="person">{chosen.name}</strong>
        <span className="muted nowrap">{chosen.idNumber}</span>
        <ProtectionBadge protection={chosen.protection} />
        <button ref={changeButton} type="button" className="button button--secondary button--small" onClick={() => {
          onChoose(null);
          setTimeout(() => searchInput.current?.focus(), 0);
        }}>
          {m.changePerson}
        </button>
      </div>
    );
  }
  const items = term.length >= 2 ? search.data?.items : undefined;
  return (
    <div className="stack">
      <Field id="person" label={m.personSearch} hint={m.personSearchHint} error={error}>
        {(p) => (
          <input {...p} ref={searchInput} type="search" autoComplete="off" spellCheck={false} value={text}
            onChange={(e) => setText(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') e.preventDefault(); }} />
        )}
      </Field>
      <p className="visually-hidden" role="status">{items ? (items.length === 0 ? m.noPersons : `${items.length}`) : ''}</p>
      {items && items.length === 0 && <p className="muted">{m.noPersons}</p>}
      {items && items.length > 0 && (
        <ul className="cs-person-results">
          {items.map((h) => (
            <li key={h.id}>
              <span>
                <strong>{h.name}</strong>{' '}
                <span className="muted nowrap">{h.idNumber}</span>{' '}
                <span className="muted nowrap">{formatDate(h.birthDate, lang)}</span>{' '}
                <ProtectionBadge protection={h.protection} />
              </span>
              <button type="button" className="button button--small" onClick={() => onChoose({ id: h.id, name: h.name, idNumber: h.idNumber, protection: h.protection })}>
                {m.choosePerson(h.name)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function mostCommon<T extends string>(values: T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

export function NewCasePage() {
  const m = useCaseMessages();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const today = useToday();
  const [params] = useSearchParams();
  const presetId = params.get('person') ?? '';
  const preset = usePresetPerson(presetId);
  const mine = useMyCases('mine');
  const catalogue = useCatalogue();
  const create = useCreateCase();
  const summaryRef = useRef<HTMLDivElement>(null);

  const [personChoice, setPersonChoice] = useState<Chosen | null | undefined>(undefined);
  const [areaChoice, setArea] = useState<CaseArea | ''>('');
  const [originChoice, setOrigin] = useState<CaseOrigin | null>(null);
  const [law, setLaw] = useState<'SoL' | 'LSS' | null>(null);
  const [receivedOn, setReceivedOn] = useState(today);
  const [channel, setChannel] = useState('');
  const [role, setRole] = useState<ReporterRole | ''>('');
  const [reporterName, setReporterName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [phone, setPhone] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [mayBeNamed, setMayBeNamed] = useState(false);
  const [insatser, setInsatser] = useState<string[]>([]);
  const [period, setPeriod] = useState(today.slice(0, 7));
  const [description, setDescription] = useState('');
  const [assignToMe, setAssignToMe] = useState(true);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [showSummary, setShowSummary] = useState(0);

  useEffect(() => {
    if (showSummary) summaryRef.current?.focus();
  }, [showSummary]);

  const presetPerson: Chosen | null = preset.data
    ? { id: preset.data.person.id, name: `${preset.data.person.firstName} ${preset.data.person.lastName}`, idNumber: preset.data.person.idNumber, protection: preset.data.person.protection }
    : null;
  const person = personChoice === undefined ? presetPerson : personChoice;
  const defaultArea = mostCommon((mine.data?.items ?? []).map((i) => i.area));
  const area: CaseArea | '' = areaChoice || defaultArea || '';
  const origin: CaseOrigin = originChoice ?? (area === 'barn_och_unga' ? 'anmalan' : 'ansokan');
  const isAnsokan = origin === 'ansokan';
  const eb = area === 'ekonomiskt_bistand';
  const lawChoice = area === 'funktionsstod' && isAnsokan ? law : null;
  const available = (catalogue.data?.insatser ?? []).filter((i) => area && i.areas.includes(area) && (!lawChoice || i.law === lawChoice));
  const chosenInsatser = insatser.filter((k) => available.some((i) => i.key === k));
  const isAnonymous = anonymous || role === 'anonym';

  const serverErrors = fieldErrors(create.error);
  const errors: Record<string, string> = { ...serverErrors, ...clientErrors };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!person) found.person = m.personRequired;
    if (!area) found.area = m.areaRequired;
    if (origin === 'anmalan' && !role) found.reporter = m.reporterRequired;
    if (isAnsokan && area === 'funktionsstod' && !law) found.law = m.lawLegend;
    if (isAnsokan && eb && !period) found.period = m.periodRequired;
    if (!description.trim()) found.description = m.descriptionRequired;
    setClientErrors(found);
    if (Object.keys(found).length > 0 || !person || !area) {
      setShowSummary((n) => n + 1);
      return;
    }
    const body: NewCaseBody = {
      personId: person.id,
      area,
      origin,
      receivedOn,
      description: description.trim(),
      assignToMe,
      ...(channel ? { channel: channel as NewCaseBody['channel'] } : {}),
      ...(lawChoice ? { law: lawChoice } : {}),
      ...(origin === 'anmalan' && role ? {
        reporter: {
          role,
          anonymous: isAnonymous,
          mayBeNamed: isAnonymous ? false : mayBeNamed,
          ...(!isAnonymous && reporterName.trim() ? { name: reporterName.trim() } : {}),
          ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
          ...(!isAnonymous && phone.trim() ? { phone: phone.trim() } : {}),
        },
      } : {}),
      ...(isAnsokan && chosenInsatser.length ? { requestedInsatser: chosenInsatser } : {}),
      ...(isAnsokan && eb ? { period } : {}),
    };
    create.mutate(body, {
      onSuccess: (res) => navigate(`/handlaggare/arende/${res.id}`),
      onError: (err) => {
        if (err instanceof ApiError && err.errors.length) setShowSummary((n) => n + 1);
      },
    });
  };

  const summaryItems = Object.entries(errors).filter(([, v]) => v);
  const fieldId = (key: string) => (key === 'requestedInsatser' ? 'insatser' : key === 'reporter' ? 'reporter-role' : key === 'law' ? 'law' : key);

  return (
    <Page title={m.newTitle} lead={<p>{m.newLead}</p>}>
      <form className="cs-new" onSubmit={onSubmit} noValidate>
        {showSummary > 0 && summaryItems.length > 0 && (
          <div className="cs-error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
            <h2>{m.fixErrors}</h2>
            <ul>
              {summaryItems.map(([k, v]) => (
                <li key={k}><a href={`#${fieldId(k)}`} onClick={(e) => { e.preventDefault(); document.getElementById(fieldId(k))?.focus(); }}>{v}</a></li>
              ))}
            </ul>
          </div>
        )}

        <section className="card" aria-labelledby="new-person-h">
          <h2 id="new-person-h">{m.person}</h2>
          <PersonPicker chosen={person} onChoose={setPersonChoice} error={errors.person ?? errors.personId} />
        </section>

        <section className="card" aria-labelledby="new-case-h">
          <h2 id="new-case-h">{t.colCase}</h2>
          <Field id="area" label={m.area} error={errors.area}>
            {(p) => (
              <select {...p} value={area} onChange={(e) => { setArea(e.target.value as CaseArea); setInsatser([]); }} required>
                <option value="">{m.chooseArea}</option>
                {AREAS.map((a) => <option key={a} value={a}>{t.caseArea[a]}</option>)}
              </select>
            )}
          </Field>
          <RadioGroup
            id="origin"
            legend={m.originLegend}
            name="origin"
            value={origin}
            onChange={setOrigin}
            error={errors.origin}
            options={(['ansokan', 'anmalan', 'ovrigt'] as const).map((o) => ({ value: o, label: m.originLabel[o], hint: m.originHint[o] }))}
          />
          <div className="cs-row">
            <Field id="receivedOn" label={m.receivedOn} hint={m.receivedOnHint} error={errors.receivedOn}>
              {(p) => <input {...p} type="date" max={today} value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} required />}
            </Field>
            <Field id="channel" label={<>{m.channelOptional} <span className="muted">{m.optional}</span></>} error={errors.channel}>
              {(p) => (
                <select {...p} value={channel} onChange={(e) => setChannel(e.target.value)}>
                  <option value="">{m.chooseChannel}</option>
                  {CHANNELS.map((c) => <option key={c} value={c}>{m.channelLabel[c]}</option>)}
                </select>
              )}
            </Field>
          </div>
        </section>

        {origin === 'anmalan' && (
          <section className="card" aria-labelledby="new-reporter-h">
            <h2 id="new-reporter-h">{m.reporterLegend}</h2>
            <Field id="reporter-role" label={m.reporterRoleLabel} error={errors.reporter}>
              {(p) => (
                <select {...p} value={role} onChange={(e) => setRole(e.target.value as ReporterRole)} required>
                  <option value="">{m.chooseRole}</option>
                  {ROLES.map((r) => <option key={r} value={r}>{m.reporterRole[r]}</option>)}
                </select>
              )}
            </Field>
            <Checkbox label={m.reporterAnonymous} hint={m.reporterAnonymousHint} checked={isAnonymous} disabled={role === 'anonym'} onChange={setAnonymous} />
            {!isAnonymous && (
              <>
                <div className="cs-row">
                  <Field label={<>{m.reporterName} <span className="muted">{m.optional}</span></>}>
                    {(p) => <input {...p} type="text" autoComplete="off" value={reporterName} onChange={(e) => setReporterName(e.target.value)} maxLength={200} />}
                  </Field>
                  <Field label={<>{m.reporterOrg} <span className="muted">{m.optional}</span></>}>
                    {(p) => <input {...p} type="text" autoComplete="off" value={organisation} onChange={(e) => setOrganisation(e.target.value)} maxLength={200} />}
                  </Field>
                  <Field label={<>{m.reporterPhone} <span className="muted">{m.optional}</span></>}>
                    {(p) => <input {...p} type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={50} />}
                  </Field>
                </div>
                <Checkbox label={m.reporterMayBeNamed} hint={m.reporterMayBeNamedHint} checked={mayBeNamed} onChange={setMayBeNamed} />
              </>
            )}
          </section>
        )}

        {isAnsokan && area && (
          <section className="card" aria-labelledby="new-apply-h">
            <h2 id="new-apply-h">{m.requestedInsatser}</h2>
            {area === 'funktionsstod' && (
              <RadioGroup
                id="law"
                legend={m.lawLegend}
                name="law"
                value={law}
                inline
                required
                error={errors.law}
                onChange={(v) => { setLaw(v); setInsatser([]); }}
                options={[
                  { value: 'LSS' as const, label: m.lawLSS, hint: m.lawLSSHint },
                  { value: 'SoL' as const, label: m.lawSoL, hint: m.lawSoLHint },
                ]}
              />
            )}
            {eb && (
              <Field id="period" label={m.month} error={errors.period} className="cs-narrow">
                {(p) => <input {...p} type="month" value={period} onChange={(e) => setPeriod(e.target.value)} required />}
              </Field>
            )}
            {available.length > 0 && (area !== 'funktionsstod' || law) && (
              <fieldset className="cs-fieldset" id="insatser" tabIndex={-1}>
                <legend>{m.insatserLegend}</legend>
                <p className="hint">{m.insatserHint}</p>
                {errors.requestedInsatser && <p className="field-error"><Icon name="alert" size={16} />{errors.requestedInsatser}</p>}
                <div className="cs-choices cs-choices--inline">
                  {available.map((i) => (
                    <Checkbox
                      key={i.key}
                      label={lang === 'sv' ? i.labelSv : i.labelEn}
                      hint={i.legalBasisShort}
                      checked={insatser.includes(i.key)}
                      onChange={(on) => setInsatser((cur) => (on ? [...cur, i.key] : cur.filter((k) => k !== i.key)))}
                    />
                  ))}
                </div>
              </fieldset>
            )}
          </section>
        )}

        <div className="card">
          <Field id="description" label={m.description} hint={m.descriptionHint} error={errors.description}>
            {(p) => <textarea {...p} className="cs-grow" rows={5} value={description} onChange={(e) => setDescription(e.target.value)} required />}
          </Field>
          <Checkbox label={m.assignToMe} hint={m.assignToMeHint} checked={assignToMe} onChange={setAssignToMe} />
          <ProblemAlert error={create.error && !(create.error instanceof ApiError && create.error.errors.length) ? create.error : null} />
          <div className="button-row">
            <button type="submit" className="button button--large" disabled={create.isPending}>
              {create.isPending ? m.submittingNew : m.submitNew}
            </button>
          </div>
        </div>
      </form>
    </Page>
  );
}
