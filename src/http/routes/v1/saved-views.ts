import { Type } from 'typebox';
import { createSavedView } from '../../../core/queue/create-saved-view.js';
import { deleteSavedView } from '../../../core/queue/delete-saved-view.js';
import { listSavedViews } from '../../../core/queue/list-saved-views.js';
import { updateSavedView } from '../../../core/queue/update-saved-view.js';
import { SavedView, SavedViewCreate, SavedViewList, SavedViewParams, SavedViewPatch } from '../../../schemas/case-review.js';
import { partnerCtx, type App } from '../../context.js';
import { errorResponses, partnerRoute } from '../../route-schemas.js';

const tags = ['Review'];
// Every role: a view is the manager's own read-only setting (a viewer filters the queue too).
const OWN = partnerRoute('viewer');

/** The signed-in manager's saved queue views (a key pair has none: an empty list, 404, and 403 on a save). */
export function savedViewRoutes(app: App): void {
  app.get(
    '/v1/saved-views/',
    { ...OWN, schema: { tags, summary: 'List your saved queue views', response: { 200: SavedViewList, ...errorResponses(401, 403, 429) } } },
    async (request) => ({ results: await listSavedViews({ ctx: partnerCtx(request) }) }),
  );
  app.post(
    '/v1/saved-views/',
    {
      ...OWN,
      schema: {
        tags,
        summary: 'Save the queue view (its URL query) under a name',
        description: 'At most 50 views per manager; names are unique per manager (409).',
        body: SavedViewCreate,
        response: { 201: SavedView, ...errorResponses(400, 401, 403, 409, 429) },
      },
    },
    async (request, reply) => reply.code(201).send(await createSavedView({ ctx: partnerCtx(request), input: request.body })),
  );
  app.patch(
    '/v1/saved-views/:viewId/',
    {
      ...OWN,
      schema: {
        tags,
        summary: 'Rename a saved view or replace its query',
        params: SavedViewParams,
        body: SavedViewPatch,
        response: { 200: SavedView, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request) => updateSavedView({ ctx: partnerCtx(request), viewId: request.params.viewId, input: request.body }),
  );
  app.delete(
    '/v1/saved-views/:viewId/',
    {
      ...OWN,
      schema: { tags, summary: 'Delete a saved view', params: SavedViewParams, response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 429) } },
    },
    async (request, reply) => {
      await deleteSavedView({ ctx: partnerCtx(request), viewId: request.params.viewId });
      return reply.code(204).send(null);
    },
  );
}
