// Console sessions: the organizer pastes a token once and gets a cookie for 12 hours. Sessions live in
// this process's memory: a restart (which is also how a token is rotated) ends them all, sign-out ends
// one, and a session whose token is no longer configured is refused. The cookie holds only a random id.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from './access.js';

export const COOKIE = 'samleng_console';
export const SESSION_MS = 12 * 60 * 60 * 1000;
/** The cookie is sent only to the console's own routes. */
const COOKIE_PATH = '/console';
/** Sessions kept at most: past this, the oldest goes (a flood of sign-ins cannot fill the memory). */
const MAX_SESSIONS = 10_000;

interface Session {
  access: Access;
  /** The token it was opened with: a session outlives no token. */
  token: string;
  expires: number;
}

/** The value of cookie `name` in a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export class Sessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    /** Whether a token still gives this access (a rotated one does not). */
    private readonly stillValid: (token: string) => Access | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** Opens a session and sets its cookie on `reply`. */
  open(access: Access, token: string, request: FastifyRequest, reply: FastifyReply): void {
    if (this.sessions.size >= MAX_SESSIONS) this.prune();
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { access, token, expires: this.now() + SESSION_MS });
    reply.header('set-cookie', this.cookie(id, SESSION_MS / 1000, request.protocol === 'https'));
  }

  /** The access of the request's session, if it has a live one. */
  fromRequest(request: FastifyRequest): Access | undefined {
    const id = cookieValue(request.headers.cookie, COOKIE);
    const session = id === undefined ? undefined : this.sessions.get(id);
    if (!id || !session) return undefined;
    const access = this.stillValid(session.token);
    if (session.expires <= this.now() || !access || access.partner !== session.access.partner) {
      this.sessions.delete(id);
      return undefined;
    }
    return session.access;
  }

  /** Ends the request's session (if any) and clears the cookie. */
  close(request: FastifyRequest, reply: FastifyReply): void {
    const id = cookieValue(request.headers.cookie, COOKIE);
    if (id) this.sessions.delete(id);
    reply.header('set-cookie', this.cookie('', 0, request.protocol === 'https'));
  }

  private cookie(value: string, maxAge: number, secure: boolean): string {
    return [
      `${COOKIE}=${value}`,
      `Path=${COOKIE_PATH}`,
      `Max-Age=${maxAge}`,
      'HttpOnly',
      'SameSite=Strict',
      ...(secure ? ['Secure'] : []),
    ].join('; ');
  }

  private prune(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) if (session.expires <= now) this.sessions.delete(id);
    for (const id of this.sessions.keys()) {
      if (this.sessions.size < MAX_SESSIONS) break;
      this.sessions.delete(id);
    }
  }
}
