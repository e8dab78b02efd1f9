import type { Questionnaire } from '../../schemas/questionnaire.js';
import { fieldErrors, type FieldErrors } from '../errors.js';
import { evaluateCondition, parseCondition } from '../../shared/condition.js';
import { emptyRecord, ownValue } from '../../shared/records.js';
import { checkAnswerValue, isUnanswered } from './answer-values.js';

/** A file answer as stored: a reference to a stored file, never its bytes. */
export interface FileRef {
  $file: string;
  mime: string;
}
/** Keyed by section and question keys: built with emptyRecord() and read with ownValue(). */
export type StoredSections = Record<string, Record<string, { value: unknown }>>;

/** The answer to `section.question`, or null; never a property inherited from Object.prototype. */
export function storedAnswer(sections: StoredSections, section: string, question: string): unknown {
  return ownValue(ownValue(sections, section), question)?.value ?? null;
}

export interface FileInputs {
  /** Turns a FILE answer (a data: URL, or a link to a file this questionnaire already has) into a reference. */
  resolve(value: unknown, path: string, errors: FieldErrors): FileRef | null;
}

export interface CheckedAnswers {
  sections: StoredSections;
  errors: FieldErrors;
  /** Paths of required questions left unanswered (errors only when completeness is required). */
  missing: string[];
}

const FILE_TYPES = new Set(['FILE', 'FILE_MULTI']);

/**
 * Walks the questionnaire in document order: a section or question applies when its
 * condition holds against the answers kept so far. Answers to questions that do not apply are
 * dropped; unknown keys are errors. Required questions count as missing when unanswered (a
 * required CHECKBOX must be ticked, as in HTML).
 */
export function checkAnswers(
  questionnaire: Pick<Questionnaire, 'sections'>,
  input: StoredSections,
  files: FileInputs,
  requireComplete: boolean,
): CheckedAnswers {
  const errors = fieldErrors();
  const missing: string[] = [];
  const kept: StoredSections = emptyRecord();
  const answerOf = (section: string, question: string) => storedAnswer(kept, section, question);
  const keep = (section: string, question: string, value: unknown) => {
    (kept[section] ??= emptyRecord())[question] = { value };
  };
  reportUnknownKeys(questionnaire, input, errors);

  for (const section of questionnaire.sections) {
    if (section.condition && !evaluateCondition(parseCondition(section.condition), (ref) => answerOf(ref.section ?? section.key, ref.question))) continue;
    for (const question of section.questions) {
      if (question.condition && !evaluateCondition(parseCondition(question.condition), (ref) => answerOf(ref.section ?? section.key, ref.question))) continue;
      const path = `${section.key}.${question.key}`;
      const raw = ownValue(ownValue(input, section.key), question.key)?.value;
      const value = FILE_TYPES.has(question.type) ? resolveFiles(question.type, raw, path, files, errors) : raw;
      const unanswered = isUnanswered(value) || (question.type === 'CHECKBOX' && question.required && value === false);
      if (unanswered) {
        if (question.required) missing.push(path);
        if (question.type === 'CHECKBOX' && value === false) keep(section.key, question.key, value);
        continue;
      }
      const problem = FILE_TYPES.has(question.type) ? null : checkAnswerValue(question, value);
      if (problem) (errors[path] ??= []).push(problem);
      else keep(section.key, question.key, value);
    }
  }
  if (requireComplete) for (const path of missing) (errors[path] ??= []).push('this question is required');
  return { sections: kept, errors, missing };
}

function resolveFiles(type: string, raw: unknown, path: string, files: FileInputs, errors: FieldErrors): unknown {
  if (isUnanswered(raw)) return null;
  if (type === 'FILE') return files.resolve(raw, path, errors);
  if (!Array.isArray(raw) || raw.length > 20) {
    (errors[path] ??= []).push('must be a list of up to 20 files');
    return null;
  }
  return raw.map((item, i) => files.resolve(item, `${path}.${i}`, errors)).filter((ref) => ref !== null);
}

function reportUnknownKeys(questionnaire: Pick<Questionnaire, 'sections'>, input: StoredSections, errors: FieldErrors): void {
  for (const [sectionKey, answers] of Object.entries(input)) {
    const section = questionnaire.sections.find((s) => s.key === sectionKey);
    if (!section) {
      (errors[sectionKey] ??= []).push('is not a section of this questionnaire');
      continue;
    }
    for (const questionKey of Object.keys(answers)) {
      if (!section.questions.some((q) => q.key === questionKey)) (errors[`${sectionKey}.${questionKey}`] ??= []).push('is not a question of this section');
    }
  }
}
