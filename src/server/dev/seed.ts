// Writes the demo data the first time Lots starts. Runs as the database owner (no tenant
// context needed), in one transaction, table by table in foreign-key order.
import type pg from 'pg';
import { dateInSweden } from '../../domain/deadlines.ts';
import { buildDemoData, demoUuid, type DemoData } from './demo-data.ts';
import { demoDelegations } from './demo-delegations.ts';
import { demoLetterTemplates } from './demo-letter-templates.ts';
import { demoVisits } from './demo-visits.ts';
import { demoProviderData } from './demo-provider.ts';

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Multi-row INSERT of camelCase objects into snake_case columns, in chunks. */
async function insertAll(client: pg.ClientBase, table: string, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]!);
  const columns = keys.map(snake).join(', ');
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => {
      const r = row as Record<string, unknown>;
      return `(${keys.map((k) => { values.push(r[k]); return `$${values.length}`; }).join(', ')})`;
    });
    await client.query(`INSERT INTO ${table} (${columns}) VALUES ${tuples.join(', ')}`, values);
  }
}

const TABLES: Array<[string, keyof DemoData]> = [
  ['municipalities', 'municipalities'], ['org_units', 'orgUnits'], ['providers', 'providers'], ['staff_users', 'staffUsers'],
  ['persons', 'persons'], ['person_relations', 'personRelations'], ['cases', 'cases'], ['case_deadlines', 'caseDeadlines'],
  ['decisions', 'decisions'], ['journal_entries', 'journalEntries'], ['orders', 'orders'],
];

export async function seedDemo(client: pg.ClientBase, today = dateInSweden()): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM municipalities WHERE id = 1');
  if (rowCount) return false;
  const data = buildDemoData(today);
  await client.query('BEGIN');
  try {
    for (const [table, key] of TABLES) {
      // parent units first, so the self-reference resolves
      const rows = key === 'orgUnits' ? [...data.orgUnits].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null)) : data[key];
      await insertAll(client, table, rows);
    }
    // Each municipality's delegationsordning (Exempelstad has one unit for vård och omsorg).
    await insertAll(client, 'delegations', [
      ...demoDelegations(1, { aldreomsorg: demoUuid('1:unit:ao'), funktionsstod: demoUuid('1:unit:fs'), ifo: demoUuid('1:unit:bu') }),
      ...demoDelegations(2, { aldreomsorg: demoUuid('2:unit:ao'), funktionsstod: demoUuid('2:unit:ao'), ifo: demoUuid('2:unit:bu') }),
    ]);
    for (const m of data.municipalities) await insertAll(client, 'letter_templates', demoLetterTemplates(m.id));
    await insertAll(client, 'visits', demoVisits(today));
    for (const [table, rows] of demoProviderData(today)) await insertAll(client, table, rows);
    await client.query('COMMIT');
    return true;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}
