import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const exportsRoutes = new Hono<AppEnv>();
