import slugifyText from 'slugify';

/** Lowercase a-z, 0-9, single hyphens between words. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 200;
// Generated slugs stay readable in a URL; an editor may still type a longer one.
const GENERATED_SLUG_MAX_LENGTH = 96;

export const isValidSlug = (value: string) =>
  value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);

/** Slug for a title or name; Cyrillic is transliterated. Empty when nothing usable remains. */
export const toSlug = (text: string): string => {
  const slug = slugifyText(text, { lower: true, strict: true, trim: true })
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length <= GENERATED_SLUG_MAX_LENGTH) return slug;
  const cut = slug.slice(0, GENERATED_SLUG_MAX_LENGTH);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut;
};

/**
 * First of `base`, `base-2`, `base-3`, ... that `isTaken` says is free.
 * `isTaken` is given candidates in order, so a caller can answer from one query.
 */
export const firstFreeSlug = async (
  base: string,
  isTaken: (candidate: string) => Promise<boolean> | boolean
): Promise<string> => {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
};
