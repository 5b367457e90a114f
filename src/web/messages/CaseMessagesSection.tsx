// Meddelanden med <förnamn> on the case page: the secure conversations with the person and those
// acting for them (a guardian, an ombud), each with its own reply, unread marks, and "Journalför"
// per message, which puts a draft with who, when and the text in the journal below, to read and sign
// (14 kap. 3 § SoL). Shown when there is a conversation or someone who can be written to.
import type { CaseDetail } from '../../shared/cases-api';
import { Section } from '../cases/FactsSections';
import { useStatusMessage } from '../cases/form';
import { ErrorPanel, Loading } from '../ui/Status';
import { useMessagesText } from './messages-text';
import { useThreads } from './queries';
import { StaffThreads } from './StaffThreads';

export function CaseMessagesSection({ detail }: { detail: CaseDetail }) {
  const m = useMessagesText();
  const status = useStatusMessage();
  const scope = { kind: 'case' as const, caseId: detail.id };
  const query = useThreads(scope);
  const list = query.data;
  if (list && list.threads.length === 0 && list.canStartWith.length === 0) return null;
  const firstName = detail.person.name.trim().split(/\s+/)[0] ?? detail.person.name;
  return (
    <Section id="meddelanden" title={m.sectionTitle(firstName)}>
      {status.node}
      <p className="hint">{m.staffLead}</p>
      {query.isPending && <Loading />}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {list && <StaffThreads scope={scope} list={list} headingLevel={3} onDone={status.show} />}
    </Section>
  );
}
