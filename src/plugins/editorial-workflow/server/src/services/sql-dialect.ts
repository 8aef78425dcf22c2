// The few SQL expressions the desk and the history backfill write differently for SQLite and
// PostgreSQL: time arithmetic, JSON reads and "the k-th of an ordered list". Everything else in
// their queries is the same SQL on both. Pure: column expressions in, SQL text out. SQLite needs
// 3.44 or later (ordered aggregates); better-sqlite3 12 bundles 3.5x.

export type Dialect = 'sqlite' | 'postgres';

export const sqlDialect = (dialect: Dialect) => {
  const pg = dialect === 'postgres';
  /**
   * SQLite: seconds since 1970 (float) of a datetime column. Strapi writes milliseconds; a text
   * date (written by hand) is read too.
   */
  const epoch = (c: string) =>
    `(CASE WHEN typeof(${c}) IN ('integer','real') THEN ${c} / 1000.0 ELSE (julianday(${c}) - 2440587.5) * 86400.0 END)`;

  return {
    /**
     * Whole milliseconds from `from` to `to` (what Strapi writes: a JS Date's precision). Integers
     * sort and aggregate faster than seconds as floats, on both databases.
     */
    millisBetween: (from: string, to: string) =>
      pg
        ? `CAST(ROUND(date_part('epoch', ${to} - ${from}) * 1000) AS BIGINT)`
        : `(CASE WHEN typeof(${to}) = 'integer' AND typeof(${from}) = 'integer' THEN ${to} - ${from}
             ELSE CAST(ROUND((${epoch(to)} - ${epoch(from)}) * 1000) AS INTEGER) END)`,

    /** Days since 1970 (UTC) as a whole number: cheaper to group by than a date string. */
    dayOf: (c: string) =>
      pg
        ? `FLOOR(date_part('epoch', ${c}) / 86400)`
        : `(CASE WHEN typeof(${c}) = 'integer' THEN ${c} / 86400000 ELSE CAST(${epoch(c)} / 86400 AS INTEGER) END)`,

    /** A JSON column's top-level `key` as text (SQLite keeps a number a number). */
    jsonText: (c: string, key: string) =>
      pg ? `(${c} ->> '${key}')` : `json_extract(${c}, '$.${key}')`,

    /** A JSON column's top-level `key` as an integer. */
    jsonInteger: (c: string, key: string) =>
      pg ? `CAST(${c} ->> '${key}' AS INTEGER)` : `CAST(json_extract(${c}, '$.${key}') AS INTEGER)`,

    /**
     * An aggregate: every value of `expr` in the group, in ascending order, as one value that `nth`
     * reads (one sort per group instead of window functions over every row).
     */
    sortedList: (expr: string) =>
      pg ? `array_agg(${expr} ORDER BY ${expr})` : `json_group_array(${expr} ORDER BY ${expr})`,

    /** The `k`-th (from 1) value of a `sortedList`; null past its ends. */
    nth: (list: string, k: string) =>
      pg
        ? `(${list})[${k}]`
        : `(CASE WHEN ${k} >= 1 THEN json_extract(${list}, '$[' || (${k} - 1) || ']') END)`,
  };
};

/**
 * Nearest-rank position (from 1) of the `percent`th percentile among `n` ordered values, where
 * `n` is an integer SQL expression: ceil(percent·n/100) in integer arithmetic, so both databases
 * agree with domain/desk.ts's nearestRank to the row.
 */
export const nearestRankSql = (percent: number, n: string) => {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100)
    throw new RangeError(`percent must be a whole number from 1 to 100, not ${percent}`);
  return `((${n} * ${percent} + 99) / 100)`;
};
