import { Type, type Static } from 'typebox';
import { Key, Nullable, Timestamps, Uuid } from './common.js';
import { LIMITS } from '../shared/limits.js';
import { QuestionnaireTypeEnum, TypeB9cEnum } from './enums.js';
import { Choice } from './flow.js';

const strict = { additionalProperties: false } as const;
const Title = Type.String({ minLength: 1, maxLength: 512 });
const Description = Type.Optional(Nullable(Type.String({ maxLength: 512, default: '' })));
/** See docs/questionnaires.md for the condition syntax. */
const Condition = Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 1000 })));

export const Question = Type.Object(
  {
    key: Key(),
    title: Title,
    description: Description,
    choices: Type.Optional(Type.Array(Choice, { maxItems: LIMITS.choices })),
    type: TypeB9cEnum,
    required: Type.Optional(Type.Boolean({ default: false })),
    placeholder: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    condition: Condition,
  },
  { ...strict, title: 'Question' },
);
export type Question = Static<typeof Question>;

export const Section = Type.Object(
  { key: Key(), title: Title, description: Description, condition: Condition, questions: Type.Array(Question, { maxItems: LIMITS.sectionQuestions }) },
  { ...strict, title: 'Section' },
);
export type Section = Static<typeof Section>;

const questionnaireProperties = {
  key: Key(),
  name: Type.String({ minLength: 1, maxLength: 32 }),
  title: Title,
  description: Description,
  type: Type.Optional(QuestionnaireTypeEnum),
  sections: Type.Array(Section, { maxItems: LIMITS.questionnaireSections }),
};

export const QuestionnaireInput = Type.Object(questionnaireProperties, { ...strict, title: 'QuestionnaireInput' });
export type QuestionnaireInput = Static<typeof QuestionnaireInput>;

/** iDenfy's Questionnaire (what forms list), plus OpenKYB's timestamps. */
export const Questionnaire = Type.Object({ id: Uuid, ...questionnaireProperties, ...Timestamps }, { title: 'Questionnaire' });
export type Questionnaire = Static<typeof Questionnaire>;
