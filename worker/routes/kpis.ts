import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const kpisRoutes = new Hono<AppEnv>();
