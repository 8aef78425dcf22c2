// The list view's column hook runs synchronously: it decides from the last known workflow definition
// (kept in memory and in localStorage), and from the URL's content type.
const KEY = 'editorial-workflow:contentTypes';
let known: string[] | null = null;

export const rememberManaged = (contentTypes: string[]) => {
  known = contentTypes;
  try {
    window.localStorage.setItem(KEY, JSON.stringify(contentTypes));
  } catch {
    /* storage may be unavailable */
  }
};

export const knownManaged = (): string[] | null => {
  if (known) return known;
  try {
    const raw = window.localStorage.getItem(KEY);
    if (raw) known = JSON.parse(raw);
  } catch {
    /* ignore */
  }
  return known;
};

export const uidFromLocation = () => {
  const match = window.location.pathname.match(
    /\/content-manager\/(?:collection-types|single-types)\/([^/?#]+)/
  );
  return match ? decodeURIComponent(match[1]) : null;
};
