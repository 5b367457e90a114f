// Ärendet: placeholder until the case page lands.
export function CasePage() { return <h1>Ärende</h1>; }
