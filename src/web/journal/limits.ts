// Field limits of the journal API, kept out of the shared schema module so TypeBox stays out of
// the web bundle. The types tie each value to the server's: a change there fails the type check.
type Api = typeof import('../../shared/journal-api');

export const JOURNAL_TITLE_MAX: Api['JOURNAL_TITLE_MAX'] = 200;
export const JOURNAL_BODY_MAX: Api['JOURNAL_BODY_MAX'] = 100_000;
