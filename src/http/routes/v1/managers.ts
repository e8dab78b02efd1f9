import { createManager } from '../../../core/managers/create-manager.js';
import { listManagers } from '../../../core/managers/list-managers.js';
import { resetManager } from '../../../core/managers/reset-manager.js';
import { updateManager } from '../../../core/managers/update-manager.js';
import { Manager, ManagerCreateBody, ManagerCreated, ManagerList, ManagerParams, ManagerPatch, SetPasswordLink } from '../../../schemas/managers.js';
import { partnerCtx, type App } from '../../context.js';
import { ADMIN, errorResponses, PARTNER, partnerRoute } from '../../route-schemas.js';

const tags = ['Managers'];

/** The partner's back-office accounts: the same verbs as `openkyb managers`. */
export function managerRoutes(app: App): void {
  app.get(
    '/v1/managers/',
    { ...PARTNER, schema: { tags, summary: "List the partner's managers", response: { 200: ManagerList, ...errorResponses(401) } } },
    async (request) => ({ results: await listManagers({ ctx: partnerCtx(request) }) }),
  );

  app.post(
    '/v1/managers/',
    {
      ...ADMIN,
      schema: {
        tags,
        summary: 'Create a manager',
        description: 'Returns a one-time link to set its password (valid 24 hours), shown once.',
        body: ManagerCreateBody,
        response: { 201: ManagerCreated, ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const { setPasswordUrl, ...manager } = await createManager({ ctx: partnerCtx(request), input: request.body });
      return reply.code(201).send({ manager, setPasswordUrl });
    },
  );

  app.patch(
    '/v1/managers/:id/',
    {
      // Any manager may set its own `away`; everything else needs an admin (checked by the verb).
      ...partnerRoute('viewer'),
      schema: {
        tags,
        summary: "Change a manager's role, disabled or away flag",
        description: 'Admins may change any field; any manager may set its own `away`.',
        params: ManagerParams,
        body: ManagerPatch,
        response: { 200: Manager, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => updateManager({ ctx: partnerCtx(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/v1/managers/:id/reset/',
    {
      ...ADMIN,
      schema: {
        tags,
        summary: 'A new set-password link for a manager',
        description: "Ends the manager's sessions and clears a lock-out.",
        params: ManagerParams,
        response: { 200: SetPasswordLink, ...errorResponses(401, 404) },
      },
    },
    async (request) => resetManager({ ctx: partnerCtx(request), id: request.params.id }),
  );
}
