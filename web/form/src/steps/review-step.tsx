import { useEffect, useRef, useState } from 'react';
import type { FieldErrors } from '../../../shared/api/errors.js';
import { useI18n } from '../i18n/i18n.js';
import type { KybContext } from '../wizard/data.js';
import { SaveStatus, useSaver } from '../wizard/use-saver.js';
import { applicableAnswers } from './questionnaire-logic.js';
import { ReviewSummary } from './review-summary.js';
import { submitProblems } from './submit-problems.js';

/** Review and submit: a summary, then the server's verdict; whatever is missing links to its place. */
export function ReviewStep({ ctx, onDone }: { ctx: KybContext; onDone(): void }) {
  const { t } = useI18n();
  // The refused paths are kept, not their text: the list is worded at render, in the current language.
  const [refused, setRefused] = useState<FieldErrors | null>(null);
  const problems = refused && submitProblems(refused, ctx.data, ctx.info.flow, t);
  const [isSubmitting, setSubmitting] = useState(false);
  const saver = useSaver(ctx);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refused && Object.keys(refused).length > 0) summary.current?.focus();
  }, [refused]);

  const submit = async () => {
    setSubmitting(true);
    setRefused(null);
    const formId = ctx.data.form!.id;
    // Answers were saved as drafts; the final save is the one that checks required questions.
    const fields: FieldErrors = {};
    for (const q of ctx.data.questionnaires) {
      const answers = { sections: applicableAnswers(q, ctx.data.answers[q.id] ?? {}) };
      const saved = await saver.run(() => ctx.client.saveAnswers(formId, q.id, answers, false));
      if (!saved.ok && !saved.fields) {
        setSubmitting(false);
        return;
      }
      if (!saved.ok) {
        for (const [path, messages] of Object.entries(saved.fields!)) fields[`questionnaires.${q.key}.${path.replace(/^sections\./, '')}`] = messages;
      }
    }
    const result = await saver.run(() => ctx.client.submit(formId));
    setSubmitting(false);
    if (result.ok) return onDone();
    if (!result.fields && Object.keys(fields).length === 0) return;
    setRefused({ ...fields, ...result.fields });
  };

  return (
    <div className="review">
      <p className="intro">{t('review.intro')}</p>
      {problems && problems.length > 0 ? (
        <div ref={summary} className="error-summary" role="alert" tabIndex={-1} id="submit-problems">
          <h2>{t('review.missing')}</h2>
          <ul>
            {problems.map((p) => (
              <li key={p.path}>
                <a
                  href={`#${p.focusId}`}
                  data-path={p.path}
                  onClick={(e) => {
                    e.preventDefault();
                    ctx.go(p.step, p.focusId);
                  }}
                >
                  {t('review.missingItem', { item: p.label, problem: p.problem })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ReviewSummary ctx={ctx} />
      <div className="step-actions">
        <SaveStatus state={isSubmitting ? 'saving' : saver.state === 'failed' ? 'failed' : 'idle'} onRetry={() => void submit()} />
        <button type="button" className="button primary" disabled={isSubmitting} onClick={() => void submit()}>
          {t(isSubmitting ? 'review.submitting' : 'action.submit')}
        </button>
      </div>
    </div>
  );
}
