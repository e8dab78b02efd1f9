import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { buildCtx, type Clock, type Ctx, type PartnerCtx } from '../core/context.js';
import type { MasterKeyring } from '../core/privacy/master-keys.js';
import { notFound } from '../core/errors.js';
import type { Actor, FormCtx } from '../core/forms/access.js';
import type { ManagerPrincipal, ManagerRole } from '../core/managers/roles.js';
import type { ManagerSessionInfo } from '../core/managers/sessions.js';
import type { ReviewCtx } from '../core/review/load-company.js';
import type { TokenSession } from '../core/tokens/authenticate-token.js';
import type { DatabaseHandle } from '../db/database.js';
import type { FileStorage } from '../storage/file-storage.js';
import type { RegistryProviders } from '../registries/providers.js';
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
  /** The registry providers, shared with this process's workers; absent, built from the config. */
  registries?: RegistryProviders;
}

/**
 * none: public; partner: HTTP Basic key pair or a manager's session cookie; token: Bearer
 * token; either: partner or token; manager: a manager's session cookie only.
 */
export type AuthMode = 'none' | 'partner' | 'token' | 'either' | 'manager';

/** The partner a request acts for: through a key pair (keyId), or a manager's session (keyId null). */
export interface RequestPartner {
  partnerId: string;
  keyId: string | null;
  /** The partner's settings as read with the key pair (absent for a manager's session). */
  settingsJson?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    publicUrl: string;
    keyring: MasterKeyring;
    registries: RegistryProviders;
    /** Every route as declared (method, url, auth mode, schema); see route-table.ts. */
    routeTable: readonly RouteEntry[];
  }
  interface FastifyRequest {
    partner: RequestPartner | null;
    session: TokenSession | null;
    /** The signed-in manager, when the request came with a back-office session cookie. */
    manager: ManagerPrincipal | null;
    managerSession: ManagerSessionInfo | null;
  }
  interface FastifyContextConfig {
    auth?: AuthMode;
    /** The role a manager needs (route-schemas.ts requiredRole); key pairs have every role. */
    role?: ManagerRole;
  }
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

export function requestCtx(request: FastifyRequest): Ctx {
  const { database, clock, config, storage } = request.server.deps;
  return buildCtx({
    config,
    db: database.db,
    storage,
    clock,
    logger: request.log as Logger,
    keyring: request.server.keyring,
    registries: request.server.registries,
  });
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
    return { ...base, access: { partnerId: partner.partnerId, companyId, actor: actorOf(request) } };
  }
  throw new Error('formCtx on a route without form auth');
}

/**
 * The context of a partner-authenticated request (the auth hook guarantees `partner`): the one
 * place it is built, so every verb learns who acts, a key pair or a signed-in manager, and the
 * audit trail names the manager without any route passing it.
 */
export function partnerCtx(request: FastifyRequest): ReviewCtx & PartnerCtx {
  const { partner, manager } = request;
  if (!partner) throw new Error('partnerCtx on a route without partner auth');
  return {
    ...requestCtx(request),
    partnerId: partner.partnerId,
    ...(partner.keyId ? { keyId: partner.keyId } : {}),
    ...(partner.settingsJson !== undefined ? { settingsJson: partner.settingsJson } : {}),
    manager,
    managerId: manager?.id ?? null,
    actor: actorOf(request),
  };
}

function actorOf(request: FastifyRequest): Actor {
  if (request.manager) return { kind: 'manager', managerId: request.manager.id };
  if (request.partner?.keyId) return { kind: 'partner', keyId: request.partner.keyId };
  throw new Error('no partner actor on this request');
}
