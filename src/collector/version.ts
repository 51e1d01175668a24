/**
 * The package version the collector reports at `GET /v1/health`. A constant rather than a read of
 * package.json, which neither build can locate the same way (import.meta.url does not exist in the
 * CommonJS build); tests/collector.test.ts checks that it equals package.json's version.
 */
export const PACKAGE_VERSION = '0.1.0';
