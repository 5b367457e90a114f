// A count beside a main-menu item: the number is seen, the words are heard (", 3 nya ärenden").
export function NavCount({ n, label }: { n: number; label: string }) {
  if (n <= 0) return null;
  return <span className="nav-count"><span aria-hidden="true">{n}</span><span className="visually-hidden">, {label}</span></span>;
}
