// Ny aktualisering: placeholder.
export function NewCasePage() { return <h1>Ny aktualisering</h1>; }
