import { useRef, useState } from 'react';
import { emptyRecord, ownValue } from '../../../../src/shared/records.js';
import type { Questionnaire } from '../api/types.js';
import { Field } from '../components/field.js';
import { focusFirstError } from '../components/focus.js';
import { GROUP_TYPES, ValueInput, type ValueType } from '../components/value-input.js';
import { useI18n } from '../i18n/i18n.js';
import { text, type Text } from '../i18n/text.js';
import type { KybContext } from '../wizard/data.js';
import { SaveStatus, problemText, useSaver } from '../wizard/use-saver.js';
import { questionId } from './names.js';
import { isOpen } from '../wizard/open-items.js';
import { answerOf, applicability, applicableAnswers, unanswered, withAnswer } from './questionnaire-logic.js';

/** Every questionnaire of the form; conditions apply live, answers are saved as drafts. */
export function QuestionnaireStep({ ctx, onNext }: { ctx: KybContext; onNext: (() => void) | undefined }) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<Record<string, Text | null>>({});
  const dirty = useRef(new Set<string>());
  const saver = useSaver(ctx);
  const formId = ctx.data.form!.id;
  const latest = useRef(ctx.data.answers);
  latest.current = ctx.data.answers;

  // Drafts skip the server's required check, so half-answered questionnaires can be kept.
  const save = async (q: Questionnaire) => {
    dirty.current.delete(q.id);
    const result = await saver.run(() => ctx.client.saveAnswers(formId, q.id, { sections: applicableAnswers(q, latest.current[q.id] ?? {}) }, true));
    if (!result.ok && result.fields) {
      // The API names answers `<section>.<question>`; a `sections.` prefix is accepted too.
      setErrors((e) => ({
        ...e,
        ...Object.fromEntries(
          Object.entries(result.fields!).map(([path, list]) => {
            const [section, question] = path.replace(/^sections\./, '').split('.');
            return [questionId(q, section ?? '', question ?? ''), problemText(list)];
          }),
        ),
      }));
    }
  };

  const setAnswer = (q: Questionnaire, section: string, question: string) => (value: unknown, commit: boolean) => {
    const answers = withAnswer(latest.current[q.id] ?? emptyRecord(), section, question, value);
    latest.current = { ...latest.current, [q.id]: answers };
    ctx.update((d) => ({ ...d, answers: { ...d.answers, [q.id]: answers } }));
    setErrors((e) => ({ ...e, [questionId(q, section, question)]: null }));
    dirty.current.add(q.id);
    if (commit) void save(q);
  };

  const onContinue = async () => {
    const missing: Record<string, Text> = {};
    for (const q of ctx.data.questionnaires) {
      for (const m of unanswered(q, ctx.data.answers[q.id] ?? {})) missing[questionId(q, m.section, m.question)] = text('error.required');
    }
    await Promise.all(ctx.data.questionnaires.filter((q) => dirty.current.has(q.id)).map(save));
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      focusFirstError();
      return;
    }
    onNext?.();
  };

  return (
    <div
      className="questionnaire"
      onBlur={() => {
        for (const q of ctx.data.questionnaires) if (dirty.current.has(q.id)) void save(q);
      }}
    >
      <p className="intro">{ctx.info.flow?.questionnaireDescription || t('questionnaire.intro')}</p>
      {ctx.data.questionnaires.map((q) => {
        const answers = ctx.data.answers[q.id] ?? {};
        const applies = applicability(q, answers);
        return (
          <section key={q.id} className="questionnaire-block" aria-labelledby={`q-${q.key}`}>
            <h2 id={`q-${q.key}`}>{q.title}</h2>
            {q.description ? <p className="hint">{q.description}</p> : null}
            {q.sections
              .filter((s) => ownValue(applies.$sections, s.key))
              .map((section) => (
                <fieldset key={section.key} className="q-section">
                  <legend>{section.title}</legend>
                  {section.description ? <p className="hint">{section.description}</p> : null}
                  {section.questions
                    .filter((question) => applies[section.key]?.[question.key])
                    .map((question) => {
                      const id = questionId(q, section.key, question.key);
                      return (
                        <Field
                          key={question.key}
                          id={id}
                          label={question.title}
                          isRequired={question.required === true}
                          hint={question.description || null}
                          error={errors[id]}
                          isGroup={GROUP_TYPES.has(question.type)}
                        >
                          {(control) => (
                            <ValueInput
                              type={question.type as ValueType}
                              control={control}
                              choices={question.choices}
                              placeholder={question.placeholder}
                              isReadOnly={!isOpen(ctx.session, `questionnaires.${q.key}`, `questionnaires.${q.key}.${section.key}.${question.key}`)}
                              value={answerOf(answers, section.key, question.key)?.value}
                              onChange={setAnswer(q, section.key, question.key)}
                            />
                          )}
                        </Field>
                      );
                    })}
                </fieldset>
              ))}
          </section>
        );
      })}
      <div className="step-actions">
        <SaveStatus state={saver.state} onRetry={() => void saver.retry()} />
        <button type="button" className="button primary" onClick={() => void onContinue()}>
          {t('action.continue')}
        </button>
      </div>
    </div>
  );
}
