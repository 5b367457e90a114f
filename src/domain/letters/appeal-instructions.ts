// Överklagandehänvisning: how to appeal a decision by förvaltningsbesvär, in plain Swedish
// (klarspråk, "du"-form). Printed in the decision letter for every decision that goes against
// the party and can be appealed (domain.md 1.2):
// - 33 § FL: the party must be told the full content of the decision and, if it can be
//   appealed, how to appeal it.
// - 42 § FL: only a decision that goes against the party can be appealed by them, so a full
//   bifall gets no instruction (decided in decision-letter.ts).
// - 43 § FL: the appeal is written, says which decision is appealed and what change is asked
//   for, and is handed in to the authority that made the decision (here the nämnd), although
//   it is addressed to and tried by förvaltningsrätten (35 kap. 1–2 §§ SoL; 27 § LSS).
// - 44 § FL: it must have come in within three weeks of the day the party received the decision.
// - 45 § FL: the nämnd first checks that it came in on time (rättidsprövning, see ../appeal.ts).
// - 38–39 §§ FL: the nämnd may change (ompröva) its own decision; if it changes it as the party
//   asks, the appeal lapses; otherwise 46 § FL: it sends the appeal and the case papers on to
//   förvaltningsrätten.
// There is no court fee for an appeal in förvaltningsrätten.

/** A paragraph starting with this marker is a list item; the renderer draws it as a bullet. */
export const LIST_ITEM_PREFIX = '• ';

export interface AppealInstructions {
  title: string;
  paragraphs: string[];
}

export function appealInstructions(opts: {
  boardName: string;
  caseNumber: string;
  /** Who the party can ask for help; without it the text says "oss". */
  helpContact?: { name: string; phone: string } | null;
  /** The nämnd's postal address lines, printed where the appeal is to be sent. */
  boardAddressLines?: string[] | null;
}): AppealInstructions {
  const board = opts.boardName.trim();
  const addressLines = (opts.boardAddressLines ?? []).map((l) => l.trim()).filter((l) => l !== '');
  const address = addressLines.length > 0 ? [board, ...addressLines].join(', ') : null;
  const helper = opts.helpContact
    ? [opts.helpContact.name.trim(), opts.helpContact.phone.trim() && `telefon ${opts.helpContact.phone.trim()}`].filter(Boolean).join(', ')
    : '';
  const help = `Om du behöver hjälp med att överklaga kan du kontakta ${helper || 'oss'}.`;
  return {
    title: 'Så överklagar du beslutet',
    paragraphs: [
      // 43 § FL (written, to förvaltningsrätten, handed in to the nämnd)
      'Om du inte är nöjd med beslutet kan du överklaga det. Då prövar förvaltningsrätten beslutet. Det kostar ingenting att överklaga.',
      `Överklagandet ska vara skriftligt. Du skriver det till förvaltningsrätten, men du skickar eller lämnar det till ${board}. Skicka det inte direkt till förvaltningsrätten.` +
        (address ? ` Adressen är ${address}.` : ''),
      // 44 § FL (three weeks from the day the party received the decision)
      `Överklagandet måste ha kommit in till ${board} inom tre veckor från den dag du fick del av beslutet. Om det kommer in för sent kan det inte prövas.`,
      'Skriv i överklagandet:',
      `${LIST_ITEM_PREFIX}vilket beslut du överklagar, till exempel beslutsdatum och diarienummer ${opts.caseNumber}`,
      `${LIST_ITEM_PREFIX}hur du vill att beslutet ska ändras`,
      `${LIST_ITEM_PREFIX}varför du tycker att beslutet ska ändras`,
      `${LIST_ITEM_PREFIX}ditt namn, personnummer, adress och telefonnummer.`,
      'Skriv under överklagandet. Du kan skicka med handlingar som stöder det du skriver.',
      // 45 § FL (rättidsprövning), 38–39 §§ FL (omprövning), 46 § FL (sent on to the court)
      `Först kontrollerar ${board} att överklagandet har kommit in i rätt tid. Sedan prövar nämnden om beslutet ska ändras. Nämnden kan själv ändra beslutet. Om nämnden inte ändrar beslutet så som du vill, skickar nämnden ditt överklagande och handlingarna i ärendet vidare till förvaltningsrätten.`,
      help,
    ],
  };
}

/**
 * Laglighetsprövning (13 kap. kommunallagen 2017:725): for a decision that cannot be appealed by
 * förvaltningsbesvär (domain.md 1.2). Any kommunmedlem may ask förvaltningsrätten to try whether
 * the decision was lawful, not whether it is right (13 kap. 1 och 8 §§ KL). The request must have
 * come in within three weeks of the day it was announced on the kommunens anslagstavla that the
 * protocol with the decision had been approved (justerat) (13 kap. 5–6 §§ KL). The text differs
 * from the förvaltningsbesvär instruction, as it must. Used by the decision letter and the e-service.
 */
export function laglighetsprovningInstructions(opts: {
  /** What the decision was about ("hemtjänst"); without it the text says "Beslutet". */
  subject?: string | null;
  /** Who the party can ask how to do it; without it no such sentence. */
  helpContactName?: string | null;
} = {}): AppealInstructions {
  const what = opts.subject ? `Beslutet om ${opts.subject}` : 'Beslutet';
  const helper = opts.helpContactName?.trim();
  return {
    title: 'Går beslutet att överklaga?',
    paragraphs: [
      `${what} kan inte överklagas till förvaltningsrätten på vanligt sätt. ` +
        'Däremot kan du som är kommunmedlem begära laglighetsprövning enligt 13 kap. kommunallagen. ' +
        'Då prövar förvaltningsrätten bara om beslutet har fattats på ett lagligt sätt, inte om det är rätt i sak.',
      // 13 kap. 5–6 §§ KL: three weeks from the announcement on the anslagstavla that the protocol was approved.
      // Said as 21 days, so it is not confused with the 44 § FL three weeks of the förvaltningsbesvär text.
      'Begäran ska ha kommit in till förvaltningsrätten inom 21 dagar från den dag det tillkännagavs på kommunens anslagstavla att protokollet med beslutet hade justerats.',
      ...(helper ? [`Kontakta ${helper} om du vill veta hur du gör.`] : []),
    ],
  };
}
