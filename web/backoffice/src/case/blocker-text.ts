import type { Translate } from '../i18n/i18n.js';
import type { Blocker } from './approval-blockers.js';

export function blockerText(t: Translate, blocker: Blocker): string {
  switch (blocker.kind) {
    case 'notSubmitted':
      return t('blocker.notSubmitted', { status: t(`status.${blocker.status}` as 'status.PENDING') });
    case 'screeningRunning':
      return t('blocker.screeningRunning');
    case 'aml':
      return t(blocker.subject === 'company' ? 'blocker.amlCompany' : blocker.subject === 'register' ? 'blocker.amlRegister' : 'blocker.amlBeneficiary', {
        name: blocker.name,
        status: t(`aml.${blocker.status}` as 'aml.FLAGS_FOUND'),
      });
    case 'documentRejected':
      return t('blocker.documentRejected', { type: blocker.type });
  }
}
