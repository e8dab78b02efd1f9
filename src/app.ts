import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyRequest } from 'fastify';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import { constants as zlib } from 'node:zlib';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import FindMyWay, { type HTTPVersion } from 'find-my-way';
import { authenticate } from './http/auth.js';
import { masterKeyring } from './core/privacy/master-keys.js';
import { buildRegistryProviders } from './registries/build-providers.js';
import type { App, AppDeps } from './http/context.js';
import { clientErrorHandler, errorHandler, sendError } from './http/errors.js';
import { metricsPlugin } from './http/plugins/metrics.js';
import { databaseRateLimitStore } from './http/plugins/rate-limit-store.js';
import { createBlockCounter } from './core/rate-limits/block-counter.js';
import { openapiPlugin } from './http/plugins/openapi.js';
import { recordRoutes } from './http/route-table.js';
import { createTokenRoute } from './http/routes/kyb/tokens/create.js';
import { updateTokenRoutes } from './http/routes/kyb/tokens/update.js';
import { revokeTokenRoute } from './http/routes/v1/tokens/revoke.js';
import { kybInfoRoute } from './http/routes/kyb/info.js';
import { systemRoutes } from './http/routes/system.js';
import { catalogRoutes } from './http/routes/v1/catalog.js';
import { settingsRoutes } from './http/routes/v1/settings.js';
import { formRoutes } from './http/routes/kyb/forms/forms.js';
import { beneficiaryRoutes } from './http/routes/kyb/forms/beneficiaries.js';
import { documentRoutes } from './http/routes/kyb/forms/documents.js';
import { questionnaireRoutes } from './http/routes/kyb/forms/questionnaires.js';
import { sessionRoute } from './http/routes/v1/session.js';
import { formRegistryRoutes } from './http/routes/v1/forms/registry.js';
import { fileRoutes } from './http/routes/v1/files.js';
import { themeLogoRoutes } from './http/routes/v1/theme-logos.js';
import { screeningRoutes } from './http/routes/v1/screening.js';
import { webhookRoutes } from './http/routes/v1/webhooks.js';
import { ownershipRoutes } from './http/routes/v1/companies/ownership.js';
import { companyRegisterRoutes } from './http/routes/v1/companies/register.js';
import { companyRiskRoutes } from './http/routes/v1/companies/risk.js';
import { riskModelRoutes } from './http/routes/v1/risk-model.js';
import { requestInfoRoute } from './http/routes/v1/companies/request-info.js';
import { statusCountsRoute } from './http/routes/v1/companies/status-counts.js';
import { caseReviewRoutes } from './http/routes/v1/companies/case-review.js';
import { savedViewRoutes } from './http/routes/v1/saved-views.js';
import { automationRoute } from './http/routes/kyb/companies/automation.js';
import { pdfRoute } from './http/routes/kyb/companies/pdf.js';
import { webFormRoutes } from './http/routes/web-form.js';
import { webBackofficeRoutes } from './http/routes/web-backoffice.js';
import { charsetOf, exceedsDepth, validatorCompiler } from './http/validation.js';
import { lazySerializers } from './http/serialization.js';
import { refuseUnstorableText } from './http/text-guard.js';
import { invalidField } from './core/errors.js';
import { LIMITS } from './shared/limits.js';
import { companyRoutes } from './http/routes/kyb/companies/companies.js';
import { companyReviewRoutes } from './http/routes/kyb/companies/review.js';
import { authRoutes } from './http/routes/v1/auth.js';
import { managerRoutes } from './http/routes/v1/managers.js';
import { apiKeyRoutes } from './http/routes/v1/api-keys.js';
import { govOrderedDocumentRoutes } from './http/routes/api/v2/gov-ordered-documents.js';
import { sosFilingDocumentRoutes } from './http/routes/api/v2/sos-filing-documents.js';
import { registryCenterCheckRoutes } from './http/routes/api/v2/registry-center-checks.js';

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** Builds the HTTP application; it never listens (tests use app.inject, main.ts listens). */
export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // One log line per request is written below, with the route pattern instead of the raw
    // URL, because URLs can carry token strings.
    logController: new LogController({ disableRequestLogging: true }),
    // A path that does not even decode (e.g. %ED%A0%80, a lone surrogate) names nothing.
    clientErrorHandler: clientErrorHandler(deps.config.publicUrl),
    frameworkErrors: (error, _request, reply) => sendError(reply, error.code === 'FST_ERR_ASYNC_CONSTRAINT' ? 'INTERNAL_ERROR' : 'NOT_FOUND', 'Not found.'),
    // Response serializers are compiled at each route's first response (http/serialization.ts).
    schemaController: { compilersFactory: { buildSerializer: lazySerializers } },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('deps', deps);
  app.decorate('publicUrl', deps.config.publicUrl);
  app.decorate('keyring', deps.keyring ?? masterKeyring(deps.config));
  app.decorate('registries', deps.registries ?? buildRegistryProviders({ config: deps.config, db: deps.database.db, now: () => deps.clock.now() }));
  app.decorate('routeTable', recordRoutes(app));
  app.decorateRequest('partner', null);
  app.decorateRequest('session', null);
  app.decorateRequest('manager', null);
  app.decorateRequest('managerSession', null);
  app.setValidatorCompiler(validatorCompiler);
  acceptBodies(app);
  app.addHook('preValidation', refuseUnstorableText);
  app.setErrorHandler(errorHandler);
  const allowed = trackMethods(app);
  app.setNotFoundHandler((request, reply) => {
    const methods = allowed(request);
    if (methods.length === 0) return sendError(reply, 'NOT_FOUND', 'Not found.');
    reply.header('allow', methods.join(', '));
    return sendError(reply, 'METHOD_NOT_ALLOWED', `Method "${request.method}" not allowed.`);
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onRequest', authenticate);
  app.addHook('onResponse', async (request, reply) => {
    // A committed write may have queued webhook events: let an in-process worker look now
    // rather than at its next poll. The worker coalesces these wake-ups.
    if (reply.statusCode < 300 && request.method !== 'GET' && request.method !== 'HEAD') deps.wakeWorker?.();
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
  });

  // Text answers (JSON, the form's page) above 1 KB are compressed on the fly when the client
  // accepts it; brotli at a middle quality, since the maximum costs far more CPU than it saves
  // bytes on dynamic answers. Built assets are pre-compressed (web/precompress.ts) and served as
  // they are. Request bodies are never decompressed: the API takes plain JSON only.
  await app.register(compress, {
    globalDecompression: false,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  });
  // On PostgreSQL several servers may share the database: count there, so a limit holds across
  // them (in reserved blocks, and without waiting for a WAL flush: a counter lost in a crash harms
  // nobody). SQLite has one process: the plugin's in-memory store.
  const rateCounter = deps.database.dialect === 'postgres' ? createBlockCounter(deps.database.counters) : null;
  await app.register(rateLimit, {
    global: true,
    hook: 'preValidation',
    max: deps.config.rateLimitPerHour,
    timeWindow: 60 * 60 * 1000,
    ...(rateCounter ? { store: databaseRateLimitStore(deps.database.counters, deps.clock, rateCounter) } : {}),
    // Limits are per API key (or per token), counted only after authentication succeeded,
    // so nobody can spend another partner's quota with wrong secrets.
    allowList: (request: FastifyRequest) => !request.partner && !request.session,
    keyGenerator: (request: FastifyRequest) =>
      request.manager ? `manager:${request.manager.id}` : (request.partner?.keyId ?? `token:${request.session?.tokenId}`),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Rate limit of ${context.max} requests per hour exceeded; retry in ${context.after}.`,
    }),
  });
  metricsPlugin(app);
  await openapiPlugin(app);

  systemRoutes(app);
  createTokenRoute(app);
  updateTokenRoutes(app);
  revokeTokenRoute(app);
  kybInfoRoute(app);
  formRoutes(app);
  beneficiaryRoutes(app);
  documentRoutes(app);
  questionnaireRoutes(app);
  catalogRoutes(app);
  settingsRoutes(app);
  sessionRoute(app);
  formRegistryRoutes(app);
  fileRoutes(app);
  themeLogoRoutes(app);
  screeningRoutes(app);
  webhookRoutes(app);
  ownershipRoutes(app);
  companyRegisterRoutes(app);
  companyRiskRoutes(app);
  riskModelRoutes(app);
  requestInfoRoute(app);
  statusCountsRoute(app);
  caseReviewRoutes(app);
  savedViewRoutes(app);
  automationRoute(app);
  companyRoutes(app);
  companyReviewRoutes(app);
  pdfRoute(app);
  authRoutes(app);
  managerRoutes(app);
  apiKeyRoutes(app);
  govOrderedDocumentRoutes(app);
  sosFilingDocumentRoutes(app);
  registryCenterCheckRoutes(app);
  await webFormRoutes(app);
  await webBackofficeRoutes(app);
  return app;
}

/** Remembers every route's methods, so an unknown method on a known path is a 405, not a 404. */
function trackMethods(app: App): (request: FastifyRequest) => string[] {
  const router = FindMyWay<HTTPVersion.V1>();
  const methods = new Set<string>();
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat().map((m) => m.toUpperCase() as 'GET')) {
      if (method === ('HEAD' as string) || router.hasRoute(method, route.url)) continue;
      router.on(method, route.url, () => {});
      methods.add(method);
    }
  });
  return (request) => {
    const path = request.url.split('?')[0] ?? '/';
    return [...methods].filter((method) => router.find(method as 'GET', path) !== null);
  };
}

/**
 * Read as UTF-8; US-ASCII is a subset of it, and `utf8` is how some HTTP clients spell UTF-8 (not a
 * registered name, but nothing else is meant by it). Any other charset would be read wrong, so it is
 * a 415, except a body of ASCII alone declared in a charset that is a superset of ASCII (older Java
 * clients send `ISO-8859-1` on every request): its bytes read the same in UTF-8.
 */
const JSON_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);
const ASCII_SUPERSETS = new Set(['iso-8859-1', 'latin1', 'windows-1252', 'iso-8859-15']);
const isAscii = (text: string) => !/[^\x00-\x7f]/.test(text);
const unsupportedMediaType = (message: string) => Object.assign(new Error(message), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });

/**
 * The API speaks JSON in UTF-8 only (a text body is answered with 415, not parsed as a string;
 * so is JSON declared in another charset, e.g. UTF-16, rather than read as UTF-8). An
 * empty body is no body, whatever its Content-Type says: clients commonly send
 * `Content-Type: application/json` on every request, DELETE and submit included. A body-less
 * request to an operation whose fields are all optional is an empty object.
 */
function acceptBodies(app: App): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['text/plain', 'application/json']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    const charset = charsetOf(request.headers['content-type']);
    if (charset !== null && !JSON_CHARSETS.has(charset) && !(ASCII_SUPERSETS.has(charset) && isAscii(body as string))) {
      return done(unsupportedMediaType(`The charset "${charset.slice(0, 40)}" is not supported: send the JSON body in UTF-8.`), undefined);
    }
    parseJson(request, body as string, (error, value) => {
      if (!error && exceedsDepth(value, LIMITS.jsonDepth)) return done(invalidField('body', `is nested more than ${LIMITS.jsonDepth} levels deep`), undefined);
      done(error, value);
    });
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, undefined);
    done(unsupportedMediaType('Send the body as application/json.'), undefined);
  });
  app.addHook('preValidation', async (request) => {
    const schema = request.routeOptions.schema?.body as { required?: string[] } | undefined;
    if (request.body === undefined && schema && !schema.required?.length) request.body = {};
  });
}
