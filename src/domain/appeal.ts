// Överklagande: rättidsprövning (45 § FL). An appeal must have come in to the nämnd within three
// weeks of the day the party received the decision (44 § FL; domain.md 1.2), with the rule of
// lag (1930:173) when the last day is a Saturday, Sunday or public holiday (overklagandeDue).
// A late appeal is dismissed (avvisas) unless the delay was caused by a wrong appeal instruction
// from the nämnd (45 § FL; ⚠️ wording from secondary sources, domain.md 1.2).

import { isValidIsoDate, overklagandeDue, type IsoDate } from './deadlines.ts';
import { formatDateSv } from './format.ts';

const long = (date: IsoDate): string => formatDateSv(date, 'long');

export interface Rattidsprovning {
  /** The last day to appeal, or null while the delivery date is unknown. */
  lastDay: IsoDate | null;
  timely: boolean;
  /** What the system concluded, in plain Swedish, for the journal and the case view. */
  reasonSv: string;
  legalBasis: string;
}

export function rattidsprovning(input: { deliveredOn: IsoDate | null; receivedOn: IsoDate; wrongInstruction?: boolean }): Rattidsprovning {
  const legalBasis = '44–45 §§ FL';
  if (!isValidIsoDate(input.receivedOn)) throw new RangeError(`invalid date: ${input.receivedOn}`);
  if (input.deliveredOn === null) {
    return {
      lastDay: null, timely: true, legalBasis,
      reasonSv: 'Det är inte känt när parten fick del av beslutet, så överklagandetiden har inte börjat löpa. Överklagandet har kommit in i rätt tid.',
    };
  }
  const lastDay = overklagandeDue(input.deliveredOn);
  if (input.receivedOn < input.deliveredOn) {
    return { lastDay, timely: true, legalBasis, reasonSv: 'Överklagandet kom in innan parten fick del av beslutet och har kommit in i rätt tid.' };
  }
  if (input.receivedOn <= lastDay) {
    return { lastDay, timely: true, legalBasis, reasonSv: `Överklagandet kom in ${long(input.receivedOn)}, senast ${long(lastDay)}. Det har kommit in i rätt tid.` };
  }
  if (input.wrongInstruction) {
    return {
      lastDay, timely: true, legalBasis,
      reasonSv: `Överklagandet kom in ${long(input.receivedOn)}, efter sista dagen ${long(lastDay)}, men förseningen beror på en felaktig överklagandehänvisning. Det ska inte avvisas.`,
    };
  }
  return {
    lastDay, timely: false, legalBasis,
    reasonSv: `Överklagandet kom in ${long(input.receivedOn)}, efter sista dagen ${long(lastDay)}. Det har kommit in för sent och ska avvisas.`,
  };
}
