import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { buildCtx, type Clock, type Ctx, type PartnerCtx } from '../core/context.js';
import type { MasterKeyring } from '../core/privacy/master-keys.js';
import { notFound } from '../core/errors.js';
import type { FormCtx } from '../core/forms/access.js';
import type { PartnerPrincipal } from '../core/partners/authenticate-partner.js';
import type { TokenSession } from '../core/tokens/authenticate-token.js';
import type { DatabaseHandle } from '../db/database.js';
import type { FileStorage } from '../storage/file-storage.js';
import type { ScreeningSearcher } from '../core/screening/searcher.js';
import type { RouteEntry } from './route-table.js';

/** What buildApp needs; passed explicitly, no module-level singletons. */
export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  storage: FileStorage;
  clock: Clock;
  logger: Logger;
  /** Called after each successful write request: wakes the in-process worker, if one runs. */
  wakeWorker?: () => void;
  /** The screening index of this process; absent, the screening search answers 503. */
  screening?: ScreeningSearcher | null;
  /** Master keys for personal data at rest; absent, they are read from the config. */
  keyring?: MasterKeyring;
}

/** none: public; partner: HTTP Basic key pair; token: Bearer token; either: one of the two. */
export type AuthMode = 'none' | 'partner' | 'token' | 'either';

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    publicUrl: string;
    keyring: MasterKeyring;
    /** Every route as declared (method, url, auth mode, schema); see route-table.ts. */
    routeTable: readonly RouteEntry[];
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
  const { database, clock, config, storage } = request.server.deps;
  return buildCtx({ config, db: database.db, storage, clock, logger: request.log as Logger, keyring: request.server.keyring });
}

/**
 * The context of a request on one form. A token reaches only its own company; a key pair only
 * its partner's companies (checked when the company is loaded). Anything else is "not found".
 */
export function formCtx(request: FastifyRequest, companyId?: string): FormCtx {
  const base = requestCtx(request);
  const { session, partner } = request;
  if (session) {
    if (companyId !== undefined && companyId !== session.companyId) throw notFound('Form');
    return { ...base, access: { partnerId: session.partnerId, companyId: session.companyId, actor: { kind: 'client', tokenId: session.tokenId } } };
  }
  if (partner && companyId !== undefined) {
    return { ...base, access: { partnerId: partner.partnerId, companyId, actor: { kind: 'partner', keyId: partner.keyId } } };
  }
  throw new Error('formCtx on a route without form auth');
}

/** The context of a partner-authenticated request; the auth hook guarantees `partner`. */
export function partnerCtx(request: FastifyRequest): PartnerCtx {
  if (!request.partner) throw new Error('partnerCtx on a route without partner auth');
  return { ...requestCtx(request), partnerId: request.partner.partnerId, keyId: request.partner.keyId };
}
