import { Type, type TSchema } from 'typebox';
import { createEntry, deleteEntry, getEntry, listEntries, replaceEntry } from '../../../core/catalog/entries.js';
import { flows } from '../../../core/catalog/flows.js';
import type { CatalogKind } from '../../../core/catalog/kind.js';
import { questionnaires } from '../../../core/catalog/questionnaires.js';
import { themes } from '../../../core/catalog/themes.js';
import { IdParams } from '../../../schemas/common.js';
import { Flow, FlowInput } from '../../../schemas/flow.js';
import { Questionnaire, QuestionnaireInput } from '../../../schemas/questionnaire.js';
import { Theme, ThemeInput } from '../../../schemas/theme.js';
import { partnerCtx, type App } from '../../context.js';
import { ADMIN, errorResponses, PARTNER } from '../../route-schemas.js';

interface CatalogRoutes {
  path: string;
  tag: string;
  noun: string;
  kind: CatalogKind<never, unknown>;
  input: TSchema;
  output: TSchema;
}

const CATALOGS: CatalogRoutes[] = [
  { path: '/v1/flows/', tag: 'Flows', noun: 'flow', kind: flows as CatalogKind<never, unknown>, input: FlowInput, output: Flow },
  { path: '/v1/themes/', tag: 'Themes', noun: 'theme', kind: themes as CatalogKind<never, unknown>, input: ThemeInput, output: Theme },
  {
    path: '/v1/questionnaires/',
    tag: 'Questionnaires',
    noun: 'questionnaire',
    kind: questionnaires as CatalogKind<never, unknown>,
    input: QuestionnaireInput,
    output: Questionnaire,
  },
];

/** OpenKYB's management API for the objects a token may reference: CRUD, scoped to the partner. */
export function catalogRoutes(app: App): void {
  for (const { path, tag, noun, kind, input, output } of CATALOGS) {
    const common = { tags: [tag] };
    // Anyone signed in may read them (the back office shows them); changing them is an admin's.
    const config = PARTNER.config;
    const adminConfig = ADMIN.config;
    const item = `${path}:id/`;
    app.get(
      path,
      { config, schema: { ...common, summary: `List ${noun}s`, response: { 200: Type.Array(output), ...errorResponses(401, 429) } } },
      async (request) => listEntries({ ctx: partnerCtx(request), kind }),
    );
    app.post(
      path,
      { config: adminConfig, schema: { ...common, summary: `Create a ${noun}`, body: input, response: { 201: output, ...errorResponses(400, 401, 429) } } },
      async (request, reply) => reply.code(201).send(await createEntry({ ctx: partnerCtx(request), kind, input: request.body as never })),
    );
    app.get(
      item,
      { config, schema: { ...common, summary: `Retrieve a ${noun}`, params: IdParams, response: { 200: output, ...errorResponses(401, 404, 429) } } },
      async (request) => getEntry({ ctx: partnerCtx(request), kind, id: request.params.id }),
    );
    app.put(
      item,
      {
        config: adminConfig,
        schema: { ...common, summary: `Replace a ${noun}`, params: IdParams, body: input, response: { 200: output, ...errorResponses(400, 401, 404, 429) } },
      },
      async (request) => replaceEntry({ ctx: partnerCtx(request), kind, id: request.params.id, input: request.body as never }),
    );
    app.delete(
      item,
      {
        config: adminConfig,
        schema: { ...common, summary: `Delete a ${noun}`, params: IdParams, response: { 204: Type.Null(), ...errorResponses(401, 404, 409, 429) } },
      },
      async (request, reply) => {
        await deleteEntry({ ctx: partnerCtx(request), kind, id: request.params.id });
        return reply.code(204).send(null);
      },
    );
  }
}
