import { Type } from 'typebox';
import { Beneficiary, BeneficiaryRequest } from './beneficiary.js';
import { ClientSystem, ClientSystemRequest, CompanyInfo, CompanyInfoRequest, KybFormMeta, PatchedCompanyInfoRequest, ReadOnly } from './company.js';
import { SessionInfoRequest } from './info-request.js';
import { KybFormDocument, KybFormDocumentCreateRequest } from './document.js';

export const KybFormCreateRequest = Type.Object(
  {
    company: CompanyInfoRequest,
    documents: Type.Optional(Type.Array(KybFormDocumentCreateRequest, { maxItems: 20 })),
    beneficiaries: Type.Optional(Type.Array(BeneficiaryRequest, { maxItems: 100 })),
    clientSystem: Type.Optional(ClientSystemRequest),
  },
  { additionalProperties: false, title: 'KybFormCreateRequest' },
);

const formReadOnly = { id: ReadOnly, meta: ReadOnly, documents: ReadOnly, beneficiaries: ReadOnly };
export const KybFormUpdateRequest = Type.Object(
  { company: CompanyInfoRequest, clientSystem: Type.Optional(ClientSystemRequest), ...formReadOnly },
  { additionalProperties: false, title: 'KybFormUpdateRequest' },
);
export const PatchedKybFormUpdateRequest = Type.Object(
  {
    company: Type.Optional(PatchedCompanyInfoRequest),
    clientSystem: Type.Optional(ClientSystemRequest),
    ...formReadOnly,
  },
  { additionalProperties: false, title: 'PatchedKybFormUpdateRequest' },
);

export const KybForm = Type.Object(
  {
    id: Type.String(),
    company: CompanyInfo,
    documents: Type.Array(KybFormDocument),
    beneficiaries: Type.Array(Beneficiary),
    clientSystem: ClientSystem,
    meta: KybFormMeta,
  },
  { title: 'KybForm' },
);

export const KybFormList = Type.Object({ id: Type.String(), company: CompanyInfo, meta: KybFormMeta }, { title: 'KybFormList' });
export const KybFormUpdate = Type.Object({ company: CompanyInfo, clientSystem: ClientSystem }, { title: 'KybFormUpdate' });

export const SessionInfo = Type.Object(
  {
    companyId: Type.String(),
    tokenType: Type.String(),
    expiration: Type.String({ format: 'date-time' }),
    status: Type.String(),
    redirectUrl: Type.Union([Type.String(), Type.Null()]),
    /** Set while a reviewer asked for more information: the message and the items the client may change. */
    infoRequest: Type.Union([SessionInfoRequest, Type.Null()]),
    /** The session comes with a questionnaire (the flow's, the token's or the partner's default). */
    hasQuestionnaire: Type.Boolean(),
  },
  { title: 'SessionInfo' },
);
