import type Database from 'better-sqlite3';

const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A statement prepared once per connection; the hot scan path must not re-parse SQL. */
export function statement(db: Database.Database, sql: string): Database.Statement {
  let byText = prepared.get(db);
  if (!byText) prepared.set(db, (byText = new Map()));
  let found = byText.get(sql);
  if (!found) byText.set(sql, (found = db.prepare(sql)));
  return found;
}
