/**
 * Tables that names read from a user's file or settings are looked up in: keys, options, sections,
 * elements, attributes, selectors, enum values.
 *
 * An object literal inherits from Object.prototype: `{ yes: 1 }['constructor']` is a function and
 * `'toString' in { yes: 1 }` is true. A file that writes `constructor`, `toString` or `__proto__`
 * where a name goes would find an entry that is no entry of the table, and the check reading it
 * would answer wrongly or throw. A table made here has no prototype: a name that is not one of its
 * own keys finds nothing, like any other unknown word. Otherwise it is a plain object
 * (Object.keys, Object.entries, spreading it into another nameTable).
 */
export function nameTable<T extends object>(entries: T): T {
  return Object.assign(Object.create(null) as T, entries);
}

/** A table of tables, looked up by two names (an option, then one of its values): no prototype at either level. */
export function nameTables<T extends { [name: string]: object }>(tables: T): T {
  return nameTable(Object.fromEntries(Object.entries(tables).map(([name, table]) => [name, nameTable(table)])) as T);
}
