// `--static DIR[=PREFIX]` (the demo, `npm start`): only what is plainly in the folder is served. No
// dotfile or dot-folder (`/.env`, `/dist/.git/config`), nothing reached through a symlink that leads out
// of the folder; every answer with a Content-Security-Policy the demo pages pass, framing refused, and
// no referrer sent to other sites.
import { realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** The demo loads its script and styles from this origin; images may come from partners' https hosts. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const STATIC_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
};

/** Whether `pathName` (as @fastify/static gives it, relative to the mount) may be served from `root`. */
export function servable(pathName: string, root: string): boolean {
  if (pathName.split('/').some((segment) => segment.startsWith('.'))) return false;
  let realRoot: string;
  let real: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(join(root, pathName));
  } catch {
    return true; // not there: @fastify/static answers 404 itself
  }
  return real === realRoot || real.startsWith(realRoot + sep);
}

/** Registers @fastify/static for each mount, with the rules above. */
export async function serveStatic(
  app: FastifyInstance,
  mounts: readonly { root: string; prefix: string }[],
): Promise<void> {
  if (mounts.length === 0) return;
  // Loaded only when asked for (the demo): a receiver that serves no files starts faster without it.
  const { default: fastifyStatic } = await import('@fastify/static');
  for (const [index, mount] of mounts.entries()) {
    await app.register(fastifyStatic, {
      root: mount.root,
      prefix: mount.prefix,
      decorateReply: index === 0,
      cacheControl: false,
      dotfiles: 'deny',
      allowedPath: (pathName, root) => servable(pathName, typeof root === 'string' ? root : mount.root),
      setHeaders: (reply) => {
        for (const [name, value] of Object.entries(STATIC_HEADERS)) void reply.header(name, value);
      },
    });
  }
}
