import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const ambassadorsRoutes = new Hono<AppEnv>();
