// The provider's order page: secure messages with the person (or whoever acting for them wrote)
// about this order. The handläggare does not see them; "Journalför" makes an unsigned entry in the
// provider's journal. A section like the order page's others (pv-section).
import { ErrorPanel, Loading } from '../ui/Status';
import { useMessagesText } from './messages-text';
import { useThreads } from './queries';
import { StaffThreads } from './StaffThreads';
import { Section } from '../provider/Section';

export function OrderCitizenMessages({ orderId, onDone }: { orderId: string; onDone: (text: string) => void }) {
  const m = useMessagesText();
  const scope = { kind: 'order' as const, orderId };
  const query = useThreads(scope);
  const list = query.data;
  if (list && list.threads.length === 0 && list.canStartWith.length === 0) return null;
  return (
    <Section id="meddelanden-medborgare" title={m.providerSectionTitle}>
      <p className="hint">{m.providerLead}</p>
      {query.isPending && <Loading />}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {list && <StaffThreads scope={scope} list={list} headingLevel={3} onDone={onDone} />}
    </Section>
  );
}
