/** Fuzzes the other half of the API's endpoints (see fuzz-a.test.ts). */
import { describeFuzz } from './fuzz-suite';

describeFuzz(1, 2);
