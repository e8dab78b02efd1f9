import { checkQuestionnaire } from '../../../../../src/shared/check-questionnaire.js';
import { QUESTIONNAIRE_TYPES } from '../../../../../src/shared/enums.js';
import { Field } from '../../components/field.js';
import { useI18n } from '../../i18n/i18n.js';
import { CatalogPage } from '../catalog-page.js';
import { useRowKeys, useSettingsApi } from '../common.js';
import type { QuestionnaireInput, Section } from '../settings-api.js';
import { SectionEditor } from './section-editor.js';

type Draft = QuestionnaireInput;

const blankSection = (n: number): Section => ({ key: `section${n}`, title: '', questions: [] });

function QuestionnaireEditor({ draft, change }: { draft: Draft; change(next: Draft): void }) {
  const { t } = useI18n();
  const problems = checkQuestionnaire(draft);
  const rows = useRowKeys(draft.sections.length);
  const setSection = (i: number, next: Section | null) => {
    if (!next) rows.removed(i);
    change({ ...draft, sections: next ? draft.sections.map((s, j) => (j === i ? next : s)) : draft.sections.filter((_, j) => j !== i) });
  };
  return (
    <>
      <div className="field-row">
        <Field id="q-key" label={t('questionnaires.key')} hint={t('questionnaires.keyHint')} isRequired>
          {(c) => <input {...c} value={draft.key} maxLength={64} onChange={(e) => change({ ...draft, key: e.target.value })} />}
        </Field>
        <Field id="q-name" label={t('settings.name')} isRequired>
          {(c) => <input {...c} value={draft.name} maxLength={32} onChange={(e) => change({ ...draft, name: e.target.value })} />}
        </Field>
        <Field id="q-type" label={t('questionnaires.type')}>
          {(c) => (
            <select {...c} value={draft.type ?? 'KYB'} onChange={(e) => change({ ...draft, type: e.target.value as Draft['type'] })}>
              {QUESTIONNAIRE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id="q-title" label={t('questionnaires.title')} isRequired>
        {(c) => <input {...c} value={draft.title} maxLength={512} onChange={(e) => change({ ...draft, title: e.target.value })} />}
      </Field>
      <Field id="q-description" label={t('questionnaires.description')}>
        {(c) => (
          <textarea {...c} rows={2} maxLength={512} value={draft.description ?? ''} onChange={(e) => change({ ...draft, description: e.target.value })} />
        )}
      </Field>
      <p className="hint">{t('questionnaires.conditionHelp')}</p>
      {draft.sections.map((section, i) => (
        <SectionEditor key={rows.keyOf(i)} index={i} section={section} problems={problems} onChange={(next) => setSection(i, next)} />
      ))}
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          rows.added();
          change({ ...draft, sections: [...draft.sections, blankSection(draft.sections.length + 1)] });
        }}
      >
        {t('questionnaires.addSection')}
      </button>
    </>
  );
}

/** Questionnaires: sections and questions, with each condition checked (syntax and what it reads) as it is typed. */
export default function QuestionnairesPage() {
  const { t } = useI18n();
  const api = useSettingsApi();
  return (
    <CatalogPage
      title={t('settings.section.questionnaires')}
      noun={t('questionnaires.noun')}
      api={api.questionnaires}
      blank={(): Draft => ({ key: '', name: '', title: '', type: 'KYB', sections: [blankSection(1)] })}
      toInput={({ id: _id, createdAt: _c, updatedAt: _u, ...input }) => input}
      problems={(draft) => Object.entries(checkQuestionnaire(draft)).map(([path, messages]) => `${path}: ${messages.join(' ')}`)}
      editor={(draft, change) => <QuestionnaireEditor draft={draft} change={change} />}
    />
  );
}
