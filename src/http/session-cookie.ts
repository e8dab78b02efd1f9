import type { FastifyReply, FastifyRequest } from 'fastify';

/** The back-office session cookie (BO-CONTRACT.md). */
export const SESSION_COOKIE = 'openkyb_session';

/** The session cookie's value, if the request carries one (the first, should there be several). */
export function sessionCookieOf(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return value === '' ? null : value;
  }
  return null;
}

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure when
 * the server is reached over https. No Max-Age: the server decides when a session ends, and the
 * browser forgets the cookie when it closes.
 */
function attributes(publicUrl: string): string {
  return ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(publicUrl.startsWith('https://') ? ['Secure'] : [])].join('; ');
}

export function setSessionCookie(reply: FastifyReply, value: string): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=${value}; ${attributes(reply.server.publicUrl)}`);
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=; Max-Age=0; ${attributes(reply.server.publicUrl)}`);
}
