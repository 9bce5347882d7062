/**
 * The admin's typed client, computed once from the Worker's routes and emitted as a declaration
 * (`npm run gen:client` → `admin/src/generated/api-client.d.ts`), so the admin never compiles the
 * Worker itself (its workerd globals, `Env`, D1…). Hono's "compile your code before using it".
 */
import { hc } from 'hono/client';
import type { ApiType } from '../../worker/app';

/** `hc<ApiType>` with every route type already resolved. */
export const hcWithType = (...args: Parameters<typeof hc>) => hc<ApiType>(...args);
