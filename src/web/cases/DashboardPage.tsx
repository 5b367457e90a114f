// Arbetsledarens översikt: placeholder.
export function DashboardPage() { return <h1>Översikt</h1>; }
