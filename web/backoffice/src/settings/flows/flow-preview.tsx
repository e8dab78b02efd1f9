import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import type { FlowInput, Questionnaire } from '../settings-api.js';

const mark = (required: boolean | undefined, text: string) => (required ? `${text} *` : text);

/** A step's chosen items, one line each, or a note that nothing is chosen yet. */
function Chosen<Item>({ items, keyOf, line }: { items: readonly Item[] | null | undefined; keyOf(item: Item): string; line(item: Item): ReactNode }) {
  const { t } = useI18n();
  if (!items?.length) return <p className="note">{t('flows.noneChosen')}</p>;
  return (
    <ul>
      {items.map((item) => (
        <li key={keyOf(item)}>{line(item)}</li>
      ))}
    </ul>
  );
}

/**
 * What the hosted form will ask for with this flow, step by step, as the client meets it
 * (updated as the flow is edited). Fields marked * are required.
 */
export function FlowPreview({ flow, questionnaire }: { flow: FlowInput; questionnaire: Questionnaire | null }) {
  const { t } = useI18n();
  const fields = [...(flow.fields ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  return (
    <div className="flow-preview">
      <p className="hint">{t('flows.previewIntro')}</p>
      {flow.description ? <p>{flow.description}</p> : null}
      <ol className="preview-steps">
        <li>
          <h3>{t('flows.step.company')}</h3>
          <ul>
            {fields.map((f) => (
              <li key={f.field}>{mark(f.required, f.field)}</li>
            ))}
            {(flow.fieldsCustom ?? []).map((f) => (
              <li key={f.field.key}>{mark(f.required, `${f.field.title} (${f.field.type})`)}</li>
            ))}
          </ul>
          {flow.companySearch ? <p className="hint">{t('flows.companySearch')}</p> : null}
        </li>
        <li>
          <h3>{t('flows.step.documents')}</h3>
          <Chosen items={flow.documents} keyOf={(d) => d.docType} line={(d) => mark(d.required, d.docType)} />
        </li>
        <li>
          <h3>{t('flows.step.people')}</h3>
          <Chosen
            items={flow.beneficiaries}
            keyOf={(b) => b.beneficiaryType}
            line={(b) => `${mark(b.required, b.beneficiaryType)}: ${b.applicants.map((a) => a.applicantType).join(' / ')}`}
          />
          {flow.ownershipFullStructure ? <p className="hint">{t('flows.ownershipFullStructure')}</p> : null}
          {typeof flow.ownershipPercentageThreshold === 'number' ? (
            <p className="hint">{t('flows.thresholdIs', { percent: flow.ownershipPercentageThreshold })}</p>
          ) : null}
        </li>
        {flow.questionnaire ? (
          <li>
            <h3>{t('flows.step.questionnaire')}</h3>
            {questionnaire ? (
              <>
                <p>{questionnaire.title}</p>
                <ul>
                  {questionnaire.sections.map((s) => (
                    <li key={s.key}>{t('flows.sectionSummary', { title: s.title, count: s.questions.length })}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="field-error">{t('flows.unknownQuestionnaire', { key: flow.questionnaire })}</p>
            )}
          </li>
        ) : null}
        <li>
          <h3>{t('flows.step.submit')}</h3>
          {flow.emailVerification ? <p className="hint">{t('flows.emailVerification')}</p> : null}
        </li>
      </ol>
    </div>
  );
}
