import { getOwnership } from '../../../../core/ownership/get-ownership.js';
import { CompanyOwnership } from '../../../../schemas/ownership.js';
import type { App } from '../../../context.js';
import { companyViewRoute } from './company-view.js';

/** The ownership tree explained: effective shares, UBOs, remainders, control roles. */
export function ownershipRoutes(app: App): void {
  companyViewRoute(app, {
    name: 'ownership',
    tag: 'Companies',
    operationId: 'v1CompaniesOwnershipRetrieve',
    summary: "A company's ownership: effective shares over every path, UBOs, what is unexplained",
    response: CompanyOwnership,
    read: (ctx, companyId) => getOwnership({ ctx, input: { companyId } }),
  });
}
