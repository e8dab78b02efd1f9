import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { questionnaireBody } from '../../../test/fixtures.js';
import en from '../src/i18n/locales/en.js';
import { expectAccessible } from '../../../test/browser.js';
import type { E2eServer } from './server.js';

export const PRIMARY = '#123456';

/** A flow with every step: required fields, a custom field, documents, a two-level structure, a conditional questionnaire. */
export async function createCatalog(server: E2eServer): Promise<{ flow: string; theme: string }> {
  await server.partnerCall('POST', '/v1/questionnaires/', questionnaireBody('aml'));
  const flow = await server.partnerCall('POST', '/v1/flows/', {
    name: 'E2E flow',
    questionnaire: 'aml',
    fields: [
      { field: 'COMPANY_NAME', required: true, order: 0 },
      { field: 'REGISTRATION_NUMBER', required: true, order: 1 },
      { field: 'COUNTRY', required: true, order: 2 },
      { field: 'WEBSITE', order: 3 },
    ],
    fieldsCustom: [
      {
        field: {
          key: 'industry',
          title: 'Industry',
          type: 'SELECT',
          choices: [
            { key: 'it', title: 'IT' },
            { key: 'retail', title: 'Retail' },
          ],
        },
        required: true,
      },
    ],
    documents: [{ docType: 'INCORPORATION_CERT', required: true }],
    beneficiaries: [
      {
        beneficiaryType: 'SHAREHOLDER',
        required: true,
        fields: [{ field: 'OWNERSHIP_PERCENTAGE', required: true }],
        applicants: [
          {
            applicantType: 'INDIVIDUAL',
            fields: [
              { field: 'NAME', required: true },
              { field: 'SURNAME', required: true },
              { field: 'DATE_OF_BIRTH', required: true },
            ],
            documents: [{ docType: 'IDENTITY_DOCUMENT', required: true }],
          },
          {
            applicantType: 'COMPANY',
            fields: [
              { field: 'COMPANY_NAME', required: true },
              { field: 'COUNTRY', required: true },
            ],
          },
        ],
      },
    ],
    ownershipFullStructure: true,
    ownershipPercentageThreshold: 25,
  });
  const theme = await server.partnerCall('POST', '/v1/themes/', {
    name: 'E2E theme',
    companyName: 'Acme Pay',
    supportEmail: 'kyb@example.com',
    colors: { primary: PRIMARY, hoveredButton: '#0b2239', primaryBackground: '#f4f6f8', typography: '#111111', error: '#a50e0e' },
  });
  return { flow: flow.id, theme: theme.id };
}

const heading = (page: Page) => page.locator('h1');
const continueButton = (page: Page) => page.getByRole('button', { name: en['action.continue'], exact: true });

export async function expectStep(page: Page, title: string): Promise<void> {
  await expect.poll(() => heading(page).textContent()).toBe(title);
}

/** Steps of a whole session; each checks accessibility and takes a screenshot before moving on. */
export async function fillCompany(page: Page, shot: (name: string) => Promise<void>, opts: { skipRegistration?: boolean } = {}): Promise<void> {
  await expectStep(page, en['step.company']);
  await page.getByLabel(en['field.company.COMPANY_NAME']).fill('Acme Trading UAB');
  if (!opts.skipRegistration) await page.getByLabel(en['field.company.REGISTRATION_NUMBER']).fill('305123456');
  await page.getByLabel(en['field.company.COUNTRY']).selectOption('LT');
  await page.getByLabel(en['field.company.WEBSITE']).fill('https://acme.example');
  await page.getByLabel('Industry').selectOption('it');
  await expectAccessible(page, 'company step');
  await shot('company');
  await continueButton(page).click();
}

/** A shareholder added through the tree's buttons: what opens the editor, the values by label, and the name it is then listed under. */
interface NewShareholder {
  opener: string;
  /** Under a company, the editor first asks whether the owner is a new person. */
  isNewPerson?: boolean;
  fields: [label: string, value: string][];
  listedAs: string;
}

async function addShareholder(page: Page, owner: NewShareholder): Promise<void> {
  await page.getByRole('button', { name: owner.opener }).click();
  if (owner.isNewPerson) await page.getByRole('radio', { name: en['ownership.newPerson'] }).check();
  await page.getByRole('checkbox', { name: en['role.SHAREHOLDER'] }).check();
  for (const [label, value] of owner.fields) {
    const field = page.getByLabel(label);
    await (label === en['field.company.COUNTRY'] ? field.selectOption(value) : field.fill(value));
  }
  await page.getByRole('button', { name: en['action.save'], exact: true }).click();
  await expect.poll(() => page.locator('.tree-node strong', { hasText: owner.listedAs }).count()).toBe(1);
}

/** A shareholder company, Holding SIA (60 %): in a full-structure flow it needs an individual under it. */
export const HOLDING: NewShareholder = {
  opener: en['ownership.addCompany'],
  fields: [
    [en['field.company.COMPANY_NAME'], 'Holding SIA'],
    [en['field.company.COUNTRY'], 'LV'],
    [en['ownership.percentage'], '60'],
  ],
  listedAs: 'Holding SIA',
};

const person = (name: string, surname: string, dateOfBirth: string, percentage: string): NewShareholder['fields'] => [
  [en['field.person.NAME'], name],
  [en['field.person.SURNAME'], surname],
  [en['field.person.DATE_OF_BIRTH'], dateOfBirth],
  [en['ownership.percentage'], percentage],
];

