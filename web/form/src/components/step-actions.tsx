import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';

/**
 * The row under a step: what the step says about saving on the left, and Continue on the right
 * when the wizard offers a next step (on review after a change it does not).
 */
export function StepActions({ status, onNext }: { status: ReactNode; onNext: (() => void) | undefined }) {
  const { t } = useI18n();
  return (
    <div className="step-actions">
      {status}
      {onNext ? (
        <button type="button" className="button primary" onClick={onNext}>
          {t('action.continue')}
        </button>
      ) : null}
    </div>
  );
}
