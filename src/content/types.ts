// The newsroom's four content types, named once: the app's modules and the test helpers import them
// from here.

export const ARTICLE = 'api::article.article';
export const QUOTE = 'api::quote.quote';
export const PERSON = 'api::person.person';
export const SOURCE = 'api::source.source';

export const NEWSROOM_TYPES: readonly string[] = [ARTICLE, QUOTE, PERSON, SOURCE];
/** Reference data: no Draft & Publish, linked from stories and quotes. */
export const REFERENCE_TYPES: readonly string[] = [PERSON, SOURCE];
