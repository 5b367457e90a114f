// Demo letter templates for a municipality, in plain Swedish (klarspråk, språklagen 2009:600
// 11 §). Placeholders are filled from the case when a letter is written:
// {namn}, {personnummer}, {arendenummer}, {handlaggare}, {datum}, {svarsdatum}.
// Paragraphs are separated by a blank line; a paragraph starting with "• " is a list item, and
// text in [square brackets] is for the case worker to replace before the letter is created.
// Deterministic ids (demoUuid), so re-seeding gives the same rows.
import { demoUuid } from './demo-data.ts';

type Area = 'barn_och_unga' | 'vuxen' | 'ekonomiskt_bistand' | 'aldreomsorg' | 'funktionsstod' | 'familjeratt' | 'vald_i_nara_relationer';

export interface DemoLetterTemplate { municipalityId: number; id: string; title: string; areas: Area[]; body: string }

const APPLICATION_AREAS: Area[] = ['aldreomsorg', 'funktionsstod', 'ekonomiskt_bistand', 'vuxen'];

const TEMPLATES: Array<{ key: string; title: string; areas: Area[]; body: string[] }> = [
  {
    // Those concerned are told genast when a child investigation opens (20 kap. 4 § SoL 2025:400).
    key: 'utredning-inleds',
    title: 'Information om att utredning inleds',
    areas: ['barn_och_unga'],
    body: [
      'Socialtjänsten har beslutat att inleda en utredning om {namn}, {personnummer}. Vi vill med det här brevet berätta vad det innebär.',
      'Vi ska enligt 20 kap. 4 § socialtjänstlagen genast informera dem som berörs när en utredning om ett barn inleds. En utredning betyder inte att något redan är bestämt. Syftet är att ta reda på om barnet behöver stöd eller skydd från socialtjänsten.',
      'Under utredningen kommer vi att:',
      '• prata med barnet och med vårdnadshavarna',
      '• vid behov ta kontakt med till exempel skola, förskola eller hälso- och sjukvård',
      '• skriva ner det som kommer fram i en utredning som ni får läsa och lämna synpunkter på innan vi fattar beslut.',
      'Utredningen ska vara klar inom fyra månader (20 kap. 3 § socialtjänstlagen).',
      'Ni har rätt att ta del av uppgifterna i ärendet och att lämna egna synpunkter under hela utredningen. Ni kan också ha med er någon som stöd när vi träffas.',
      'Har du frågor är du välkommen att kontakta mig, {handlaggare}. Ange ärendenummer {arendenummer} när du hör av dig.',
    ],
  },
  {
    key: 'kallelse',
    title: 'Kallelse till möte',
    areas: [],
    body: [
      'Hej {namn}!',
      'Du är välkommen till ett möte med socialtjänsten. Vi vill träffa dig för att prata om ditt ärende ({arendenummer}).',
      'Tid: [dag och tid]\nPlats: [adress och eventuell våning]',
      'Om du vill kan du ta med dig någon som stöd, till exempel en anhörig eller ett ombud. Behöver du tolk, eller har du andra behov inför mötet, säg till så ordnar vi det.',
      'Om tiden inte passar, hör av dig så snart du kan så bokar vi en ny tid.',
    ],
  },
  {
    // An incomplete application: the authority helps the applicant to complete it (20 § FL 2017:900).
    key: 'komplettering',
    title: 'Begäran om komplettering av ansökan',
    areas: APPLICATION_AREAS,
    body: [
      'Hej {namn}!',
      'Vi har tagit emot din ansökan, ärende {arendenummer}. För att vi ska kunna pröva den behöver vi fler uppgifter från dig.',
      'Vi behöver:',
      '• [uppgift eller handling som saknas]',
      '• [uppgift eller handling som saknas]',
      'Skicka uppgifterna till oss senast {svarsdatum}. Du kan lämna dem i e-tjänsten, skicka dem med post eller lämna dem i receptionen.',
      'Om vi inte får uppgifterna fattar vi beslut utifrån det underlag vi har. Det kan betyda att du inte får det du ansökt om. Behöver du mer tid eller hjälp att ta fram uppgifterna, kontakta mig.',
    ],
  },
  {
    // The party is told of material from others and may respond before the decision (25 § FL 2017:900).
    key: 'kommunicering',
    title: 'Kommunicering av utredning',
    areas: [],
    body: [
      'Hej {namn}!',
      'Vi har nu gjort klart utredningen i ditt ärende, {arendenummer}. Innan vi fattar beslut har du rätt att ta del av det som har kommit in och att lämna synpunkter på det (25 § förvaltningslagen). Utredningen finns med i det här utskicket.',
      'Läs igenom utredningen. Om något är fel eller saknas, eller om du vill lägga till något, kan du höra av dig skriftligt eller muntligt.',
      'Vi behöver dina synpunkter senast {svarsdatum}. Om vi inte hör något från dig fattar vi beslut efter det datumet utifrån utredningen som den är.',
      'Vill du inte lämna några synpunkter behöver du inte göra något.',
      'Har du frågor är du välkommen att kontakta mig, {handlaggare}.',
    ],
  },
  {
    key: 'mottagen-ansokan',
    title: 'Bekräftelse på mottagen ansökan',
    areas: APPLICATION_AREAS,
    body: [
      'Hej {namn}!',
      'Vi har tagit emot din ansökan. Den har fått ärendenummer {arendenummer}. Ange gärna numret när du kontaktar oss.',
      'Din handläggare är {handlaggare}. Handläggaren utreder din ansökan och kan behöva träffa dig eller ta kontakt med andra, till exempel vården. Vi frågar dig först om det behövs.',
      'Du får ett skriftligt beslut när utredningen är klar. Om handläggningen drar ut på tiden får du veta det av oss.',
      'Har du frågor eller nya uppgifter som rör ansökan, hör gärna av dig.',
    ],
  },
];

/** 5 templates for the municipality (ids stable per municipality and template). */
export function demoLetterTemplates(municipalityId: number): DemoLetterTemplate[] {
  return TEMPLATES.map((t) => ({
    municipalityId,
    id: demoUuid(`${municipalityId}:letter-template:${t.key}`),
    title: t.title,
    areas: t.areas,
    body: t.body.join('\n\n'),
  }));
}
