import { Type } from 'typebox';
import { deleteAnswers, getAnswers, putAnswers } from '../../../../core/answers/answers.js';
import { answersDisplay } from '../../../../core/answers/answers-display.js';
import { getQuestionnaire, listQuestionnaires } from '../../../../core/answers/questionnaire-of-company.js';
import { AnswersQuery, KybAnswersDisplay, KybFormAnswers, KybFormAnswersRequest, QuestionnaireParams } from '../../../../schemas/answers.js';
import { Questionnaire } from '../../../../schemas/questionnaire.js';
import { formCtx, type App } from '../../../context.js';
import { EITHER, errorResponses, uploadBodyLimit } from '../../../route-schemas.js';
import { formDeleteRoute, formItemRoute, formListRoute } from './form-routes.js';

const TAG = 'KYB Questionnaires';
const common = { tags: [TAG] };

export function questionnaireRoutes(app: App): void {
  // Registered before ":id/": the static segment must win over the parameter.
  formListRoute(app, {
    path: 'questionnaires/answers/detail/',
    tag: TAG,
    operationId: 'kybFormsQuestionnairesAnswersDetailList',
    summary: 'Answers as a reviewer reads them',
    item: KybAnswersDisplay,
    list: (ctx) => answersDisplay({ ctx }),
  });
  formListRoute(app, {
    path: 'questionnaires/',
    tag: TAG,
    operationId: 'kybFormsQuestionnairesList',
    summary: "The form's questionnaires",
    item: Questionnaire,
    list: (ctx) => listQuestionnaires({ ctx }),
  });

  formItemRoute(app, {
    path: 'questionnaires/:id/',
    tag: TAG,
    operationId: 'kybFormsQuestionnairesRetrieve',
    summary: 'A questionnaire of the form',
    params: QuestionnaireParams,
    item: Questionnaire,
    get: (ctx, id) => getQuestionnaire({ ctx, id }),
  });

  app.get(
    '/kyb/forms/:companyId/questionnaires/:id/answers/',
    {
      ...EITHER,
      schema: {
        ...common,
        operationId: 'kybFormsQuestionnairesAnswersRetrieve',
        summary: 'Saved answers (204 when none)',
        params: QuestionnaireParams,
        response: { 200: KybFormAnswers, 204: Type.Null(), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const answers = await getAnswers({ ctx: formCtx(request, request.params.companyId), questionnaireId: request.params.id });
      return answers ? answers : reply.code(204).send(null);
    },
  );

  app.put(
    '/kyb/forms/:companyId/questionnaires/:id/answers/',
    {
      ...EITHER,
      bodyLimit: uploadBodyLimit(app.deps.config.maxUploadBytes, 3),
      schema: {
        ...common,
        operationId: 'kybFormsQuestionnairesAnswersUpdate',
        summary: 'Replace the answers',
        params: QuestionnaireParams,
        querystring: AnswersQuery,
        body: KybFormAnswersRequest,
        response: { 200: KybFormAnswers, ...errorResponses(400, 401, 404, 409, 413) },
      },
    },
    async (request) =>
      putAnswers({
        ctx: formCtx(request, request.params.companyId),
        questionnaireId: request.params.id,
        input: request.body,
        draft: request.query.draft === true,
      }),
  );

  formDeleteRoute(app, {
    path: 'questionnaires/:id/answers/',
    tag: TAG,
    operationId: 'kybFormsQuestionnairesAnswersDestroy',
    summary: 'Delete the answers',
    params: QuestionnaireParams,
    remove: (ctx, questionnaireId) => deleteAnswers({ ctx, questionnaireId }),
  });
}
