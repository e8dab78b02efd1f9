import type { RiskModelDefinition } from '../../schemas/risk.js';

/**
 * FATF's public lists as published on 24 October 2025 (Paris plenary): "High-Risk Jurisdictions
 * subject to a Call for Action" (black) and "Jurisdictions under Increased Monitoring" (grey).
 * FATF revises them three times a year (February, June, October): operators must update them in
 * their risk model (PUT /v1/risk-model/); OpenKYB does not fetch them.
 */
export const FATF_BLACK_LIST = ['KP', 'IR', 'MM'] as const;
export const FATF_GREY_LIST = ['DZ', 'AO', 'BO', 'BG', 'CM', 'CI', 'CD', 'HT', 'KE', 'LA', 'LB', 'MC', 'NA', 'NP', 'SS', 'SY', 'VE', 'VN', 'VG', 'YE'] as const;
export const FATF_SOURCE =
  'FATF public statements of 24 October 2025 (black: call for action; grey: increased monitoring). Update these lists after each FATF plenary.';

/**
 * The model a partner has until it saves its own. Weights are the most points a factor adds
 * (the score is their sum, capped at 100); a finding in a black-listed country or a confirmed
 * sanctions match also sets a minimum level, as enhanced due diligence rules do.
 */
export const DEFAULT_RISK_MODEL: RiskModelDefinition = {
  levels: { LOW: 20, MEDIUM: 40, HIGH: 60, VERY_HIGH: 80 },
  countryLists: { black: [...FATF_BLACK_LIST], grey: [...FATF_GREY_LIST], source: FATF_SOURCE },
  factors: {
    companyCountry: { weight: 30, floor: 'HIGH', black: 1, grey: 0.5 },
    ownerCountries: { weight: 30, floor: 'HIGH', black: 1, grey: 0.5 },
    legalForm: {
      weight: 15,
      floor: null,
      highRiskForms: ['trust', 'foundation', 'Stiftung', 'Anstalt', 'international business company', 'IBC', 'bearer shares', 'nominee'],
    },
    screening: { weight: 40, floor: 'VERY_HIGH', severity: { TRUE_POSITIVE: 1, FLAGS_FOUND: 0.5, NOT_CHECKED: 0.25, FALSE_POSITIVE: 0, NO_FLAGS: 0 } },
    ownershipDepth: { weight: 10, floor: null, fromDepth: 3, fullAtDepth: 5 },
    ownershipOpacity: { weight: 20, floor: null },
    missingUbos: { weight: 15, floor: null },
    // iDenfy's company info has no incorporation date: it is read from a DATE custom field. A
    // form without that field would otherwise add points to every company, so unknown is 0.
    companyAge: { weight: 10, floor: null, dateField: 'incorporationDate', youngerThanMonths: 12, unknown: 0 },
    questionnaire: { rules: [] },
  },
};
