// Journal panel for a case: placeholder until the journal module lands.
export function JournalPanel(_props: { caseId: string; caseNumber: string }) { return null; }
