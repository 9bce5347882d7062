import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const campaignsRoutes = new Hono<AppEnv>();
