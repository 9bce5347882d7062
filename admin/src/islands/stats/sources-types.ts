/** The stats pages' shapes, inferred from the typed client (STYLE rule 1: never retype a shape). */
import type { InferResponseType } from 'hono/client';
import type { client } from '../../lib/api';

export type ContentStats = InferResponseType<(typeof client.api.v1.contents)[':id']['stats']['$get'], 200>;
export type LinkStats = InferResponseType<(typeof client.api.v1.links)[':id']['stats']['$get'], 200>;
export type Breakdown = ContentStats['breakdowns']['referrers'];
export type LinkFigures = ContentStats['links'][number];
