import type { QuestionnaireProblems } from '../../../../../src/shared/check-questionnaire.js';
import { QUESTION_TYPES } from '../../../../../src/shared/enums.js';
import { Field } from '../../components/field.js';
import { useI18n } from '../../i18n/i18n.js';
import { useRowKeys } from '../common.js';
import { CodeSelect, ConditionField, TextField } from '../fields.js';
import type { Question, Section } from '../settings-api.js';

const at = (problems: QuestionnaireProblems, path: string): string | null => problems[path]?.join(' ') ?? null;

/** Every section and question has a key and a title, both required, with these bounds. */
const KEY = { isRequired: true, maxLength: 64 } as const;
const TITLE = { isRequired: true, maxLength: 512 } as const;

/**
 * The id and the checker's error of one input of a section or question: the input `key` of the
 * row `s0-q1` (at `sections.0.questions.1`) is `s0-q1-key`, its error `sections.0.questions.1.key`.
 */
const inputsOf = (id: string, path: string, problems: QuestionnaireProblems) => (name: string) => ({
  id: `${id}-${name}`,
  error: at(problems, `${path}.${name}`),
});
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

/** Removes its row (a section or a question): a short text, and a label that says which row for screen readers. */
function RemoveButton({ label, text, onRemove }: { label: string; text: string; onRemove(): void }) {
  return (
    <button type="button" className="button secondary small" onClick={onRemove} aria-label={label}>
      {text}
    </button>
  );
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
  const input = inputsOf(id, path, problems);
  return (
    <li className="question-edit">
      <div className="field-row">
        <TextField {...input('key')} {...KEY} label={t('questionnaires.questionKey')} value={question.key} onChange={(key) => set({ key })} />
        <CodeSelect
          {...input('type')}
          label={t('questionnaires.questionType')}
          value={question.type}
          options={QUESTION_TYPES}
          onChange={(type) => set({ type })}
        />
        <label className="checkbox">
          <input type="checkbox" checked={question.required ?? false} onChange={(e) => set({ required: e.target.checked })} /> {t('questionnaires.required')}
        </label>
      </div>
      <TextField {...input('title')} {...TITLE} label={t('questionnaires.questionTitle')} value={question.title} onChange={(title) => set({ title })} />
      {CHOICE_TYPES.has(question.type) ? (
        <Field {...input('choices')} label={t('questionnaires.choices')} hint={t('questionnaires.choicesHint')}>
          {(c) => <textarea {...c} rows={3} defaultValue={choicesText(question)} onChange={(e) => set({ choices: parseChoices(e.target.value) })} />}
        </Field>
      ) : null}
      <ConditionField {...input('condition')} label={t('questionnaires.condition')} value={question.condition} onChange={(condition) => set({ condition })} />
      <RemoveButton label={t('questionnaires.removeQuestion', { key: question.key || '—' })} text={t('flows.remove')} onRemove={() => onChange(null)} />
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
  const input = inputsOf(id, path, problems);
  const rows = useRowKeys(section.questions.length);
  const setQuestion = (j: number, next: Question | null) => {
    if (!next) rows.removed(j);
    set({ questions: next ? section.questions.map((q, k) => (k === j ? next : q)) : section.questions.filter((_, k) => k !== j) });
  };
  return (
    <fieldset className="section-edit">
      <legend>{t('questionnaires.sectionN', { n: index + 1, title: section.title || section.key })}</legend>
      <div className="field-row">
        <TextField {...input('key')} {...KEY} label={t('questionnaires.sectionKey')} value={section.key} onChange={(key) => set({ key })} />
        <TextField {...input('title')} {...TITLE} label={t('questionnaires.sectionTitle')} value={section.title} onChange={(title) => set({ title })} />
      </div>
      <ConditionField
        {...input('condition')}
        label={t('questionnaires.sectionCondition')}
        value={section.condition}
        onChange={(condition) => set({ condition })}
      />
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
        <RemoveButton
          label={t('questionnaires.removeSection', { key: section.key || '—' })}
          text={t('questionnaires.removeSectionShort')}
          onRemove={() => onChange(null)}
        />
      </div>
    </fieldset>
  );
}
