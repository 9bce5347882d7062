/**
 * Conversions reported by companies' systems. The click id is verified by its signature alone, so a
 * conversion is attributed at once, even before the click row lands; the conversion is counted in the
 * rollup of the click's day, in the same transaction as its insert. Only a human click earns an attribution:
 * a click already stored under another class gives `attributed: false` here, and one classified later is
 * taken back by the click pipeline (`ingest-rollups.ts`), whichever transaction commits first.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { clicks, contents, conversions, dailyLinkStats, links, organisations } from '../../db/schema';
import { verifyClickId } from '../lib/click-id';
import { dayOf } from '../lib/days';
import type { Db } from '../lib/db';
import { ApiError } from '../lib/errors';
import { newId } from '../lib/ids';
import { iso } from '../lib/time';
import type { Conversion } from '../schemas/conversions';
import { DEFAULT_CONVERSION_VALUES, type ConversionType } from './defaults';
import { conversionDimensions, rollupCounters } from './rollup-row';
import { finishStatement, once, type Lease } from './idempotency';

export interface ConversionInput {
  clickId: string;
  type: ConversionType;
  value?: number | undefined;
  currency?: string | undefined;
  externalId?: string | undefined;
  occurredAt?: number | undefined;
}

export type ConversionRow = typeof conversions.$inferSelect;

const DAY_MS = 86_400_000;
/** A conversion may precede its click's timestamp by this much (clocks differ), not more. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Records a conversion; returns the existing one (created: false) when `externalId` + `type` was seen. With a
 * `lease` (Idempotency-Key), the 201 answer is stored in the same batch as the conversion it describes.
 */
export async function recordConversion(db: Db, signingKey: string, organisationId: string, input: ConversionInput, now = Date.now(), lease?: Lease): Promise<{ conversion: ConversionRow; created: boolean }> {
  const facts = await verifyClickId(signingKey, input.clickId);
  const target = facts
    ? await db
        .select({ link: links, campaignId: contents.campaignId, org: organisations })
        .from(links)
        .innerJoin(contents, eq(contents.id, links.contentId))
        .innerJoin(organisations, eq(organisations.id, links.organisationId))
        .where(and(eq(links.id, facts.linkId), eq(links.organisationId, organisationId)))
        .get()
    : undefined;
  // A forged id and another organisation's id are indistinguishable to the caller.
  if (!facts || !target) throw new ApiError('unknown_click', 'clickId is not a click id issued by Relais for this organisation.', 'clickId');
  if (input.externalId) {
    const existing = await findByExternalId(db, organisationId, input.type, input.externalId);
    if (existing) return { conversion: existing, created: false };
  }
  const occurredAt = input.occurredAt ?? now;
  const currency = input.currency ?? target.org.currency;
  const value = input.value ?? target.org.conversionValues[input.type] ?? DEFAULT_CONVERSION_VALUES[input.type];
  const inWindow = occurredAt - facts.at <= target.org.attributionWindowDays * DAY_MS && occurredAt >= facts.at - MAX_CLOCK_SKEW_MS;
  const row: ConversionRow = {
    id: newId('cnv'),
    organisationId,
    clickId: input.clickId,
    linkId: target.link.id,
    ambassadorId: target.link.ambassadorId,
    contentId: target.link.contentId,
    campaignId: target.campaignId,
    network: target.link.network,
    type: input.type,
    value,
    currency,
    externalId: input.externalId ?? null,
    occurredAt,
    clickAt: facts.at,
    clickDay: dayOf(facts.at),
    attributed: inWindow,
    // A value in another currency stays on the conversion and is never summed into the organisation's.
    countedValue: currency === target.org.currency ? value : 0,
    createdAt: now,
  };
  // Decided in the insert itself, so a click batch committing just before cannot slip between check and write.
  const earned = inWindow ? sql`not exists ${db.select({ one: sql`1` }).from(clicks).where(and(eq(clicks.id, row.clickId), ne(clicks.class, 'human')))}` : false;
  const statements = [db.insert(conversions).values({ ...row, attributed: earned }).onConflictDoNothing(), rollupConversion(db, row)] as const;
  await (lease ? db.batch([...statements, answerCreated(db, lease, row)]) : db.batch(statements));
  const stored = await db.select().from(conversions).where(eq(conversions.id, row.id)).get();
  if (stored) return { conversion: stored, created: true };
  // A concurrent request with the same externalId + type won the race: answer its conversion.
  const winner = row.externalId ? await findByExternalId(db, organisationId, row.type, row.externalId) : undefined;
  if (!winner) throw new Error('conversion insert vanished');
  return { conversion: winner, created: false };
}

