// The SQLite branch of each expression, run by SQLite itself (better-sqlite3, the driver Strapi uses)
// on an in-memory table and compared with the same figure computed in JS. The PostgreSQL branch runs
// in test/api/desk.test.ts with TEST_DATABASE=postgres, against the same exact figures.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { nearestRank } from '../domain/desk';
import { nearestRankSql, sqlDialect } from './sql-dialect';

const db = new Database(':memory:');
afterAll(() => db.close());
const sqlite = sqlDialect('sqlite');
const DAY = 86_400_000;
const one = (sql: string, ...bindings: unknown[]) => db.prepare(sql).get(...bindings);

describe('nearestRankSql', () => {
  it('is ceil(p·n/100) in integer arithmetic, as domain nearestRank, for every n', () => {
    const ranks = (p: number) =>
      db
        .prepare(
          `WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 1000)
                  SELECT n, ${nearestRankSql(p, 'n')} AS k FROM c`
        )
        .all();
    for (const p of [1, 50, 90, 99, 100])
      for (const { n, k } of ranks(p)) expect([p, n, k]).toEqual([p, n, nearestRank(p, n)]);
  });

  it.each([0, 101, 50.5, Number.NaN])('refuses a percent of %s', (percent) => {
    expect(() => nearestRankSql(percent, 'n')).toThrow(
      `percent must be a whole number from 1 to 100, not ${percent}`
    );
  });
});

describe('sqlDialect (SQLite)', () => {
  it('millisBetween: whole milliseconds between Strapi’s millisecond dates and text dates', () => {
    const at = Date.UTC(2026, 11, 3, 10, 0, 0, 250);
    const between = (from: unknown, to: unknown) =>
      one(`SELECT ${sqlite.millisBetween('a', 'b')} AS ms FROM (SELECT ? AS a, ? AS b)`, from, to)
        .ms;
    expect(between(at, at + 7_200_000)).toBe(7_200_000);
    expect(between(at, at + 1)).toBe(1);
    expect(between(new Date(at).toISOString(), new Date(at + 90_061_001).toISOString())).toBe(
      90_061_001
    );
    expect(between(at, new Date(at + 5_000).toISOString())).toBe(5_000);
    expect(between(null, at)).toBeNull();
  });

  it('dayOf: the UTC day since 1970, for millisecond and text dates', () => {
    const at = Date.UTC(2026, 11, 3, 23, 59, 59, 999);
    const dayOf = (value: unknown) =>
      one(`SELECT ${sqlite.dayOf('c')} AS d FROM (SELECT ? AS c)`, value).d;
    expect(dayOf(at)).toBe(Math.floor(at / DAY));
    expect(dayOf(at + 1)).toBe(Math.floor(at / DAY) + 1);
    expect(dayOf(new Date(at).toISOString())).toBe(Math.floor(at / DAY));
  });

  it('jsonText and jsonInteger read an actor', () => {
    const actor = JSON.stringify({ type: 'admin', id: 7, name: 'Fiona' });
    expect(
      one(
        `SELECT ${sqlite.jsonText('?', 'type')} AS t, ${sqlite.jsonInteger('?', 'id')} AS i, ${sqlite.jsonText('?', 'name')} AS n`,
        actor,
        actor,
        actor
      )
    ).toEqual({ t: 'admin', i: 7, n: 'Fiona' });
    const system = JSON.stringify({ type: 'system', id: null, name: 'SLA' });
    expect(one(`SELECT ${sqlite.jsonInteger('?', 'id')} AS i`, system).i).toBeNull();
  });

  it('nth of sortedList: the nearest-rank percentiles per group and overall, as computed in JS', () => {
    db.exec('CREATE TABLE d (day INTEGER, ms INTEGER)');
    const insert = db.prepare('INSERT INTO d (day, ms) VALUES (?, ?)');
    const rows = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 * DAY })),
      { maxLength: 60 }
    );
    const query = (p: number) => `
      WITH lists AS (
        SELECT NULL AS day, COUNT(*) AS n, ${sqlite.sortedList('ms')} AS sorted FROM d
        UNION ALL
        SELECT day, COUNT(*) AS n, ${sqlite.sortedList('ms')} AS sorted FROM d GROUP BY day
      )
      SELECT day, n, ${sqlite.nth('sorted', nearestRankSql(p, 'n'))} AS v FROM lists`;
    const expected = (values: number[], p: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted.length ? sorted[nearestRank(p, sorted.length) - 1] : null;
    };
    fc.assert(
      fc.property(rows, fc.constantFrom(50, 90, 1, 100), (data, p) => {
        db.exec('DELETE FROM d');
        for (const [day, ms] of data) insert.run(day, ms);
        const got = db.prepare(query(p)).all();
        const want = [
          {
            day: null,
            n: data.length,
            v: expected(
              data.map(([, ms]) => ms),
              p
            ),
          },
          ...[...new Set(data.map(([day]) => day))]
            .sort((a, b) => a - b)
            .map((day) => {
              const values = data.filter(([d]) => d === day).map(([, ms]) => ms);
              return { day, n: values.length, v: expected(values, p) };
            }),
        ];
        expect(got).toEqual(want);
      }),
      { numRuns: 300 }
    );
  });

  it('nth is null past the ends of a list', () => {
    const list = sqlite.sortedList('v');
    const nth = (k: number) =>
      one(
        `SELECT ${sqlite.nth('s', String(k))} AS v FROM (SELECT ${list} AS s FROM (SELECT 3 AS v UNION ALL SELECT 1))`
      ).v;
    expect([nth(0), nth(1), nth(2), nth(3)]).toEqual([null, 1, 3, null]);
  });
});
