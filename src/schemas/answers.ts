import { Type, type Static } from 'typebox';
import { boundedBy, Nullable, PathId } from './common.js';
import { LIMITS } from '../shared/limits.js';
import { TypeB9cEnum } from './enums.js';

/** `{sections: {sectionKey: {questionKey: {value}}}}`; each value's type follows its question. */
/** Text, a number, a boolean, a list (of texts or file data: URLs) or null. */
const AnswerText = Type.String(boundedBy('per question type (docs/questionnaires.md); file data: URLs by OPENKYB_MAX_UPLOAD_BYTES and the route body limit'));
const AnswerValue = Type.Union([AnswerText, Type.Number(), Type.Boolean(), Type.Null(), Type.Array(AnswerText, { maxItems: LIMITS.answerListItems })]);

export const KybFormAnswersRequest = Type.Object(
  {
    sections: Type.Record(
      Type.String({ maxLength: 32 }),
      Type.Record(Type.String({ maxLength: 32 }), Type.Object({ value: AnswerValue }, { additionalProperties: false }), {
        maxProperties: LIMITS.sectionQuestions,
      }),
      { maxProperties: LIMITS.questionnaireSections },
    ),
  },
  { additionalProperties: false, title: 'KybFormAnswersRequest' },
);
export type KybFormAnswersRequest = Static<typeof KybFormAnswersRequest>;

export const KybFormAnswers = Type.Object(
  {
    sections: Type.Record(Type.String(), Type.Record(Type.String(), Type.Object({ value: Type.Unknown() }))),
  },
  { title: 'KybFormAnswers' },
);
export type KybFormAnswers = Static<typeof KybFormAnswers>;

export const AnswersQuery = Type.Object({
  draft: Type.Optional(Type.Boolean({ description: 'OpenKYB extension: save without checking required questions.' })),
});

export const KybAnswersDisplay = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    title: Type.String(),
    sections: Type.Array(
      Type.Object({
        title: Type.String(),
        questions: Type.Array(
          Type.Object({
            key: Type.String(),
            title: Type.String(),
            type: TypeB9cEnum,
            value: Nullable(Type.Union([Type.Array(Type.String()), Type.String(), Type.Boolean()])),
          }),
        ),
      }),
    ),
  },
  { title: 'KybAnswersDisplay' },
);
export type KybAnswersDisplay = Static<typeof KybAnswersDisplay>;

export const QuestionnaireParams = Type.Object({ companyId: PathId, id: PathId });