/** John Smith, owning all of Holding SIA. */
export const OWNER_OF_HOLDING: NewShareholder = {
  opener: en['ownership.addOwner'].replace('{name}', 'Holding SIA'),
  isNewPerson: true,
  fields: person('John', 'Smith', '1980-04-02', '100'),
  listedAs: 'John Smith',
};

export const addHolding = (page: Page) => addShareholder(page, HOLDING);
export const addOwnerOfHolding = (page: Page) => addShareholder(page, OWNER_OF_HOLDING);

export async function fillOwnership(page: Page, shot: (name: string) => Promise<void>): Promise<void> {
  await expectStep(page, en['step.ownership']);
  await addHolding(page);
  await addOwnerOfHolding(page);
  await addShareholder(page, { opener: en['ownership.addPerson'], fields: person('Jane', 'Doe', '1985-11-30', '40'), listedAs: 'Jane Doe' });
  // Editing saves the whole beneficiary again (PUT).
  await page.getByRole('button', { name: en['ownership.editTitle'].replace('{name}', 'Jane Doe') }).click();
  await page.getByLabel(en['ownership.percentage']).fill('35');
  await page.getByRole('button', { name: en['action.save'], exact: true }).click();
  await expect.poll(() => page.locator('.tree-node', { hasText: 'Jane Doe' }).locator('.node-meta').textContent()).toContain('35%');
  // A company with owners under it cannot go before they do.
  await page.getByRole('button', { name: `${en['action.delete']}: Holding SIA` }).click();
  await expect.poll(() => page.getByRole('alert').allTextContents()).toContain(en['ownership.deleteChildrenFirst'].replace('{name}', 'Holding SIA'));
  // Two levels: John Smith is listed under Holding SIA, Jane Doe at the top.
  const holding = page.locator('.tree-node', { has: page.locator('strong', { hasText: 'Holding SIA' }) });
  await expect.poll(() => holding.locator('.tree .tree-node strong').allTextContents()).toEqual(['John Smith']);
  await expect.poll(() => page.locator('.tree.root > .tree-node > .node-card strong').allTextContents()).toEqual(['Holding SIA', 'Jane Doe']);
  await expectAccessible(page, 'ownership step');
  await shot('ownership');
  await continueButton(page).click();
}

export async function fillDocuments(page: Page, shot: (name: string) => Promise<void>, files: { png: string; pdf: string }): Promise<void> {
  await expectStep(page, en['step.documents']);
  const upload = async (region: string, type: string, file: string) => {
    const group = page.getByRole('region', { name: region });
    await group.getByLabel(en['documents.upload'].replace('{type}', type)).setInputFiles(file);
    await expect.poll(() => group.getByRole('link', { name: file.split('/').pop()! }).count()).toBe(1);
  };
  await upload(en['documents.company'], en['doc.INCORPORATION_CERT'], files.png);
  // Replace swaps the file (upload, then delete the old one); the PNG gives way to the PDF.
  const company = page.getByRole('region', { name: en['documents.company'] });
  await company.getByLabel(en['documents.replace']).setInputFiles(files.pdf);
  await expect.poll(() => company.getByRole('link').allTextContents()).toEqual(['certificate.pdf']);
  const janeRegion = en['documents.for'].replace('{name}', 'Jane Doe');
  await upload(janeRegion, en['doc.IDENTITY_DOCUMENT'], files.png);
  // Delete removes it on the server; the slot offers the upload again.
  const jane = page.getByRole('region', { name: janeRegion });
  await jane.getByRole('button', { name: `${en['action.delete']}: passport.png` }).click();
  await expect.poll(() => jane.getByRole('link').count()).toBe(0);
  await upload(janeRegion, en['doc.IDENTITY_DOCUMENT'], files.png);
  await upload(en['documents.for'].replace('{name}', 'John Smith'), en['doc.IDENTITY_DOCUMENT'], files.png);
  // The PNG preview is the stored file, served back and decoded by the browser.
  const preview = page.getByRole('img', { name: en['documents.preview'].replace('{name}', 'passport.png') }).first();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
  await expect.poll(() => page.locator('.file-badge', { hasText: 'PDF' }).count()).toBe(1);
  await expectAccessible(page, 'documents step');
  await shot('documents');
  await continueButton(page).click();
}

export async function fillQuestionnaire(page: Page, shot: (name: string) => Promise<void>): Promise<void> {
  await expectStep(page, en['step.questionnaire']);
  const cashShare = page.getByLabel('Share of cash turnover (%)');
  expect(await cashShare.count()).toBe(0);
  await page.getByLabel('Does the company handle cash?').check();
  await cashShare.fill('30');
  expect(await page.getByLabel('Auditor').count()).toBe(0);
  await page.getByRole('radio', { name: 'Large' }).check();
  await page.getByLabel('Auditor').fill('Audit & Co');
  await page.getByRole('group', { name: 'Markets' }).getByRole('combobox').selectOption('DE');
  await expectAccessible(page, 'questionnaire step');
  await shot('questionnaire');
  await continueButton(page).click();
}

export async function submit(page: Page, shot: (name: string) => Promise<void>): Promise<void> {
  await expectStep(page, en['step.review']);
  await expect.poll(() => page.locator('.summary').textContent()).toContain('Acme Trading UAB');
  await expectAccessible(page, 'review step');
  await shot('review');
  await page.getByRole('button', { name: en['action.submit'], exact: true }).click();
  await expectStep(page, en['page.done.title']);
  await expectAccessible(page, 'done page');
  await shot('done');
}
