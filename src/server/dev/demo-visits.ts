// Today's home-care visits for the demo's field staff, on orders that are pågående at their own
// provider: Fatima and Erik at Hemtjänsten Centrum (p1), Mikael at Omsorgsbolaget Trygg Vardag (p2).
// Times are Swedish wall-clock times on the seed day.
import { stockholmInstant } from '../../domain/visits.ts';
import { demoUuid } from './demo-data.ts';

export interface VisitRow {
  municipalityId: number; id: string; orderId: string; staffUserId: string; plannedStart: string; plannedMinutes: number;
  tasks: string; status: 'planerad';
}

/** The order of a demo case (all these are 'Ansökan om hemtjänst' in Demo kommun). */
const orderOf = (person: string) => demoUuid(`${demoUuid(`1:case:${person}:Ansökan om hemtjänst`)}:order`);

const PLAN: Array<[staff: string, person: string, time: string, minutes: number, tasks: string]> = [
  ['fatima', 'gosta', '07:30', 45, 'Morgonhjälp: dusch (tisdag och fredag), frukost, påminnelse om medicin.'],
  ['fatima', 'gunnel', '09:00', 60, 'Matlagning tillsammans, kontroll att blodsockret är mätt. Städning varannan vecka.'],
  ['fatima', 'gosta', '12:00', 30, 'Lunch och inköpslista för veckans inköp.'],
  ['fatima', 'gerd', '15:30', 45, 'Eftermiddagsbesök: disk, plocka undan, ställ saker på samma ställe.'],
  ['erik', 'karin', '08:00', 60, 'Städning av kök och badrum, Karin deltar.'],
  ['erik', 'gerd', '10:30', 45, 'Morgonhjälp och frukost.'],
  ['erik', 'gunnel', '17:00', 30, 'Kvällsmat och påminnelse om kvällsinsulin.'],
  ['mikael', 'ulla', '08:15', 45, 'Morgonhjälp och frukost.'],
  ['mikael', 'astrid', '11:00', 60, 'Inköp och lunch. Mata katten.'],
  ['mikael', 'astrid', '19:00', 30, 'Kvällshjälp.'],
];

export function demoVisits(today: string): VisitRow[] {
  return PLAN.map(([staff, person, time, minutes, tasks]) => ({
    municipalityId: 1,
    id: demoUuid(`1:visit:${today}:${staff}:${person}:${time}`),
    orderId: orderOf(person),
    staffUserId: demoUuid(`1:staff:${staff}`),
    plannedStart: stockholmInstant(today, time).toISOString(),
    plannedMinutes: minutes,
    tasks,
    status: 'planerad',
  }));
}
