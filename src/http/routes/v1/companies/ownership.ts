import { Type } from 'typebox';
import { getOwnership } from '../../../../core/ownership/get-ownership.js';
import { PathId } from '../../../../schemas/common.js';
import { CompanyOwnership } from '../../../../schemas/ownership.js';
import { partnerCtx, type App } from '../../../context.js';
import { errorResponses, PARTNER } from '../../../route-schemas.js';

/** The ownership tree explained: effective shares, UBOs, remainders, control roles. */
export function ownershipRoutes(app: App): void {
  app.get(
    '/v1/companies/:id/ownership/',
    {
      ...PARTNER,
      schema: {
        tags: ['Companies'],
        operationId: 'v1CompaniesOwnershipRetrieve',
        summary: "A company's ownership: effective shares over every path, UBOs, what is unexplained",
        params: Type.Object({ id: PathId }),
        response: { 200: CompanyOwnership, ...errorResponses(401, 404, 429) },
      },
    },
    async (request) => getOwnership({ ctx: partnerCtx(request), input: { companyId: request.params.id } }),
  );
}
