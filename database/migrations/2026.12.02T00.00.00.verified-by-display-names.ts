// A quote's `verifiedBy` was once stamped with the verifier's internal id: "Fiona Factchecker
// (admin #4)", `API token "Wire desk" (api-token #2)`, "reader (user #7)". Readers get that field,
// so it is now a display name: this rewrites the old stamps in every row, draft and published, to
// the name alone. Stamps from before `verifiedByActor` existed also give it the identity they
// carried, so the approval guard can again tell who gave the verdict.
//
// Strapi runs each file here once, in name order, before the schema sync, inside a transaction,
// and records it in `strapi_migrations`. With `useTypescriptMigrations` (config/database.ts) it
// reads the compiled file from dist/database/migrations.

const QUOTE = 'api::quote.quote';
const OLD_STAMP = /^(.+) \((admin|api-token|user) #(\d+)\)$/s;

export interface StampFix {
  verifiedBy: string;
  actor: { type: string; id: number; name: string };
}

/** The display name (and who it was) in an old-style stamp; null for anything else. Pure. */
export const parseOldStamp = (value: unknown): StampFix | null => {
  if (typeof value !== 'string') return null;
  const match = OLD_STAMP.exec(value);
  if (!match) return null;
  const [, name, type, id] = match;
  return { verifiedBy: name, actor: { type, id: Number(id), name } };
};

const columnOf = (meta: any, attribute: string): string | null => {
  const column = meta?.attributes?.[attribute];
  return column ? (column.columnName ?? attribute) : null;
};

export async function up(knex: any, db: any) {
  const meta = db.metadata.get(QUOTE);
  const stamp = columnOf(meta, 'verifiedBy');
  const actorColumn = columnOf(meta, 'verifiedByActor');
  // A new database has no tables yet (the schema sync comes after): nothing to rewrite.
  if (
    !meta ||
    !stamp ||
    !(await knex.schema.hasTable(meta.tableName)) ||
    !(await knex.schema.hasColumn(meta.tableName, stamp))
  )
    return;
  const hasActor =
    Boolean(actorColumn) && (await knex.schema.hasColumn(meta.tableName, actorColumn));

  const rows = await knex(meta.tableName)
    .select(['id', stamp, ...(hasActor ? [actorColumn] : [])])
    .where(stamp, 'like', '% (%#%)');
  for (const row of rows) {
    const fix = parseOldStamp(row[stamp]);
    if (!fix) continue;
    const data: Record<string, unknown> = { [stamp]: fix.verifiedBy };
    if (hasActor && (row[actorColumn!] === null || row[actorColumn!] === undefined))
      data[actorColumn!] = JSON.stringify(fix.actor);
    await knex(meta.tableName).where({ id: row.id }).update(data);
  }
}

// The names stay: the ids they carried are in `verifiedByActor` where it was empty.
export async function down() {}
