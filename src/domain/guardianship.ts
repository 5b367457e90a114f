// Custody (vårdnad) of a child ends when the child turns 18: "Barn står under vårdnad till dess
// barnet fyller arton år" (föräldrabalken 6 kap. 2 §). Until then a vårdnadshavare may act for
// the child; the access gate uses this to decide whom a guardian may see.
export const CUSTODY_ENDS_AT_AGE = 18;
