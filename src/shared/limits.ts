/**
 * Bounds of what the API accepts (docs/limits.md). A change here is a change of contract:
 * update docs/limits.md with it.
 */
export const LIMITS = {
  /** JSON nesting of any request body, checked when it is parsed. */
  jsonDepth: 32,
  scanRefs: 100,
  questionnaireSections: 100,
  sectionQuestions: 100,
  choices: 100,
  customFields: 100,
  /** Company, individual and beneficiary field rules of a flow (each enum has fewer values). */
  flowFields: 50,
  flowDocuments: 50,
  flowBeneficiaries: 10,
  /** One INDIVIDUAL and one COMPANY applicant per beneficiary type. */
  flowApplicants: 2,
  answerListItems: 250,
  /** Nesting of ( ), ! and [ ] in a questionnaire condition. */
  conditionDepth: 16,
} as const;
