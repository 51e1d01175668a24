/**
 * The browser the browser checks drive: Debian's Chromium (or $CHROMIUM_PATH) through playwright-core,
 * no browser download. Under CI=true a missing Chromium is a failure, never a skip.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  const ok = existsSync(CHROMIUM);
  if (!ok && process.env.CI === 'true') {
    throw new Error(
      `Chromium is required under CI=true but ${CHROMIUM} is missing (apt-get install chromium)`,
    );
  }
  return ok;
}
