import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const chartersRoutes = new Hono<AppEnv>();
