import { evaluateCondition, isPresent, parseCondition, type ConditionNode, type Ref } from '../../../../src/shared/condition.js';
import { emptyRecord, mergeRecords, ownValue, recordFrom } from '../../../../src/shared/records.js';
import type { AnswerValues, Questionnaire } from '../api/types.js';

export { isPresent };

// The server's own evaluator (dependency-free), so the page shows exactly the questions the
// server will require.
const parsed = new Map<string, ConditionNode | null>();
function conditionOf(source: string | null | undefined): ConditionNode | null {
  if (!source) return null;
  if (!parsed.has(source)) {
    // The catalog refuses invalid conditions, so this only guards against a bad old record.
    try {
      parsed.set(source, parseCondition(source));
    } catch {
      parsed.set(source, null);
    }
  }
  return parsed.get(source) ?? null;
}

/** Which sections and questions apply to the answers given so far (one pass, in order). */
// Section and question keys are chosen by the partner: every record here has no prototype and
// every read asks for an own property, so a key such as `toString` or `__proto__` is just a key.
export function applicability(
  questionnaire: Questionnaire,
  answers: AnswerValues,
): Record<string, Record<string, boolean>> & { $sections: Record<string, boolean> } {
  const applies = emptyRecord<Record<string, boolean>>();
  const sections = emptyRecord<boolean>();
  const read = (section: string) => (ref: Ref) => {
    const key = ref.section ?? section;
    return ownValue(ownValue(applies, key), ref.question) ? (ownValue(ownValue(answers, key), ref.question)?.value ?? null) : null;
  };
  for (const section of questionnaire.sections) {
    const node = conditionOf(section.condition);
    const isOn = !node || evaluateCondition(node, read(section.key));
    sections[section.key] = isOn;
    const questions = emptyRecord<boolean>();
    applies[section.key] = questions;
    for (const question of section.questions) {
      const qNode = conditionOf(question.condition);
      questions[question.key] = isOn && (!qNode || evaluateCondition(qNode, read(section.key)));
    }
  }
  return Object.assign(applies, { $sections: sections });
}

/** The answers worth sending: those of questions that apply (the server drops the rest anyway). */
export function applicableAnswers(questionnaire: Questionnaire, answers: AnswerValues): AnswerValues {
  const applies = applicability(questionnaire, answers);
  const out: AnswerValues = emptyRecord();
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      const answer = ownValue(ownValue(answers, section.key), question.key);
      if (!ownValue(ownValue(applies, section.key), question.key) || answer === undefined) continue;
      const sectionOut = ownValue(out, section.key) ?? (out[section.key] = emptyRecord());
      sectionOut[question.key] = { value: answer.value ?? null };
    }
  }
  return out;
}

/** Required questions that apply and have no answer yet. */
export function unanswered(questionnaire: Questionnaire, answers: AnswerValues): Array<{ section: string; question: string }> {
  const applies = applicability(questionnaire, answers);
  return questionnaire.sections.flatMap((section) =>
    section.questions
      .filter((q) => q.required && ownValue(ownValue(applies, section.key), q.key) && !isPresent(ownValue(ownValue(answers, section.key), q.key)?.value))
      .map((q) => ({ section: section.key, question: q.key })),
  );
}

/** The answer given to one question, never an inherited built-in (keys are the partner's). */
export function answerOf(answers: AnswerValues, section: string, question: string): { value: unknown } | undefined {
  return ownValue(ownValue(answers, section), question);
}

/** A copy of the answers with one question's value set; the copies have no prototype either. */
export function withAnswer(answers: AnswerValues, section: string, question: string, value: unknown): AnswerValues {
  const next = mergeRecords(answers);
  next[section] = mergeRecords(ownValue(answers, section), recordFrom([[question, { value }]]));
  return next;
}
