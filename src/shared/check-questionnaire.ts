import { emptyRecord, isReservedKey, RESERVED_KEY_MESSAGE } from './records.js';
import { ConditionSyntaxError, conditionRefs, parseCondition } from './condition.js';

/** A questionnaire as the API takes it (QuestionnaireInput), as far as these rules read it. */
export interface QuestionnaireShape {
  sections: ReadonlyArray<{
    key: string;
    condition?: string | null;
    questions: ReadonlyArray<{ key: string; type: string; condition?: string | null; choices?: ReadonlyArray<{ key: string }> }>;
  }>;
}

/** Problems by field path (`sections.0.questions.1.condition`), each with its messages. */
export type QuestionnaireProblems = Record<string, string[]>;

const CHOICE_TYPES = new Set(['RADIO', 'SELECT', 'SELECT_MULTI']);

/**
 * Shared by the server (which refuses a questionnaire with any problem) and the back office
 * (which shows them as the admin types). Rules the schema cannot express: unique keys that are not reserved names (section and
 * question keys key the stored answers), choices where a type needs them, and
 * conditions that parse and read only questions asked before them (so evaluation is one
 * pass in document order and can never loop).
 */
export function checkQuestionnaire(input: QuestionnaireShape): QuestionnaireProblems {
  const errors = emptyRecord<string[]>();
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  const seen = new Set<string>();
  const sectionKeys = new Set<string>();

  input.sections.forEach((section, s) => {
    const at = `sections.${s}`;
    if (isReservedKey(section.key)) add(`${at}.key`, RESERVED_KEY_MESSAGE);
    if (sectionKeys.has(section.key)) add(`${at}.key`, `duplicate section key "${section.key}"`);
    sectionKeys.add(section.key);
    checkRefs(section.condition, `${at}.condition`, section.key, seen, add);
    const questionKeys = new Set<string>();
    section.questions.forEach((question, q) => {
      const qat = `${at}.questions.${q}`;
      if (isReservedKey(question.key)) add(`${qat}.key`, RESERVED_KEY_MESSAGE);
      if (questionKeys.has(question.key)) add(`${qat}.key`, `duplicate question key "${question.key}" in section "${section.key}"`);
      questionKeys.add(question.key);
      const choices = question.choices ?? [];
      if (CHOICE_TYPES.has(question.type) && choices.length === 0) add(`${qat}.choices`, `a ${question.type} question needs at least one choice`);
      const choiceKeys = new Set(choices.map((c) => c.key));
      if (choiceKeys.size !== choices.length) add(`${qat}.choices`, 'choice keys must be unique');
      checkRefs(question.condition, `${qat}.condition`, section.key, seen, add);
      seen.add(`${section.key}.${question.key}`);
    });
  });
  return errors;
}

function checkRefs(
  condition: string | null | undefined,
  path: string,
  sectionKey: string,
  earlier: Set<string>,
  add: (path: string, message: string) => void,
): void {
  if (!condition) return;
  try {
    for (const ref of conditionRefs(parseCondition(condition))) {
      const full = `${ref.section ?? sectionKey}.${ref.question}`;
      if (!earlier.has(full)) add(path, `"${full}" is not a question asked before this one`);
    }
  } catch (error) {
    if (!(error instanceof ConditionSyntaxError)) throw error;
    add(path, `invalid condition: ${error.message}`);
  }
}
