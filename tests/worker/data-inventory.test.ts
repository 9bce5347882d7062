import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { DATA_INVENTORY, NO_PERSONAL_DATA } from '../../worker/trust/data-inventory';

const tables: SQLiteTable[] = Object.values<unknown>(schema).flatMap((value) => (is(value, SQLiteTable) ? [value] : []));
const schemaColumns = tables.flatMap((table) => {
  const config = getTableConfig(table);
  return config.columns.map((column) => `${config.name}.${column.name}`);
});
const inventoried = DATA_INVENTORY.flatMap((datum) => datum.columns);
const unpersonal = Object.entries(NO_PERSONAL_DATA).flatMap(([table, columns]) => columns.map((column) => `${table}.${column}`));

describe('the data inventory covers db/schema.ts', () => {
  it('reads every table of the schema', () => {
    expect(tables.length).toBeGreaterThanOrEqual(20);
    expect(schemaColumns).toContain('conversions.external_id');
  });

  it('names every column either in the inventory or as holding no personal data', () => {
    const classified = new Set([...inventoried, ...unpersonal]);
    expect(schemaColumns.filter((column) => !classified.has(column))).toEqual([]);
  });

  it('names each column once, and only columns that exist', () => {
    const all = [...inventoried, ...unpersonal];
    expect(all.filter((column, index) => all.indexOf(column) !== index)).toEqual([]);
    expect(all.filter((column) => !schemaColumns.includes(column))).toEqual([]);
  });

  it('files the personal columns the issue names under their people', () => {
    const peopleOf = (column: string) => DATA_INVENTORY.find((datum) => datum.columns.includes(column))?.people;
    expect(peopleOf('conversions.external_id')).toEqual(['customers']);
    expect(peopleOf('clicks.visitor_hash')).toEqual(['audiences']);
    expect(peopleOf('ambassadors.email')).toEqual(['ambassadors']);
    expect(peopleOf('admins.email')).toEqual(['admins']);
  });
});
