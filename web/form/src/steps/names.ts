import type { Beneficiary, Questionnaire } from '../api/types.js';
import type { MessageKey } from '../i18n/messages.js';

// Names and element ids shared by the steps and by the review's links into them.

export const beneficiaryName = (b: Beneficiary) => (b.info.infoType === 'INDIVIDUAL' ? `${b.info.name} ${b.info.surname}` : b.info.companyName);
export const docLabel = (t: (k: MessageKey) => string, type: string) => t(`doc.${type}` as MessageKey);
/** The upload control of one document type of one owner (`company` or a beneficiary id). */
export const slotId = (owner: string, type: string) => `doc-${owner}-${type}`;
export const questionId = (q: Pick<Questionnaire, 'key'>, section: string, question: string) => `q-${q.key}-${section}-${question}`;
