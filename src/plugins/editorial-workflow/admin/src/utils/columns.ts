type Header = { name: string };

/**
 * `column` right after the main field (the title), where an editor looks first, instead of past the
 * right edge of the table; after the first column that is not an id when the main field is not
 * shown; last when nothing else is. A column already there is moved, never doubled.
 */
export const insertAfterMainField = <H extends Header, C extends Header>(
  headers: H[],
  column: C,
  mainField: string | undefined
): (H | C)[] => {
  const rest = headers.filter((h) => h.name !== column.name);
  let at = mainField
    ? rest.findIndex((h) => h.name === mainField || h.name.split('.')[0] === mainField)
    : -1;
  if (at === -1) at = rest.findIndex((h) => h.name !== 'id' && h.name !== 'documentId');
  const index = at === -1 ? rest.length : at + 1;
  return [...rest.slice(0, index), column, ...rest.slice(index)];
};
