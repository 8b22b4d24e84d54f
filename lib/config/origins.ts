/**
 * The origins CaseLint runs on without being configured (the bundled demo system) and the match
 * pattern of an origin: plain code, no schema, for the build's manifest and the content script.
 */

/** The match pattern that covers every page of an origin (ports are part of Chrome's patterns). */
export function matchPatternOf(origin: string): string {
  return `${origin}/*`;
}

/** Origins CaseLint is active on without asking, on any port (the bundled demo site). */
export const BUILT_IN_ORIGINS = ['http://localhost', 'http://127.0.0.1'];

/** An origin on a built-in host, whatever its port. */
export function isBuiltInOrigin(origin: string): boolean {
  try {
    const u = new URL(origin);
    return BUILT_IN_ORIGINS.includes(`${u.protocol}//${u.hostname}`);
  } catch {
    return false;
  }
}
