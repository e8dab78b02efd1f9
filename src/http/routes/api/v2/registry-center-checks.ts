import { createRegistryCenterCheck } from '../../../../core/gov-checks/create-registry-center-check.js';
import { listRegistryCenterChecks } from '../../../../core/gov-checks/list-registry-center-checks.js';
import { RegistryCenterCheck, RegistryCenterCheckRequest, RegistryCenterListQuery } from '../../../../schemas/gov-checks.js';
import type { App } from '../../../context.js';
import { govCreateRoute, govListRoute } from './gov-check-route.js';

const path = 'registry-center-checks/';

/** iDenfy's registry-center (person register) checks for LT, HU, UK and US_15 (§3.7), answered at once. */
export function registryCenterCheckRoutes(app: App): void {
  govListRoute(app, {
    path,
    operationId: 'apiV2RegistryCenterChecksList',
    summary: 'List registry-center checks',
    query: RegistryCenterListQuery,
    item: RegistryCenterCheck,
    list: (ctx, query) => listRegistryCenterChecks({ ctx, query }),
  });
  govCreateRoute(app, {
    path,
    operationId: 'apiV2RegistryCenterChecksCreate',
    summary: 'Check a person against a registry center',
    body: RegistryCenterCheckRequest,
    item: RegistryCenterCheck,
    errors: [502],
    create: (ctx, input) => createRegistryCenterCheck({ ctx, input }),
  });
}
