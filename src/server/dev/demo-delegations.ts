// The demo municipality's delegationsordning: who may take which decision on the nämnd's behalf
// (6 kap. 37 § kommunallagen 2017:725). Modelled on a common Swedish pattern:
// - biståndshandläggare decide the everyday insatser for elderly and disabled people, bifall as
//   well as avslag; avslag on särskilt boende is the enhetschef's;
// - LSS-handläggare decide most LSS insatser; personlig assistans and housing are the enhetschef's;
// - socialsekreterare decide ekonomiskt bistånd in full;
// - in the child unit the socialsekreterare opens a child investigation; the 1:e socialsekreterare
//   decides not to open one and extends child
//   investigations and decides kontaktfamilj and kontaktperson; placements in familjehem and HVB
//   are not delegated to officials at all: they go to the nämnd's utskott.
// Rules without a unit hold in every unit; "ifo" is the unit for children and young people.
// Pure data with deterministic ids, like demo-data.ts.
import type { DelegationLevel } from '../../domain/delegation.ts';
import type { DecisionOutcome } from '../../domain/process/types.ts';
import { demoUuid } from './demo-data.ts';

export interface DelegationRow {
  municipalityId: number;
  id: string;
  decisionType: string;
  level: DelegationLevel;
  outcomes: DecisionOutcome[];
  unitId: string | null;
  note: string | null;
}

const ALL: DecisionOutcome[] = ['bifall', 'delvis_bifall', 'avslag'];
const GRANT: DecisionOutcome[] = ['bifall', 'delvis_bifall'];

export function demoDelegations(
  municipalityId: number, units: { aldreomsorg: string; funktionsstod: string; ifo: string },
): DelegationRow[] {
  const rows: DelegationRow[] = [];
  type UnitRole = keyof typeof units | 'alla';
  const unitOf = (role: UnitRole) => (role === 'alla' ? null : units[role]);
  const add = (decisionType: string, level: DelegationLevel, outcomes: DecisionOutcome[], unit: UnitRole, note: string) => {
    const unitId = unitOf(unit);
    // A municipality with one unit for several areas gets one rule per type, position and unit
    // (as the API demands): the outcomes are merged into the first.
    const twin = rows.find((r) => r.decisionType === decisionType && r.level === level && r.unitId === unitId);
    if (twin) {
      twin.outcomes = ALL.filter((o) => twin.outcomes.includes(o) || outcomes.includes(o));
      return;
    }
    rows.push({ municipalityId, id: demoUuid(`${municipalityId}:delegation:${decisionType}:${level}:${unit}`), decisionType, level, outcomes: [...outcomes], unitId, note });
  };

  // 11 kap. 1 § SoL: äldre och personer med funktionsnedsättning
  for (const type of ['hemtjanst', 'trygghetslarm', 'matdistribution', 'dagverksamhet', 'korttidsvistelse', 'avlosning']) {
    add(type, 'handlaggare', ALL, 'alla', 'Biståndshandläggare');
  }
  add('sarskilt_boende', 'handlaggare', GRANT, 'alla', 'Biståndshandläggare, bifall och delvis bifall');
  add('sarskilt_boende', 'arbetsledare', ['avslag'], 'aldreomsorg', 'Avslag: enhetschef biståndsenheten');
  add('sarskilt_boende', 'arbetsledare', ['avslag'], 'funktionsstod', 'Avslag: enhetschef LSS- och socialpsykiatrienheten');
  add('boendestod', 'handlaggare', ALL, 'alla', 'Biståndshandläggare eller socialsekreterare');
  add('kontaktperson_sol', 'handlaggare', ALL, 'funktionsstod', 'Vuxna: handläggare socialpsykiatri');
  add('kontaktperson_sol', 'arbetsledare', ALL, 'ifo', 'Barn och unga: 1:e socialsekreterare');

  // 9 § LSS
  for (const type of ['lss_ledsagarservice', 'lss_kontaktperson', 'lss_avlosarservice', 'lss_korttidsvistelse', 'lss_korttidstillsyn', 'lss_daglig_verksamhet']) {
    add(type, 'handlaggare', ALL, 'funktionsstod', 'LSS-handläggare');
  }
  add('lss_personlig_assistans', 'arbetsledare', ALL, 'funktionsstod', 'Enhetschef; personlig assistans beslutas inte av handläggare');
  add('lss_bostad_sarskild_service', 'arbetsledare', ALL, 'funktionsstod', 'Enhetschef');
  add('lss_boende_barn', 'arbetsledare', ALL, 'funktionsstod', 'Enhetschef');

  // 12 kap. 1 § SoL: ekonomiskt bistånd
  add('forsorjningsstod', 'handlaggare', ALL, 'alla', 'Socialsekreterare, enligt riksnormen och kommunens riktlinjer');
  add('livsforing_ovrigt', 'handlaggare', ALL, 'alla', 'Socialsekreterare, enligt kommunens riktlinjer');

  // Individ- och familjeomsorg: barn och unga (20 kap. 2–3 §§ SoL) and insatser
  add('inleda_utredning_barn', 'handlaggare', ALL, 'ifo', 'Socialsekreterare');
  add('inte_inleda_utredning_barn', 'arbetsledare', ALL, 'ifo', '1:e socialsekreterare');
  add('forlanga_barnutredning', 'arbetsledare', ALL, 'ifo', '1:e socialsekreterare; förlängning för viss tid vid särskilda skäl');
  add('kontaktfamilj', 'arbetsledare', ALL, 'ifo', '1:e socialsekreterare');
  // familjehem and hvb: deliberately absent, the utskott decides placements.

  // Individ- och familjeomsorg: vuxna
  add('inte_inleda_utredning_vuxen', 'handlaggare', ALL, 'alla', 'Socialsekreterare');
  add('stodsamtal', 'handlaggare', ALL, 'alla', 'Socialsekreterare');
  add('oppenvard', 'handlaggare', ALL, 'alla', 'Socialsekreterare');
  add('skyddat_boende', 'arbetsledare', ALL, 'alla', '1:e socialsekreterare; akut placering, anmäls till utskottet');
  return rows;
}
