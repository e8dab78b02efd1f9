import type { RegistryCompanyStatus } from '../../provider.js';
import { addressOf, type CompanyData } from '../company-data.js';
import type { Dataset } from '../dataset.js';
import { nameKeys, numberKey } from '../keys.js';
import { xmlText, type CsvValue, type XmlNode } from '../read-file.js';
import { gleifRows, LEI_PATTERN } from './gleif-file.js';

/** The fields of one LEI record this importer keeps, read alike from LEI-CDF XML and CSV. */
interface LeiFields {
  lei: string;
  name: string;
  legal: { lines: Array<string | undefined>; city?: string; region?: string; country?: string; postCode?: string };
  hq: { lines: Array<string | undefined>; city?: string; region?: string; country?: string; postCode?: string };
  authorityId?: string;
  authorityEntityId?: string;
  jurisdiction?: string;
  legalFormCode?: string;
  otherLegalForm?: string;
  entityStatus?: string;
  creationDate?: string;
  registrationStatus?: string;
}

function statusOf(entityStatus: string | undefined, registrationStatus: string | undefined): RegistryCompanyStatus {
  if (registrationStatus === 'RETIRED' || registrationStatus === 'ANNULLED' || registrationStatus === 'MERGED') return 'dissolved';
  if (entityStatus === 'ACTIVE') return 'active';
  if (entityStatus === 'INACTIVE') return 'inactive';
  return 'unknown';
}

function toRow(fields: LeiFields, where: string) {
  if (!LEI_PATTERN.test(fields.lei)) throw new Error(`${where}: "${fields.lei}" is not an LEI`);
  if (!fields.name) throw new Error(`${where}: LEI ${fields.lei} has no legal name`);
  const keys = nameKeys(fields.name);
  const legal = addressOf('registered', fields.legal.lines, fields.legal.city, fields.legal.postCode, fields.legal.country);
  const hq = addressOf('business', fields.hq.lines, fields.hq.city, fields.hq.postCode, fields.hq.country);
  const data: CompanyData = { addresses: [legal, hq].filter((a) => a !== undefined), activityCodes: [], lei: fields.lei };
  if (fields.jurisdiction) data.jurisdiction = fields.jurisdiction;
  if (fields.authorityId && fields.authorityEntityId) data.registrationAuthority = { id: fields.authorityId, entityId: fields.authorityEntityId };
  // A jurisdiction such as "US-MA" names the country of registration before the legal address does.
  const country = (fields.jurisdiction?.slice(0, 2) || fields.legal.country || 'XX').toUpperCase();
  return {
    country,
    number: fields.lei,
    number_key: fields.lei,
    name: fields.name,
    search_text: keys.searchText,
    name_key: keys.nameKey,
    status: statusOf(fields.entityStatus, fields.registrationStatus),
    legal_form: fields.legalFormCode && fields.legalFormCode !== '8888' ? fields.legalFormCode : (fields.otherLegalForm ?? fields.legalFormCode ?? null),
    incorporated_on: fields.creationDate?.slice(0, 10) ?? null,
    registered_number_key: fields.authorityEntityId ? numberKey(fields.authorityEntityId) : null,
    data: JSON.stringify(data),
  };
}

function xmlAddress(node: unknown): LeiFields['legal'] {
  const a = (node ?? {}) as XmlNode;
  const more = a['AdditionalAddressLine'];
  const extra = (Array.isArray(more) ? more : [more]).map(xmlText);
  return {
    lines: [xmlText(a['FirstAddressLine']), ...extra],
    city: xmlText(a['City']),
    region: xmlText(a['Region']),
    country: xmlText(a['Country']),
    postCode: xmlText(a['PostalCode']),
  };
}

/** The fields of one LEI-CDF XML record. */
function xmlFields(record: XmlNode): LeiFields {
  const entity = (record['Entity'] ?? {}) as XmlNode;
  const authority = (entity['RegistrationAuthority'] ?? {}) as XmlNode;
  const legalForm = (entity['LegalForm'] ?? {}) as XmlNode;
  const registration = (record['Registration'] ?? {}) as XmlNode;
  return {
    lei: xmlText(record['LEI']) ?? '',
    name: xmlText(entity['LegalName']) ?? '',
    legal: xmlAddress(entity['LegalAddress']),
    hq: xmlAddress(entity['HeadquartersAddress']),
    authorityId: xmlText(authority['RegistrationAuthorityID']),
    authorityEntityId: xmlText(authority['RegistrationAuthorityEntityID']),
    jurisdiction: xmlText(entity['LegalJurisdiction']),
    legalFormCode: xmlText(legalForm['EntityLegalFormCode']),
    otherLegalForm: xmlText(legalForm['OtherLegalForm']),
    entityStatus: xmlText(entity['EntityStatus']),
    creationDate: xmlText(entity['EntityCreationDate']),
    registrationStatus: xmlText(registration['RegistrationStatus']),
  };
}

/** The Golden Copy CSV's column names: the XML paths joined with dots, repeats numbered from 1. */
const CSV_REQUIRED = [
  'LEI',
  'Entity.LegalName',
  'Entity.LegalAddress.FirstAddressLine',
  'Entity.LegalAddress.Country',
  'Entity.EntityStatus',
  'Registration.RegistrationStatus',
];

function csvAddress(r: CsvValue, prefix: string): LeiFields['legal'] {
  const lines = [
    r(`${prefix}.FirstAddressLine`),
    r(`${prefix}.AdditionalAddressLine.1`),
    r(`${prefix}.AdditionalAddressLine.2`),
    r(`${prefix}.AdditionalAddressLine.3`),
  ];
  return { lines, city: r(`${prefix}.City`), region: r(`${prefix}.Region`), country: r(`${prefix}.Country`), postCode: r(`${prefix}.PostalCode`) };
}

/** The fields of one Golden Copy CSV line. */
function csvFields(r: CsvValue): LeiFields {
  const value = (column: string) => r(column) || undefined;
  return {
    lei: value('LEI') ?? '',
    name: value('Entity.LegalName') ?? '',
    legal: csvAddress(r, 'Entity.LegalAddress'),
    hq: csvAddress(r, 'Entity.HeadquartersAddress'),
    authorityId: value('Entity.RegistrationAuthority.RegistrationAuthorityID'),
    authorityEntityId: value('Entity.RegistrationAuthority.RegistrationAuthorityEntityID'),
    jurisdiction: value('Entity.LegalJurisdiction'),
    legalFormCode: value('Entity.LegalForm.EntityLegalFormCode'),
    otherLegalForm: value('Entity.LegalForm.OtherLegalForm'),
    entityStatus: value('Entity.EntityStatus'),
    creationDate: value('Entity.EntityCreationDate'),
    registrationStatus: value('Registration.RegistrationStatus'),
  };
}

const LEI_CDF = { xml: { root: 'LEIData', record: 'LEIRecord', fields: xmlFields }, csv: { required: CSV_REQUIRED, fields: csvFields }, toRow };

/** GLEIF level 1, the LEI Golden Copy (LEI-CDF 2.1), in its XML or its CSV form. */
export const gleifLeiDataset: Dataset = {
  id: 'gleif-lei',
  table: 'registry_companies',
  read: (path, counter, state) => gleifRows(path, counter, state, LEI_CDF),
};
