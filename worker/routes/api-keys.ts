import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const apiKeysRoutes = new Hono<AppEnv>();
