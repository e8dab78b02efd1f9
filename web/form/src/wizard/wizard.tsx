import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Client } from '../api/client.js';
import type { KybInfo, RegistrySession, SessionInfo } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { CompanyStep } from '../steps/company-step.js';
import { DocumentsStep } from '../steps/documents-step.js';
import { OwnershipStep } from '../steps/ownership-step.js';
import { QuestionnaireStep } from '../steps/questionnaire-step.js';
import { RegisterStep } from '../steps/register-step.js';
import { ReviewStep } from '../steps/review-step.js';
import type { KybContext, KybData, StepId } from './data.js';
import { ownershipGaps } from './ownership-gaps.js';
import { resumeStep, stepsFor } from './progress.js';

const STEP_KEY = 'openkyb.step';

interface Props {
  client: Client;
  info: KybInfo;
  session: SessionInfo | null;
  initial: KybData;
  onFatal(error: unknown): void;
  onDone(): void;
}

/** The steps, their navigation and the data they share. Every step saves as the user goes. */
export function Wizard({ client, info, session, initial, onFatal, onDone }: Props) {
  const { t } = useI18n();
  const [data, setData] = useState(initial);
  const [registry, setRegistry] = useState<RegistrySession | null>(info.registry && info.registry.mode !== 'FORM' ? info.registry : null);
  const steps = useMemo(() => stepsFor(info.flow, data, session?.hasQuestionnaire, registry !== null), [info.flow, data, session, registry]);
  const [step, setStep] = useState<StepId>(() => {
    const stored = readStep();
    if (stored && steps.includes(stored) && (isOpenBeforeForm(stored) || initial.form)) return stored;
    return registry?.searchRequired ? 'register' : resumeStep(steps, info.flow, initial);
  });
  // The tab remembers the step it shows, whichever way it got there (resumed, Continue, the
  // stepper, a link): a reload must return here, not to where the data says work stopped.
  useEffect(() => {
    try {
      sessionStorage.setItem(STEP_KEY, step);
    } catch {
      /* resume falls back to the data */
    }
  }, [step]);
  const focusTarget = useRef<string | null>(null);
  const isFirstRender = useRef(true);
  const heading = useRef<HTMLHeadingElement>(null);

  // Where the user tried to go from the ownership step while it still lacks something: the step
  // shows what is missing, and they go on only by confirming.
  const [leavingTo, setLeavingTo] = useState<StepId | null>(null);
  const moveTo = useCallback((next: StepId, focusId?: string) => {
    focusTarget.current = focusId ?? null;
    setLeavingTo(null);
    setStep(next);
  }, []);
  const latest = useRef({ step, steps, data });
  latest.current = { step, steps, data };
  const go = useCallback(
    (next: StepId, focusId?: string) => {
      const now = latest.current;
      const isForward = now.steps.indexOf(next) > now.steps.indexOf(now.step);
      if (now.step === 'ownership' && isForward && ownershipGaps(info.flow, now.data.beneficiaries).length > 0) return setLeavingTo(next);
      moveTo(next, focusId);
    },
    [info.flow, moveTo],
  );

  // Moving to a step puts focus on its heading (or on the field a link points at), so screen
  // reader and keyboard users start at the top of the new content.
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    const target = focusTarget.current ? document.getElementById(focusTarget.current) : null;
    focusTarget.current = null;
    (target ?? heading.current)?.focus();
    (target ?? heading.current)?.scrollIntoView?.({ block: 'center' });
  }, [step]);

  const context: KybContext = useMemo(
    () => ({ client, info, session, data, update: setData, fail: onFatal, go, registry, setRegistry }),
    [client, info, session, data, onFatal, go, registry],
  );
  const index = steps.indexOf(step);
  const isLocked = (s: StepId) => !isOpenBeforeForm(s) && !data.form;
  const next = steps[index + 1];
  const goNext = next ? () => go(next) : undefined;

  return (
    <div className="wizard">
      {session?.infoRequest ? (
        <section className="note info-request" aria-labelledby="info-request-title">
          <h2 id="info-request-title">{t('app.infoRequested')}</h2>
          <p className="info-request-message">{session.infoRequest.message}</p>
          <p>{t('app.infoRequestedHint')}</p>
        </section>
      ) : null}
      <nav className="stepper" aria-label={t('app.steps')}>
        <ol>
          {steps.map((s, i) => (
            <li key={s}>
              <button
                type="button"
                className="step-link"
                aria-current={s === step ? 'step' : undefined}
                disabled={isLocked(s)}
                aria-describedby={isLocked(s) ? 'locked-hint' : undefined}
                onClick={() => go(s)}
              >
                <span className="step-number" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="step-title">{t(`step.${s}`)}</span>
              </button>
            </li>
          ))}
        </ol>
        {!data.form ? (
          <p id="locked-hint" className="visually-hidden">
            {t('step.locked')}
          </p>
        ) : null}
      </nav>
      <section className="step panel" aria-labelledby="step-title" data-step={step}>
        <p className="step-count">{t('app.stepOf', { n: index + 1, total: steps.length })}</p>
        <h1 id="step-title" ref={heading} tabIndex={-1}>
          {t(`step.${step}`)}
        </h1>
        {step === 'register' ? <RegisterStep ctx={context} onNext={goNext} /> : null}
        {step === 'company' ? <CompanyStep ctx={context} onNext={goNext} /> : null}
        {step === 'ownership' ? (
          <OwnershipStep ctx={context} onNext={goNext} leavingTo={leavingTo} onLeaveAnyway={leavingTo ? () => moveTo(leavingTo) : undefined} />
        ) : null}
        {step === 'documents' ? <DocumentsStep ctx={context} onNext={goNext} /> : null}
        {step === 'questionnaire' ? <QuestionnaireStep ctx={context} onNext={goNext} /> : null}
        {step === 'review' ? <ReviewStep ctx={context} onDone={onDone} /> : null}
      </section>
    </div>
  );
}

/** The register search and the company details are open before the form exists (the pick creates it). */
function isOpenBeforeForm(step: StepId): boolean {
  return step === 'register' || step === 'company';
}

function readStep(): StepId | null {
  try {
    return sessionStorage.getItem(STEP_KEY) as StepId | null;
  } catch {
    return null;
  }
}
