/** Request bodies for catalog objects, valid unless a test changes them. */
export const questionnaireBody = (key = 'aml', overrides: Record<string, unknown> = {}) => ({
  key,
  name: 'AML questions',
  title: 'Anti-money-laundering questionnaire',
  sections: [
    {
      key: 'activity',
      title: 'Business activity',
      questions: [
        { key: 'handlesCash', title: 'Does the company handle cash?', type: 'CHECKBOX' },
        { key: 'cashShare', title: 'Share of cash turnover (%)', type: 'FLOAT', condition: 'handlesCash == true' },
        { key: 'markets', title: 'Markets', type: 'COUNTRY_MULTI' },
        {
          key: 'size',
          title: 'Size',
          type: 'RADIO',
          required: true,
          choices: [
            { key: 'small', title: 'Small' },
            { key: 'large', title: 'Large' },
          ],
        },
      ],
    },
    {
      key: 'large',
      title: 'Large companies',
      condition: 'activity.size == "large"',
      questions: [{ key: 'auditor', title: 'Auditor', type: 'TEXT', required: true }],
    },
  ],
  ...overrides,
});

export const flowBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Standard flow',
  fields: [
    { field: 'COMPANY_NAME', required: true, order: 0 },
    { field: 'REGISTRATION_NUMBER', required: true, order: 1 },
    { field: 'COUNTRY', required: true, order: 2 },
  ],
  fieldsCustom: [{ field: { key: 'industry', title: 'Industry', type: 'SELECT', choices: [{ key: 'it', title: 'IT' }] }, required: true }],
  documents: [{ docType: 'INCORPORATION_CERT', required: true }],
  beneficiaries: [
    {
      beneficiaryType: 'UBO',
      required: true,
      applicants: [
        {
          applicantType: 'INDIVIDUAL',
          fields: [
            { field: 'NAME', required: true },
            { field: 'SURNAME', required: true },
          ],
          documents: [{ docType: 'IDENTITY_DOCUMENT', required: true }],
        },
        { applicantType: 'COMPANY', fields: [{ field: 'COMPANY_NAME', required: true }] },
      ],
    },
  ],
  ownershipFullStructure: true,
  ownershipPercentageThreshold: 25,
  ...overrides,
});

export const themeBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Brand',
  companyName: 'Acme Pay',
  logo: 'https://cdn.example.com/logo.png',
  font: 'https://cdn.example.com/font.woff2',
  supportEmail: 'kyb@example.com',
  colors: { primary: '#123456', secondary: '#abc', error: '#FF0000' },
  ...overrides,
});
