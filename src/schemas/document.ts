import { Type, type Static } from 'typebox';
import { boundedBy, Nullable, PathId } from './common.js';
import { IndividualKybDocTypeEnum, KybDocumentTypeEnum } from './enums.js';

const strict = { additionalProperties: false } as const;
const Filename = Type.Optional(Nullable(Type.String({ maxLength: 100 })));
/** Base64 (optionally a data: URL); the size limit is checked before it is decoded. */
const File = Type.String({
  minLength: 1,
  description: 'Base64 file: jpeg, png, gif, webp, heic, heif or pdf, decided by its content.',
  ...boundedBy('OPENKYB_MAX_UPLOAD_BYTES once decoded, and the route body limit'),
});

/** Company documents take iDenfy's 33 types; beneficiary documents depend on the beneficiary. */
export const AnyDocumentType = Type.Union([KybDocumentTypeEnum, IndividualKybDocTypeEnum]);

export const DocumentCreateRequest = (
  type = KybDocumentTypeEnum as typeof AnyDocumentType | typeof KybDocumentTypeEnum,
  title = 'KybFormDocumentCreateRequest',
) => Type.Object({ type, filename: Filename, file: File }, { ...strict, title });
export const KybFormDocumentCreateRequest = DocumentCreateRequest();
export type DocumentCreateInput = { type: string; filename?: string | null; file: string };

export const DocumentRequest = (type: typeof AnyDocumentType | typeof KybDocumentTypeEnum, patch: boolean) =>
  Type.Object({ type: patch ? Type.Optional(type) : type, filename: Filename }, strict);
export type DocumentUpdateInput = { type?: string; filename?: string | null };

export const KybFormDocument = Type.Object(
  { id: Type.String(), type: Type.String(), filename: Nullable(Type.String()), file: Type.String({ format: 'uri' }) },
  { title: 'KybFormDocument' },
);
export type KybFormDocument = Static<typeof KybFormDocument>;

const TypeList = Type.String({ maxLength: 2000, description: 'Comma-separated KybDocumentTypeEnum values; empty: no filter.' });
/** Other query parameters are ignored, as in iDenfy's API. */
export const DocumentListQuery = Type.Object({ type: Type.Optional(TypeList), type_Exclude: Type.Optional(TypeList) });

export const DocumentParams = Type.Object({ companyId: PathId, id: PathId });
export const BeneficiaryDocumentsParams = Type.Object({ companyId: PathId, beneficiaryId: PathId });
export const BeneficiaryDocumentParams = Type.Object({ ...BeneficiaryDocumentsParams.properties, id: PathId });