function findByExternalId(db: Db, organisationId: string, type: ConversionType, externalId: string) {
  return db
    .select()
    .from(conversions)
    .where(and(eq(conversions.organisationId, organisationId), eq(conversions.type, type), eq(conversions.externalId, externalId)))
    .get();
}

/** Adds an attributed conversion to its click day's rollup, only if its row was really inserted. */
function rollupConversion(db: Db, row: ConversionRow) {
  return db
    .insert(dailyLinkStats)
    .select(
      db
        .select({
          ...conversionDimensions,
          ...rollupCounters({ conversions: sql<number>`1`.as('conversions'), conversionValue: conversions.countedValue }),
        })
        .from(conversions)
        .where(and(eq(conversions.id, row.id), eq(conversions.attributed, true))),
    )
    .onConflictDoUpdate({
      target: [dailyLinkStats.organisationId, dailyLinkStats.day, dailyLinkStats.linkId],
      set: {
        conversions: sql`${dailyLinkStats.conversions} + 1`,
        conversionValue: sql`${dailyLinkStats.conversionValue} + excluded.conversion_value`,
      },
    });
}


/**
 * Stores the 201 answer for `row` under the Idempotency-Key, only if the row was inserted; `attributed` (and the
 * ambassador it names) is read from the stored row, as the insert decided it.
 */
function answerCreated(db: Db, lease: Lease, row: ConversionRow) {
  const stored = (column: typeof conversions.attributed | typeof conversions.ambassadorId) => sql`(select ${column} from ${conversions} where ${conversions.id} = ${row.id})`;
  const isAttributed = stored(conversions.attributed);
  const response = sql`json_set(${JSON.stringify(toConversionDto(row))}, '$.attributed', json(case when ${isAttributed} then 'true' else 'false' end), '$.ambassadorId', case when ${isAttributed} then ${stored(conversions.ambassadorId)} end)`;
  return finishStatement(db, lease, 201, response, sql`exists (select 1 from ${conversions} where ${conversions.id} = ${row.id})`);
}

/** The API shape of a conversion. */
export function toConversionDto(row: ConversionRow): Conversion {
  return {
    id: row.id,
    clickId: row.clickId,
    type: row.type,
    value: row.value,
    currency: row.currency,
    externalId: row.externalId,
    occurredAt: iso(row.occurredAt),
    attributed: row.attributed,
    ambassadorId: row.attributed ? row.ambassadorId : null,
    contentId: row.contentId,
    campaignId: row.campaignId,
    network: row.network,
    clickedAt: iso(row.clickAt),
    createdAt: iso(row.createdAt),
  };
}

/**
 * `POST /api/v1/conversions`: 201 for a new conversion, 200 with the first result for a repeat (same
 * Idempotency-Key and body, or same externalId + type). A replayed key answers its stored status, which
 * may be the error the first request got.
 */
export async function reportConversion(db: Db, signingKey: string, organisationId: string, input: ConversionInput, idempotencyKey?: string): Promise<{ status: number; body: unknown }> {
  const work = async (lease?: Lease) => {
    const { conversion, created } = await recordConversion(db, signingKey, organisationId, input, Date.now(), lease);
    return { status: created ? 201 : 200, body: toConversionDto(conversion) };
  };
  if (!idempotencyKey) return work() as Promise<{ status: 200 | 201; body: Conversion }>;
  const answer = await once(db, organisationId, idempotencyKey, input, work);
  return { status: answer.replayed && answer.status === 201 ? 200 : answer.status, body: answer.body };
}
