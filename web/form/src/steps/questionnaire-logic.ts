import { evaluateCondition, isPresent, parseCondition, type ConditionNode, type Ref } from '../../../../src/core/questionnaires/condition.js';
import type { AnswerValues, Questionnaire } from '../api/types.js';

export { isPresent };

// The server's own evaluator (dependency-free), so the page shows exactly the questions the
// server will require.
const parsed = new Map<string, ConditionNode | null>();
function conditionOf(source: string | null | undefined): ConditionNode | null {
  if (!source) return null;
  if (!parsed.has(source)) {
    // The catalog refuses invalid conditions, so this only guards against a bad old record.
    try { parsed.set(source, parseCondition(source)); } catch { parsed.set(source, null); }
  }
  return parsed.get(source) ?? null;
}

/** Which sections and questions apply to the answers given so far (one pass, in order). */
export function applicability(questionnaire: Questionnaire, answers: AnswerValues): Record<string, Record<string, boolean>> & { $sections: Record<string, boolean> } {
  const applies: Record<string, Record<string, boolean>> = {};
  const sections: Record<string, boolean> = {};
  const read = (section: string) => (ref: Ref) => {
    const key = ref.section ?? section;
    return applies[key]?.[ref.question] ? answers[key]?.[ref.question]?.value ?? null : null;
  };
  for (const section of questionnaire.sections) {
    const node = conditionOf(section.condition);
    const isOn = !node || evaluateCondition(node, read(section.key));
    sections[section.key] = isOn;
    applies[section.key] = {};
    for (const question of section.questions) {
      const qNode = conditionOf(question.condition);
      applies[section.key]![question.key] = isOn && (!qNode || evaluateCondition(qNode, read(section.key)));
    }
  }
  return Object.assign(applies, { $sections: sections });
}

/** The answers worth sending: those of questions that apply (the server drops the rest anyway). */
export function applicableAnswers(questionnaire: Questionnaire, answers: AnswerValues): AnswerValues {
  const applies = applicability(questionnaire, answers);
  const out: AnswerValues = {};
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      const answer = answers[section.key]?.[question.key];
      if (!applies[section.key]?.[question.key] || answer === undefined) continue;
      (out[section.key] ??= {})[question.key] = { value: answer.value ?? null };
    }
  }
  return out;
}

/** Required questions that apply and have no answer yet. */
export function unanswered(questionnaire: Questionnaire, answers: AnswerValues): Array<{ section: string; question: string }> {
  const applies = applicability(questionnaire, answers);
  return questionnaire.sections.flatMap((section) => section.questions
    .filter((q) => q.required && applies[section.key]?.[q.key] && !isPresent(answers[section.key]?.[q.key]?.value))
    .map((q) => ({ section: section.key, question: q.key })));
}
