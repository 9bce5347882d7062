/**
 * Names for the ambassador's space, all inferred from the typed client (STYLE rule 1: never retype a shape).
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import type { client } from './api';

type Me = typeof client.api.v1.me;
type ItemOf<List> = List extends { items: Array<infer Item> } ? Item : never;

export type Ambassador = InferResponseType<Me['$get'], 200>;
export type MePatch = InferRequestType<Me['$patch']>['json'];
export type MyCharter = InferResponseType<Me['charter']['$get'], 200>;
export type FeedItem = ItemOf<InferResponseType<Me['feed']['$get'], 200>>;
export type ShareNetwork = FeedItem['networks'][number];
export type ShareInput = InferRequestType<Me['shares']['$post']>['json'];
export type CreatedShare = InferResponseType<Me['shares']['$post'], 201>;
export type MyShare = ItemOf<InferResponseType<Me['shares']['$get'], 200>>;
export type MetricsInput = InferRequestType<Me['shares'][':id']['metrics']['$post']>['json'];
export type MetricName = keyof MetricsInput;
export type MyStats = InferResponseType<Me['stats']['$get'], 200>;
export type Badge = ItemOf<InferResponseType<Me['badges']['$get'], 200>>;
export type Leaderboard = InferResponseType<typeof client.api.v1.leaderboard.$get, 200>;
export type LeaderboardRow = Leaderboard['items'][number];
