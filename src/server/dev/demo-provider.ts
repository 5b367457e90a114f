// The provider side of the demo: a signed genomförandeplan and a newer draft for Gösta at
// Hemtjänsten Centrum (p1), one for Astrid at Omsorgsbolaget Trygg Vardag (p2), the providers'
// own journal entries, an avvikelse and a lex Sarah report under investigation, messages between
// the handläggare and the provider, and performed visits of the past two weeks (utförd tid).
// Rows are camelCase objects for seed.ts's insertAll, per table, in insertion order.
import { addDays } from '../../domain/deadlines.ts';
import { stockholmInstant } from '../../domain/visits.ts';
import { demoUuid } from './demo-data.ts';

const M = 1;
const orderOf = (person: string) => demoUuid(`${demoUuid(`${M}:case:${person}:Ansökan om hemtjänst`)}:order`);
const staff = (key: string) => demoUuid(`${M}:staff:${key}`);
const at = (date: string, time: string) => stockholmInstant(date, time).toISOString();

export function demoProviderData(today: string): Array<[table: string, rows: object[]]> {
  const gosta = orderOf('gosta');
  const astrid = orderOf('astrid');
  const gunnel = orderOf('gunnel');

  const goalsGosta = [
    { goal: 'Hemtjänst i ordinärt boende: personlig omvårdnad och serviceinsatser enligt beslutet', fromDecision: true },
    { goal: 'Gösta kan bo kvar hemma och känna sig trygg', fromDecision: false },
    { goal: 'Gösta duschar två gånger i veckan med stöd, och sköter själv det han kan', fromDecision: false },
  ];
  const partsGosta = [
    { what: 'Dusch', how: 'Stöd vid av- och påklädning. Gösta tvättar sig själv; personalen hjälper med ryggen.', when: 'Tisdag och fredag förmiddag', who: 'Kontaktperson Fatima Ali' },
    { what: 'Frukost och medicin', how: 'Gösta bestämmer vad han vill äta. Personalen påminner om medicinen i dosetten.', when: 'Varje morgon kl. 7.30', who: 'Hemtjänstgruppen Centrum' },
    { what: 'Inköp', how: 'Gösta skriver inköpslista med personalen vid lunchbesöket.', when: 'En gång i veckan, torsdag', who: 'Hemtjänstgruppen Centrum' },
  ];
  const plans = [
    {
      municipalityId: M, id: demoUuid(`${M}:plan:gosta:1`), orderId: gosta, version: 1,
      goals: JSON.stringify(goalsGosta), parts: JSON.stringify(partsGosta),
      participation: 'Planen skrevs hemma hos Gösta. Han valde själv tiderna för dusch och ville ha samma kontaktperson. Dottern Ingrid deltog per telefon.',
      followUpOn: addDays(today, 60), status: 'signerad', createdBy: staff('fatima'),
      createdAt: at(addDays(today, -40), '10:00'), updatedAt: at(addDays(today, -40), '10:30'),
      signedAt: at(addDays(today, -40), '10:30'), signedBy: staff('fatima'),
    },
    {
      municipalityId: M, id: demoUuid(`${M}:plan:gosta:2`), orderId: gosta, version: 2,
      goals: JSON.stringify(goalsGosta),
      parts: JSON.stringify([...partsGosta, { what: 'Promenad', how: 'Följa med på en kort promenad om vädret tillåter.', when: 'Söndag eftermiddag', who: 'Hemtjänstgruppen Centrum' }]),
      participation: 'Gösta vill prova promenader på söndagar. Utkastet ska gås igenom med honom vid nästa besök.',
      followUpOn: addDays(today, 60), status: 'utkast', createdBy: staff('annap'),
      createdAt: at(addDays(today, -2), '14:00'), updatedAt: at(addDays(today, -2), '14:20'),
      signedAt: null, signedBy: null,
    },
    {
      municipalityId: M, id: demoUuid(`${M}:plan:astrid:1`), orderId: astrid, version: 1,
      goals: JSON.stringify([
        { goal: 'Hemtjänst i ordinärt boende enligt beslutet', fromDecision: true },
        { goal: 'Astrid har samma personal så långt det går', fromDecision: false },
      ]),
      parts: JSON.stringify([{ what: 'Inköp och lunch', how: 'Astrid gör inköpslistan själv. Katten matas.', when: 'Vardagar kl. 11', who: 'Mikael Roos' }]),
      participation: 'Astrid deltog vid mötet och ville att planen skulle vara kort.',
      followUpOn: addDays(today, 90), status: 'signerad', createdBy: staff('helena'),
      createdAt: at(addDays(today, -50), '13:00'), updatedAt: at(addDays(today, -50), '13:30'),
      signedAt: at(addDays(today, -50), '13:30'), signedBy: staff('helena'),
    },
  ];

  const journal = [
    {
      municipalityId: M, id: demoUuid(`${M}:pjournal:gosta:1`), orderId: gosta, authorId: staff('fatima'), occurredOn: addDays(today, -14),
      title: 'Uppstartsbesök', body: 'Gick igenom beställningen med Gösta. Han vill ha hjälp med dusch tisdag och fredag. Nyckel kvitterad.',
      correctsId: null, createdAt: at(addDays(today, -14), '16:00'), signedAt: at(addDays(today, -14), '16:05'), signedBy: staff('fatima'),
    },
    {
      municipalityId: M, id: demoUuid(`${M}:pjournal:gosta:2`), orderId: gosta, authorId: staff('erik'), occurredOn: addDays(today, -3),
      title: 'Dusch', body: 'Gösta var trött och ville skjuta duschen till i morgon. Erbjöd hjälp med sänggåendet i stället.',
      correctsId: null, createdAt: at(addDays(today, -3), '11:00'), signedAt: at(addDays(today, -3), '11:02'), signedBy: staff('erik'),
    },
    {
      municipalityId: M, id: demoUuid(`${M}:pjournal:gosta:3`), orderId: gosta, authorId: staff('fatima'), occurredOn: addDays(today, -1),
      title: 'Inköp', body: 'Handlade enligt inköpslistan. Gösta bad om laktosfri mjölk framöver.',
      correctsId: null, createdAt: at(addDays(today, -1), '13:00'), signedAt: null, signedBy: null,
    },
    {
      municipalityId: M, id: demoUuid(`${M}:pjournal:gunnel:1`), orderId: gunnel, authorId: staff('fatima'), occurredOn: addDays(today, -5),
      title: 'Matlagning', body: 'Lagade köttfärssås tillsammans med Gunnel. Blodsockret var mätt.',
      correctsId: null, createdAt: at(addDays(today, -5), '10:30'), signedAt: at(addDays(today, -5), '10:31'), signedBy: staff('fatima'),
    },
  ];

  const deviations = [
    {
      municipalityId: M, id: demoUuid(`${M}:deviation:gosta:1`), orderId: gosta, reportedBy: staff('erik'), occurredAt: at(addDays(today, -6), '07:30'),
      description: 'Morgonbesöket blev 50 minuter försenat på grund av sjukfrånvaro i gruppen.', immediateAction: 'Ringde Gösta och förklarade.',
      lexSarah: false, status: 'avslutad', serious: null, ivoReportedOn: null, closedAt: at(addDays(today, -4), '09:00'),
      closingNote: 'Rutinen för att ringa in vikarie är förtydligad.', createdAt: at(addDays(today, -6), '09:00'),
    },
    {
      municipalityId: M, id: demoUuid(`${M}:deviation:gosta:2`), orderId: gosta, reportedBy: staff('fatima'), occurredAt: at(addDays(today, -2), '07:45'),
      description: 'Gösta hade inte fått sin medicin på kvällen två dagar i rad. Dosetten var orörd.',
      immediateAction: 'Kontaktade sjuksköterskan, som bedömde läget. Gösta mådde bra.',
      lexSarah: true, status: 'utreds', serious: null, ivoReportedOn: null, closedAt: null, closingNote: null, createdAt: at(addDays(today, -2), '08:30'),
    },
  ];

  const messages = [
    {
      municipalityId: M, id: demoUuid(`${M}:omsg:gosta:1`), orderId: gosta, side: 'myndighet', authorId: staff('eva'),
      body: 'Hej! Gösta har ringt och undrar om duschen kan flyttas till förmiddag. Går det att ordna?',
      createdAt: at(addDays(today, -8), '10:15'), readAt: at(addDays(today, -8), '11:00'),
    },
    {
      municipalityId: M, id: demoUuid(`${M}:omsg:gosta:2`), orderId: gosta, side: 'utforare', authorId: staff('annap'),
      body: 'Ja, från nästa vecka duschar han tisdag och fredag förmiddag. Det står i genomförandeplanen.',
      createdAt: at(addDays(today, -8), '11:05'), readAt: at(addDays(today, -8), '13:00'),
    },
    {
      municipalityId: M, id: demoUuid(`${M}:omsg:gosta:3`), orderId: gosta, side: 'myndighet', authorId: staff('eva'),
      body: 'Uppföljningen av beslutet är planerad om två månader. Skicka gärna den reviderade planen när den är signerad.',
      createdAt: at(addDays(today, -1), '15:20'), readAt: null,
    },
  ];

  // Performed visits of the past two weeks for Gösta (morning visits), checked in and out.
  const visits = Array.from({ length: 14 }, (_, i) => {
    const day = addDays(today, -14 + i);
    const minutes = 40 + ((i * 7) % 11);
    return {
      municipalityId: M, id: demoUuid(`${M}:visit:done:gosta:${day}`), orderId: gosta, staffUserId: staff(i % 3 === 2 ? 'erik' : 'fatima'),
      plannedStart: at(day, '07:30'), plannedMinutes: 45, tasks: 'Morgonhjälp: frukost, medicin, dusch tisdag och fredag.', status: 'utford',
      checkedInAt: at(day, '07:32'), checkedOutAt: new Date(stockholmInstant(day, '07:32').getTime() + minutes * 60_000).toISOString(),
      note: i === 11 ? 'Gösta ville skjuta duschen till i morgon.' : null,
    };
  });

  return [
    ['implementation_plans', plans],
    ['provider_journal_entries', journal],
    ['deviations', deviations],
    ['order_messages', messages],
    ['visits', visits],
  ];
}
