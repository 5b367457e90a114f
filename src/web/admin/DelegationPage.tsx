// Delegationsordning: placeholder until the module lands.
export function DelegationPage() { return <h1>Delegationsordning</h1>; }
