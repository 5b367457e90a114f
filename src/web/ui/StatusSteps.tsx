// The case status chain (aktualisering → … → avslutad) with the current step marked.
import type { CaseOrigin, CaseStatus } from '../i18n';
import { useT } from '../i18n';
import { Icon } from './Icon';

export const STATUS_CHAIN: readonly CaseStatus[] = [
  'aktualiserad', 'forhandsbedomning', 'utredning', 'beslut', 'verkstallighet', 'uppfoljning', 'avslutad',
];

interface StatusStepsProps {
  status: CaseStatus;
  /** Förhandsbedömning only applies to anmälan (reports of concern); other cases skip that step. */
  origin?: CaseOrigin;
  labels?: Record<CaseStatus, string>;
  /** The statuses this case type passes through, when known (e.g. no verkställighet for ekonomiskt bistånd). */
  chain?: readonly CaseStatus[];
}

export function StatusSteps({ status, origin, labels, chain: given }: StatusStepsProps) {
  const t = useT();
  const names = labels ?? t.caseStatus;
  const chain = given ?? (origin && origin !== 'anmalan' && status !== 'forhandsbedomning'
    ? STATUS_CHAIN.filter((s) => s !== 'forhandsbedomning')
    : STATUS_CHAIN);
  const current = chain.indexOf(status);
  return (
    <ol className="steps" aria-label={t.statusChain}>
      {chain.map((step, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li key={step} className={`step step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="step-dot" aria-hidden="true">{state === 'done' ? <Icon name="check" size={12} /> : null}</span>
            <span className="step-label">
              {names[step]}
              {state === 'current' && <span className="visually-hidden"> ({t.currentStep})</span>}
              {state === 'done' && <span className="visually-hidden"> ({t.completedStep})</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
