/** Fuzzes half of the API's endpoints (the other half is in fuzz-b.test.ts, so the two files run side by side). */
import { describeFuzz } from './fuzz-suite';

describeFuzz(0, 2);
