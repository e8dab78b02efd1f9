/** iDenfy's GOV-check enums (reference §5), exact and in spec order. */

export const GOV_ORDER_STATUSES = ['NOT_ORDERED', 'IN_PROGRESS', 'FINISHED', 'FAILED', 'TIMED_OUT'] as const;
export type GovOrderStatus = (typeof GOV_ORDER_STATUSES)[number];

/** The countries a register document can be ordered for (`CountryCodeEnum`, 103). */
export const GOV_COUNTRY_CODES = (
  'AL AM AR AT AU AW AZ BA BB BD BE BG BH BN BO BQ BR BW BY BZ CA CH CN CO CR CW CY CZ DE DK DO EC EE ES FI FR GB GE GG GH GI GR HK HR HU ID IE IL IM IN IS IT JE JO ' +
  'KH KW KY LI LK LS LT LU LV MA ME MH MM MT MU MY NL NO NZ PE PH PK PL PR PT QA RO RS RU SB SE SG SI SK TH TN TO TR TT TW UG US UY VG VI VN VU WS ZA'
).split(' ') as readonly string[];

/** US states a Secretary-of-State report covers (`StateEnum`, 50; no DC). */
export const US_STATES =
  'AK AL AR AZ CA CO CT DE FL GA HI IA ID IL IN KS KY LA MA MD ME MI MN MO MS MT NC ND NE NH NJ NM NV NY OH OK OR PA RI SC SD TN TX UT VA VT WA WI WV WY'.split(
    ' ',
  ) as readonly string[];

export const SOS_ENTITY_TYPES = ['CORPORATION', 'LLC', 'PARTNERSHIP', 'NON_PROFIT', 'TRUST', 'SOLE_PROPRIETORSHIP'] as const;

export const REGISTRY_CENTER_DATABASES = ['LT', 'HU', 'UK', 'US_15'] as const;
export type RegistryCenterDatabase = (typeof REGISTRY_CENTER_DATABASES)[number];
/** The list filter's `databases` values (they differ from DatabaseEnum in the spec; US_1 and US_4 match nothing here). */
export const REGISTRY_CENTER_LIST_DATABASES = ['UK', 'US_1', 'US_15', 'US_4'] as const;
export const SOFT_KYC_MATCH_STATUSES = ['MATCH', 'NO_MATCH', 'PARTIAL_MATCH', 'NO_DATA', 'NO_INPUT', 'INVALID'] as const;
/** A check's overall status (the list filter's `status`), also the UK check's per-field statuses. */
export const REGISTRY_CENTER_STATUSES = ['MATCH', 'NO_DATA', 'NO_MATCH', 'PARTIAL_MATCH'] as const;
export const REGISTRY_CENTER_CHECKED_FIELDS = [
  'address',
  'address1',
  'address2',
  'city',
  'date_of_birth',
  'dob',
  'email',
  'first_name',
  'gender',
  'id_num',
  'last_name',
  'marital_status',
  'middle_name',
  'phone',
  'state',
  'yob',
  'zip',
] as const;

export const GOV_ORDER_ORDERINGS = ['deliveryTime', 'expectedDeliveryTime', 'orderTime', '-deliveryTime', '-expectedDeliveryTime', '-orderTime'] as const;
