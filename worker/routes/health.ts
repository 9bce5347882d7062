import { Hono } from 'hono';
import type { AppEnv } from '../env';

/** `GET /health`: liveness only; it touches no binding so it stays cheap for uptime checks. */
export const health = new Hono<AppEnv>().get('/', (c) => c.json({ status: 'ok' as const }, 200));
