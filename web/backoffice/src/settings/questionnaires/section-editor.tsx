import type { QuestionnaireProblems } from '../../../../../src/shared/check-questionnaire.js';
import { QUESTION_TYPES } from '../../../../../src/shared/enums.js';
import { Field } from '../../components/field.js';
import { useI18n } from '../../i18n/i18n.js';
import { useRowKeys } from '../common.js';
import type { Question, Section } from '../settings-api.js';

const at = (problems: QuestionnaireProblems, path: string): string | null => problems[path]?.join(' ') ?? null;
const CHOICE_TYPES: ReadonlySet<string> = new Set(['RADIO', 'SELECT', 'SELECT_MULTI']);

/** Choices as lines of "key: title" (a line without a colon uses its text as both). */
const choicesText = (q: Question) => (q.choices ?? []).map((c) => `${c.key}: ${c.title}`).join('\n');
function parseChoices(text: string): Question['choices'] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':');
      return colon < 0 ? { key: line, title: line } : { key: line.slice(0, colon).trim(), title: line.slice(colon + 1).trim() };
    });
}

function QuestionEditor({
  id,
  question,
  problems,
  path,
  onChange,
}: {
  id: string;
  question: Question;
  problems: QuestionnaireProblems;
  path: string;
  onChange(next: Question | null): void;
}) {
  const { t } = useI18n();
  const set = (change: Partial<Question>) => onChange({ ...question, ...change });
  return (
    <li className="question-edit">
      <div className="field-row">
        <Field id={`${id}-key`} label={t('questionnaires.questionKey')} error={at(problems, `${path}.key`)} isRequired>
          {(c) => <input {...c} value={question.key} maxLength={64} onChange={(e) => set({ key: e.target.value })} />}
        </Field>
        <Field id={`${id}-type`} label={t('questionnaires.questionType')}>
          {(c) => (
            <select {...c} value={question.type} onChange={(e) => set({ type: e.target.value as Question['type'] })}>
              {QUESTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={question.required ?? false} onChange={(e) => set({ required: e.target.checked })} /> {t('questionnaires.required')}
        </label>
      </div>
      <Field id={`${id}-title`} label={t('questionnaires.questionTitle')} isRequired>
        {(c) => <input {...c} value={question.title} maxLength={512} onChange={(e) => set({ title: e.target.value })} />}
      </Field>
      {CHOICE_TYPES.has(question.type) ? (
        <Field id={`${id}-choices`} label={t('questionnaires.choices')} hint={t('questionnaires.choicesHint')} error={at(problems, `${path}.choices`)}>
          {(c) => <textarea {...c} rows={3} defaultValue={choicesText(question)} onChange={(e) => set({ choices: parseChoices(e.target.value) })} />}
        </Field>
      ) : null}
      <Field id={`${id}-condition`} label={t('questionnaires.condition')} error={at(problems, `${path}.condition`)}>
        {(c) => (
          <input
            {...c}
            className="code"
            value={question.condition ?? ''}
            maxLength={1000}
            spellCheck={false}
            onChange={(e) => set({ condition: e.target.value || null })}
          />
        )}
      </Field>
      <button
        type="button"
        className="button secondary small"
        onClick={() => onChange(null)}
        aria-label={t('questionnaires.removeQuestion', { key: question.key || '—' })}
      >
        {t('flows.remove')}
      </button>
    </li>
  );
}

/** One section: its key, title and condition, and its questions in the order the form asks them. */
export function SectionEditor({
  index,
  section,
  problems,
  onChange,
}: {
  index: number;
  section: Section;
  problems: QuestionnaireProblems;
  onChange(next: Section | null): void;
}) {
  const { t } = useI18n();
  const id = `s${index}`;
  const path = `sections.${index}`;
  const set = (change: Partial<Section>) => onChange({ ...section, ...change });
  const rows = useRowKeys(section.questions.length);
  const setQuestion = (j: number, next: Question | null) => {
    if (!next) rows.removed(j);
    set({ questions: next ? section.questions.map((q, k) => (k === j ? next : q)) : section.questions.filter((_, k) => k !== j) });
  };
  return (
    <fieldset className="section-edit">
      <legend>{t('questionnaires.sectionN', { n: index + 1, title: section.title || section.key })}</legend>
      <div className="field-row">
        <Field id={`${id}-key`} label={t('questionnaires.sectionKey')} error={at(problems, `${path}.key`)} isRequired>
          {(c) => <input {...c} value={section.key} maxLength={64} onChange={(e) => set({ key: e.target.value })} />}
        </Field>
        <Field id={`${id}-title`} label={t('questionnaires.sectionTitle')} isRequired>
          {(c) => <input {...c} value={section.title} maxLength={512} onChange={(e) => set({ title: e.target.value })} />}
        </Field>
      </div>
      <Field id={`${id}-condition`} label={t('questionnaires.sectionCondition')} error={at(problems, `${path}.condition`)}>
        {(c) => (
          <input
            {...c}
            className="code"
            value={section.condition ?? ''}
            maxLength={1000}
            spellCheck={false}
            onChange={(e) => set({ condition: e.target.value || null })}
          />
        )}
      </Field>
      <ol className="questions">
        {section.questions.map((q, j) => (
          <QuestionEditor
            key={rows.keyOf(j)}
            id={`${id}-q${j}`}
            question={q}
            problems={problems}
            path={`${path}.questions.${j}`}
            onChange={(next) => setQuestion(j, next)}
          />
        ))}
      </ol>
      <div className="row-actions">
        <button
          type="button"
          className="button secondary small"
          onClick={() => {
            rows.added();
            set({ questions: [...section.questions, { key: `q${section.questions.length + 1}`, title: '', type: 'TEXT' }] });
          }}
        >
          {t('questionnaires.addQuestion')}
        </button>
        <button
          type="button"
          className="button secondary small"
          onClick={() => onChange(null)}
          aria-label={t('questionnaires.removeSection', { key: section.key || '—' })}
        >
          {t('questionnaires.removeSectionShort')}
        </button>
      </div>
    </fieldset>
  );
}
