import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Clock, Ctx, PartnerCtx } from '../core/context.js';
import type { PartnerPrincipal } from '../core/partners/authenticate-partner.js';
import type { TokenSession } from '../core/tokens/authenticate-token.js';
import type { DatabaseHandle } from '../db/database.js';

/** What buildApp needs; passed explicitly, no module-level singletons. */
export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  /** Called after each successful write request: wakes the in-process worker, if one runs. */
  wakeWorker?: () => void;
}

/** none: public; partner: HTTP Basic key pair; token: Bearer token; either: one of the two. */
export type AuthMode = 'none' | 'partner' | 'token' | 'either';

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    publicUrl: string;
  }
  interface FastifyRequest {
    partner: PartnerPrincipal | null;
    session: TokenSession | null;
  }
  interface FastifyContextConfig {
    auth?: AuthMode;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

export function requestCtx(request: FastifyRequest): Ctx {
  const { database, clock, config } = request.server.deps;
  return { db: database.db, clock, logger: request.log as Logger, pepper: config.secret };
}

/** The context of a partner-authenticated request; the auth hook guarantees `partner`. */
export function partnerCtx(request: FastifyRequest): PartnerCtx {
  if (!request.partner) throw new Error('partnerCtx on a route without partner auth');
  return { ...requestCtx(request), partnerId: request.partner.partnerId };
}
