import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const conversionsRoutes = new Hono<AppEnv>();
