import { COMPANY_DOCUMENT_TYPES, COMPANY_FIELDS } from '../../../../../src/shared/enums.js';
import { Field } from '../../components/field.js';
import { useLoad } from '../../components/use-load.js';
import { useI18n } from '../../i18n/i18n.js';
import { CatalogPage } from '../catalog-page.js';
import { useSettingsApi } from '../common.js';
import { DescriptionField, NumberField, TextField } from '../fields.js';
import type { FlowInput, Questionnaire } from '../settings-api.js';
import { FlowPreview } from './flow-preview.js';
import { PickList } from './pick-list.js';

type Draft = FlowInput & { advanced: string };
type CompanyField = (typeof COMPANY_FIELDS)[number];
const TOGGLES = ['companySearch', 'emailVerification', 'bankVerification', 'ownershipFullStructure'] as const;

/** The parts of a flow too nested for a form of their own (beneficiaries and custom fields), edited as JSON. */
function advancedOf(flow: FlowInput): string {
  return JSON.stringify({ beneficiaries: flow.beneficiaries ?? [], fieldsCustom: flow.fieldsCustom ?? [] }, null, 2);
}
function parseAdvanced(text: string): Pick<FlowInput, 'beneficiaries' | 'fieldsCustom'> | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const { beneficiaries, fieldsCustom } = value as Record<string, unknown>;
    if (!Array.isArray(beneficiaries ?? []) || !Array.isArray(fieldsCustom ?? [])) return null;
    return value as Pick<FlowInput, 'beneficiaries' | 'fieldsCustom'>;
  } catch {
    return null;
  }
}
function toBody({ advanced, ...flow }: Draft): FlowInput {
  return { ...flow, ...(parseAdvanced(advanced) ?? {}) };
}

function FlowEditor({ draft, change, questionnaires }: { draft: Draft; change(next: Draft): void; questionnaires: Questionnaire[] }) {
  const { t } = useI18n();
  return (
    <>
      <TextField id="flow-name" label={t('settings.name')} isRequired value={draft.name} maxLength={100} onChange={(name) => change({ ...draft, name })} />
      <Field id="flow-questionnaire" label={t('flows.questionnaire')}>
        {(c) => (
          <select {...c} value={draft.questionnaire ?? ''} onChange={(e) => change({ ...draft, questionnaire: e.target.value || null })}>
            <option value="">{t('flows.noQuestionnaire')}</option>
            {questionnaires.map((q) => (
              <option key={q.key} value={q.key}>
                {q.name} ({q.key})
              </option>
            ))}
          </select>
        )}
      </Field>
      <DescriptionField
        id="flow-description"
        label={t('flows.description')}
        value={draft.description}
        onChange={(description) => change({ ...draft, description })}
      />
      <PickList
        id="flow-fields"
        label={t('flows.fields')}
        options={COMPANY_FIELDS}
        value={(draft.fields ?? []).map((f) => ({ name: f.field, required: f.required ?? false }))}
        onChange={(next) => change({ ...draft, fields: next.map((p, order) => ({ field: p.name as CompanyField, required: p.required, order })) })}
      />
      <PickList
        id="flow-documents"
        label={t('flows.documents')}
        options={COMPANY_DOCUMENT_TYPES}
        value={(draft.documents ?? []).map((d) => ({ name: d.docType, required: d.required ?? false }))}
        onChange={(next) => change({ ...draft, documents: next.map((p) => ({ docType: p.name, required: p.required })) })}
      />
      <fieldset>
        <legend>{t('flows.options')}</legend>
        {TOGGLES.map((name) => (
          <label key={name} className="checkbox block">
            <input type="checkbox" checked={draft[name] ?? false} onChange={(e) => change({ ...draft, [name]: e.target.checked })} /> {t(`flows.${name}`)}
          </label>
        ))}
        <NumberField
          id="flow-threshold"
          label={t('flows.threshold')}
          min={0}
          max={100}
          value={draft.ownershipPercentageThreshold}
          onChange={(ownershipPercentageThreshold) => change({ ...draft, ownershipPercentageThreshold })}
        />
      </fieldset>
      <Field id="flow-advanced" label={t('flows.advanced')} hint={t('flows.advancedHint')}>
        {(c) => (
          <textarea
            {...c}
            className="code"
            rows={10}
            spellCheck={false}
            value={draft.advanced}
            onChange={(e) => change({ ...draft, advanced: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}

/**
 * Flows. The preview is a rendered summary of the hosted form's steps, not the form itself: the
 * form runs only with a KYB token, and a token is a company in the partner's queue, so a
 * preview would leave a case behind (see flow-preview.tsx).
 */
export default function FlowsPage() {
  const { t } = useI18n();
  const api = useSettingsApi();
  const { result } = useLoad(() => api.questionnaires.list(), 'flow-questionnaires');
  const questionnaires = result.state === 'done' ? result.data : [];
  return (
    <CatalogPage
      kind="flows"
      // The editor's draft carries the JSON of the advanced options: the body is parsed from it.
      api={({ flows }) => ({
        list: flows.list,
        remove: flows.remove,
        create: (draft: Draft) => flows.create(toBody(draft)),
        replace: (id: string, draft: Draft) => flows.replace(id, toBody(draft)),
      })}
      blank={(): Draft => {
        const flow: FlowInput = {
          name: '',
          fields: [
            { field: 'COMPANY_NAME', required: true, order: 0 },
            { field: 'REGISTRATION_NUMBER', required: true, order: 1 },
            { field: 'COUNTRY', required: true, order: 2 },
          ],
          documents: [],
        };
        return { ...flow, advanced: advancedOf(flow) };
      }}
      toInput={(flow): Draft => ({ ...flow, advanced: advancedOf(flow) })}
      problems={(draft) => (parseAdvanced(draft.advanced) ? [] : [t('flows.advancedInvalid')])}
      editor={(draft, change) => <FlowEditor draft={draft} change={change} questionnaires={questionnaires} />}
      preview={(draft) => <FlowPreview flow={toBody(draft)} questionnaire={questionnaires.find((q) => q.key === draft.questionnaire) ?? null} />}
    />
  );
}
