import { checkQuestionnaire } from '../../../../../src/shared/check-questionnaire.js';
import { QUESTIONNAIRE_TYPES } from '../../../../../src/shared/enums.js';
import { useI18n } from '../../i18n/i18n.js';
import { CatalogPage } from '../catalog-page.js';
import { useRowKeys } from '../common.js';
import { CodeSelect, DescriptionField, TextField } from '../fields.js';
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
        <TextField
          id="q-key"
          label={t('questionnaires.key')}
          hint={t('questionnaires.keyHint')}
          isRequired
          value={draft.key}
          maxLength={64}
          onChange={(key) => change({ ...draft, key })}
        />
        <TextField id="q-name" label={t('settings.name')} isRequired value={draft.name} maxLength={32} onChange={(name) => change({ ...draft, name })} />
        <CodeSelect
          id="q-type"
          label={t('questionnaires.type')}
          value={draft.type ?? 'KYB'}
          options={QUESTIONNAIRE_TYPES}
          onChange={(type) => change({ ...draft, type })}
        />
      </div>
      <TextField
        id="q-title"
        label={t('questionnaires.title')}
        isRequired
        value={draft.title}
        maxLength={512}
        onChange={(title) => change({ ...draft, title })}
      />
      <DescriptionField
        id="q-description"
        label={t('questionnaires.description')}
        value={draft.description}
        onChange={(description) => change({ ...draft, description })}
      />
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
  return (
    <CatalogPage
      kind="questionnaires"
      api={(all) => all.questionnaires}
      blank={(): Draft => ({ key: '', name: '', title: '', type: 'KYB', sections: [blankSection(1)] })}
      toInput={(input) => input}
      problems={(draft) => Object.entries(checkQuestionnaire(draft)).map(([path, messages]) => `${path}: ${messages.join(' ')}`)}
      editor={(draft, change) => <QuestionnaireEditor draft={draft} change={change} />}
    />
  );
}
