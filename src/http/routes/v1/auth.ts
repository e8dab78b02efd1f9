import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { setPassword } from '../../../core/managers/password-tokens.js';
import { authenticateSession, csrfTokenOf, endSession, type ManagerSessionInfo } from '../../../core/managers/sessions.js';
import { signIn } from '../../../core/managers/sign-in.js';
import { confirmTotp, disableTotp, startTotp } from '../../../core/managers/totp-enrolment.js';
import { ManagerSession, RecoveryCodes, SetPasswordRequest, SignInRequest, TotpCodeRequest, TotpEnrolment } from '../../../schemas/managers.js';
import { requestCtx, type App } from '../../context.js';
import { sendError } from '../../errors.js';
import { errorResponses, MANAGER_SESSION } from '../../route-schemas.js';
import { clearSessionCookie, setSessionCookie } from '../../session-cookie.js';

const tags = ['Back-office sign-in'];
const NO_BODY = Type.Null({ description: 'No response body' });
const iso = (ms: number) => new Date(ms).toISOString();

function sessionBody(pepper: string, info: ManagerSessionInfo) {
  return { manager: info.manager, csrfToken: csrfTokenOf(pepper, info.sessionId), expiresAt: iso(info.expiresAt), idleExpiresAt: iso(info.idleExpiresAt) };
}

const SIGN_IN_FAILED = 'E-mail, password or code is wrong.';

/**
 * The public sign-in routes are limited per client address as well: the per-account lock-out
 * stops guessing one account's password, this stops trying one password across many accounts.
 * (The app-wide limiter counts only authenticated callers, so these routes opt in.)
 */
function perAddressLimit(app: App) {
  return {
    config: {
      rateLimit: {
        max: app.deps.config.managerSignIn.maxAttemptsPerAddress,
        timeWindow: 15 * 60_000,
        keyGenerator: (request: FastifyRequest) => `sign-in:${request.ip}`,
        allowList: () => false,
      },
    },
  };
}

/** The back office's sign-in: a session cookie for a manager, its CSRF token, two-factor enrolment. */
export function authRoutes(app: App): void {
  app.post(
    '/v1/auth/sign-in/',
    {
      ...perAddressLimit(app),
      schema: {
        tags,
        summary: 'Sign a manager in',
        description: `Sets the \`openkyb_session\` cookie (HttpOnly, SameSite=Strict). ${app.deps.config.managerSignIn.maxFailures} failures in a row lock the account for a while (423).`,
        body: SignInRequest,
        response: { 200: ManagerSession, ...errorResponses(400, 401, 423, 429) },
      },
    },
    async (request, reply) => {
      const ctx = requestCtx(request);
      const result = await signIn({ ctx, input: request.body });
      if (result.outcome === 'failed') return sendError(reply, 'SIGN_IN_FAILED', SIGN_IN_FAILED, { challenge: false });
      if (result.outcome === 'totp-required') return sendError(reply, 'TOTP_REQUIRED', 'Enter the code of your authenticator app (or a recovery code).');
      if (result.outcome === 'locked') {
        return sendError(reply, 'ACCOUNT_LOCKED', `Too many failed sign-ins: the account is locked until ${iso(result.until)}.`);
      }
      const info = await authenticateSession({ ctx, input: { cookie: result.cookie } });
      if (!info) throw new Error('the session just started is not live');
      setSessionCookie(reply, result.cookie);
      return sessionBody(ctx.pepper, info);
    },
  );

  app.get(
    '/v1/auth/session/',
    { ...MANAGER_SESSION, schema: { tags, summary: 'The signed-in manager and its CSRF token', response: { 200: ManagerSession, ...errorResponses(401) } } },
    async (request) => sessionBody(requestCtx(request).pepper, request.managerSession!),
  );

  app.post(
    '/v1/auth/sign-out/',
    { ...MANAGER_SESSION, schema: { tags, summary: 'End the session on the server', response: { 204: NO_BODY, ...errorResponses(401) } } },
    async (request, reply) => {
      await endSession({ ctx: requestCtx(request), input: { sessionId: request.managerSession!.sessionId } });
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/auth/password/',
    {
      ...perAddressLimit(app),
      schema: {
        tags,
        summary: 'Set a password from a one-time link',
        description:
          'The token is the `#token=` part of the link `openkyb managers create` / `reset` (or POST /v1/managers/) printed. It works once, for 24 hours.',
        body: SetPasswordRequest,
        response: { 204: NO_BODY, ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      await setPassword({ ctx: requestCtx(request), input: request.body });
      return reply.code(204).send(null);
    },
  );

  const manager = (request: { managerSession: ManagerSessionInfo | null }) => ({
    id: request.managerSession!.manager.id,
    partnerId: request.managerSession!.partnerId,
  });

  app.post(
    '/v1/auth/totp/',
    { ...MANAGER_SESSION, schema: { tags, summary: 'Start two-factor enrolment', response: { 200: TotpEnrolment, ...errorResponses(401, 409) } } },
    async (request) => startTotp({ ctx: requestCtx(request), manager: manager(request) }),
  );

  app.post(
    '/v1/auth/totp/confirm/',
    {
      ...MANAGER_SESSION,
      schema: {
        tags,
        summary: 'Confirm two-factor enrolment with a code',
        description: 'Returns ten one-time recovery codes, shown once.',
        body: TotpCodeRequest,
        response: { 200: RecoveryCodes, ...errorResponses(400, 401, 409) },
      },
    },
    async (request) => confirmTotp({ ctx: requestCtx(request), manager: manager(request), code: request.body.code }),
  );

  app.delete(
    '/v1/auth/totp/',
    {
      ...MANAGER_SESSION,
      schema: { tags, summary: 'Turn two-factor sign-in off', body: TotpCodeRequest, response: { 204: NO_BODY, ...errorResponses(400, 401, 409) } },
    },
    async (request, reply) => {
      await disableTotp({ ctx: requestCtx(request), manager: manager(request), code: request.body.code });
      return reply.code(204).send(null);
    },
  );
}
