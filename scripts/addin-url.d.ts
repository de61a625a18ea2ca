// Types for scripts/addin-url.js.
export const DEV_BASE_URL: string;
export function parseAddinUrl(raw: string): { base: string; origin: string };
export function manifestVersion(packageVersion: string): string;
