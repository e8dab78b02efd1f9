import { getCompanyRegister } from '../../../../core/company-register/get-company-register.js';
import { CompanyRegister } from '../../../../schemas/company-register.js';
import type { App } from '../../../context.js';
import { companyViewRoute } from './company-view.js';

/** The official register's evidence for the reviewer: the profile, the form compared with it, the undeclared officers and owners. */
export function companyRegisterRoutes(app: App): void {
  companyViewRoute(app, {
    name: 'register',
    tag: 'Companies',
    operationId: 'v1CompaniesRegisterRetrieve',
    summary: "A company's official register check: the profile, the form compared with it, officers and owners the client did not declare",
    response: CompanyRegister,
    read: (ctx, companyId) => getCompanyRegister({ ctx, companyId }),
  });
}
