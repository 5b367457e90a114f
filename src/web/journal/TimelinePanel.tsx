// A person's timeline: placeholder until the journal module lands.
export function TimelinePanel(_props: { personId: string }) { return null; }
