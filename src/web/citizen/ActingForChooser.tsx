// "Whom do I act for?": the radio fieldset on the citizen's pages (Mina ärenden, Mina insatser)
// that picks me, a child in my custody (FB 6 kap. 2 §) or someone who gave me a fullmakt. One
// component so both pages show the people and their relation the same way; the page says what the
// choice is for (the legend) and keeps the choice in its own URL (?for=<personId>).
import { useState } from 'react';
import type { ActingFor } from '../../shared/citizen-api';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { citizenMessages } from './messages';
import './citizen.css';

/** The person chosen by `?for=`, or the first (me) when none or an unknown one is asked for. */
export function chosenPerson(people: ActingFor[], forId: string | null): ActingFor | undefined {
  return people.find((p) => p.id === forId) ?? people[0];
}

/** `?for=` for a person: none for myself, so the plain address stays mine. */
export function actingForParams(p: ActingFor): Record<string, string> {
  return p.relation === 'self' ? {} : { for: p.id };
}

export function ActingForChooser({ legend, people, chosenId, onChoose, details = false }: {
  legend: string;
  people: ActingFor[];
  chosenId: string;
  onChoose: (person: ActingFor) => void;
  /** Also show a child's age and what a fullmakt covers and until when. */
  details?: boolean;
}) {
  const { lang } = useI18n();
  const m = citizenMessages[lang];
  // The page's choice lives in the URL, which the router updates in a transition; until then a
  // controlled radio would flip back for a moment. The pick is shown at once from local state.
  const [picked, setPicked] = useState(chosenId);
  const [shownFor, setShownFor] = useState(chosenId);
  if (shownFor !== chosenId) { setShownFor(chosenId); setPicked(chosenId); }
  // Only one person (myself): there is nothing to choose.
  if (people.length < 2) return null;
  return (
    <fieldset className="cchooser">
      <legend>{legend}</legend>
      {people.map((p) => (
        <label key={p.id} className="cchoice">
          <input type="radio" name="acting-for" value={p.id} checked={p.id === picked} onChange={() => { setPicked(p.id); onChoose(p); }} />
          <span className="cchoice-text">
            <strong>{p.relation === 'self' ? m.relation.self : p.name}</strong>
            {p.relation !== 'self' && (
              <span className="muted">{m.relation[p.relation]}{details && p.age !== null ? `, ${m.age(p.age)}` : ''}</span>
            )}
            {details && p.relation === 'ombud' && (p.scope || p.validTo)
              && <span className="muted">{m.fullmakt(p.scope, p.validTo ? formatDate(p.validTo, lang) : null)}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
