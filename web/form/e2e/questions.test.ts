import { describe, expect, it } from 'vitest';
import en from '../src/i18n/locales/en.js';
import { QUESTION_TYPES } from '../../../src/shared/enums.js';
import { expectAccessible, screenshotFolder } from '../../../test/browser.js';
import { writeTestFiles } from './files.js';
import { expectStep } from './scenario.js';
import { useE2eSuite } from './suite.js';

const choices = [
  { key: 'alpha', title: 'Alpha' },
  { key: 'beta', title: 'Beta' },
];
const title = (type: string) => `Question of type ${type.toLowerCase().replace('_', ' ')}`;

describe('hosted form: every question type', { timeout: 90_000 }, () => {
  const screenshot = screenshotFolder('question-types');

  const e2e = useE2eSuite(async ({ server }) => {
    await server.partnerCall('POST', '/v1/questionnaires/', {
      key: 'every',
      name: 'Every type',
      title: 'Every question type',
      sections: [
        {
          key: 's',
          title: 'All of them',
          questions: QUESTION_TYPES.map((type) => ({
            key: type.toLowerCase(),
            title: title(type),
            type,
            ...(['RADIO', 'SELECT', 'SELECT_MULTI'].includes(type) ? { choices } : {}),
          })),
        },
      ],
    });
  });

  it('renders a fitting control for each of the 21 types and saves the value the API expects', async () => {
    const token = await e2e.server.token({ questionnaire: 'every' });
    const files = writeTestFiles();
    const page = await (await e2e.browser.newContext()).newPage();
    await page.goto(`${e2e.server.url}/welcome?authToken=${token}`);
    await page.getByLabel(en['field.company.COMPANY_NAME']).fill('Types Ltd');
    await page.getByLabel(en['field.company.COUNTRY']).selectOption('EE');
    await page.getByRole('button', { name: en['action.continue'], exact: true }).click();
    await page.getByRole('button', { name: en['step.questionnaire'], exact: true }).click();
    await expectStep(page, en['step.questionnaire']);

    const field = (type: string) => page.getByLabel(title(type), { exact: true });
    const group = (type: string) => page.getByRole('group', { name: title(type), exact: true });
    await field('CHECKBOX').check();
    await field('COLOR').fill('#ff0000');
    await field('COUNTRY').selectOption('LT');
    await group('COUNTRY_MULTI').getByRole('combobox').selectOption('DE');
    await group('COUNTRY_MULTI').getByRole('combobox').selectOption('FR');
    await field('DATE').fill('2024-02-29');
    await field('DATETIME').fill('2024-02-29T10:30');
    await field('EMAIL').fill('owner@example.com');
    await field('FILE').setInputFiles(files.png);
    await group('FILE_MULTI').locator('input[type=file]').setInputFiles([files.png, files.pdf]);
    await field('FLOAT').fill('3.5');
    for (const item of ['first', 'second']) {
      await group('LIST').getByRole('textbox').fill(item);
      await group('LIST').getByRole('button', { name: en['action.addItem'] }).click();
    }
    await field('INTEGER').fill('42');
    await field('PASSWORD').fill('s3cret');
    await group('RADIO').getByRole('radio', { name: 'Beta' }).check();
    await field('SELECT').selectOption('alpha');
    await group('SELECT_MULTI').getByRole('checkbox', { name: 'Alpha' }).check();
    await group('SELECT_MULTI').getByRole('checkbox', { name: 'Beta' }).check();
    await field('TEL').fill('+37060000000');
    await field('TEXT').fill('Some text');
    await field('TEXT_AREA').fill('Line one\nLine two');
    await field('TIME').fill('09:15');
    await field('URL').fill('https://example.com/about');
    await expectAccessible(page, 'every question type');
    await screenshot(page, 'every-type');
    await page.getByRole('button', { name: en['action.continue'], exact: true }).click();
    await expectStep(page, en['step.review']);

    const saved = async () => {
      const forms = (await (await fetch(`${e2e.server.url}/kyb/forms/`, { headers: { authorization: `Bearer ${token}` } })).json()) as Array<{ id: string }>;
      const auth = { headers: { authorization: `Bearer ${token}` } };
      const [q] = (await (await fetch(`${e2e.server.url}/kyb/forms/${forms[0]!.id}/questionnaires/`, auth)).json()) as Array<{ id: string }>;
      const res = await fetch(`${e2e.server.url}/kyb/forms/${forms[0]!.id}/questionnaires/${q!.id}/answers/`, auth);
      return res.status === 200 ? ((await res.json()) as { sections: { s: Record<string, { value: unknown }> } }).sections.s : {};
    };
    await expect.poll(async () => Object.keys(await saved()).length).toBe(21);
    const values = Object.fromEntries(Object.entries(await saved()).map(([k, v]) => [k, v.value]));
    expect(values).toMatchObject({
      checkbox: true,
      color: '#ff0000',
      country: 'LT',
      country_multi: ['DE', 'FR'],
      date: '2024-02-29',
      email: 'owner@example.com',
      float: 3.5,
      list: ['first', 'second'],
      integer: 42,
      password: 's3cret',
      radio: 'beta',
      select: 'alpha',
      select_multi: ['alpha', 'beta'],
      tel: '+37060000000',
      text: 'Some text',
      text_area: 'Line one\nLine two',
      time: '09:15',
      url: 'https://example.com/about',
    });
    expect(values.datetime).toMatch(/^2024-02-29T10:30:00(Z|[+-]\d\d:\d\d)$/);
    expect(values.file).toMatch(/^https?:\/\//);
    expect(values.file_multi).toHaveLength(2);

    // Reloaded, the controls show what was saved, files as links to the stored copies.
    await page.reload();
    await page.getByRole('button', { name: en['step.questionnaire'], exact: true }).click();
    await expect.poll(() => field('INTEGER').inputValue()).toBe('42');
    expect(await field('COUNTRY').inputValue()).toBe('LT');
    expect(await group('FILE_MULTI').getByRole('link').count()).toBe(2);
    await page.context().close();
  }, 120_000);
});
