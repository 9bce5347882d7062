import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const contentsRoutes = new Hono<AppEnv>();
