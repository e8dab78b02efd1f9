import { can } from '../api/permissions.js';
import type { CaseChanges, CaseDecision, CompanyDetail } from '../api/types.js';
import { saveBlob, useAction } from '../components/use-action.js';
import { ColumnHeads } from '../components/layout.js';
import { ActionOutcome } from '../components/messages.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';

/**
 * Four-eyes and the evidence pack: the decision waiting for a second reviewer (who proposed it,
 * whether new evidence voided it), withdrawing it, and exporting the case's evidence pack. The
 * server enforces every rule; this shows them.
 */
export function ReviewControls({ detail, decision, onChanged }: { detail: CompanyDetail; decision: CaseDecision; onChanged(): Promise<void> }) {
  const { t } = useI18n();
  const { client, manager } = useSession();
  const { busy, message, run } = useAction();
  const pending = decision.pending;
  const canWork = can(manager.role, 'work');
  const exportPack = () => run('evidence', async () => saveBlob(await client.evidencePack(detail.id), `evidence-${detail.id}.tar`), t('review.evidenceDone'));

  return (
    <section className="actions panel review-controls" aria-labelledby="review-controls-title">
      <h2 id="review-controls-title">{t('review.title')}</h2>
      <p>{decision.fourEyesRequired ? t('review.fourEyesRequired') : t('review.fourEyesNot')}</p>
      {pending ? (
        <div className={`reasons ${pending.isVoided ? 'tone-warning' : 'tone-info'}`} role="status" data-testid="pending-decision">
          <p>
            {t(pending.approvalStatus === 'APPROVED' ? 'review.pendingApproval' : 'review.pendingDenial', {
              who: pending.isOwnProposal ? t('review.you') : pending.proposedBy.managerId === null ? t('review.apiKey') : `#${pending.proposedBy.managerId}`,
            })}
          </p>
          <p>{pending.isVoided ? t('review.voided') : pending.isOwnProposal ? t('review.ownProposal') : t('review.confirmHint')}</p>
          <button
            type="button"
            className="button secondary"
            disabled={!canWork || busy !== null}
            onClick={() =>
              void run(
                'withdraw',
                async () => {
                  await client.withdrawDecision(detail.id);
                  await onChanged();
                },
                t('review.withdrawn'),
              )
            }
          >
            {t('review.withdraw')}
          </button>
        </div>
      ) : null}
      <ActionOutcome message={message} />
      <button type="button" className="button secondary" disabled={!can(manager.role, 'export') || busy !== null} onClick={() => void exportPack()}>
        {t('review.evidence')}
      </button>
    </section>
  );
}

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** What changed between the last two submissions: company fields, people, documents, answers. */
export function ChangesPanel({ changes }: { changes: CaseChanges }) {
  const { t } = useI18n();
  if (!changes.previousSubmission) return <p className="muted">{t('changes.none')}</p>;
  const rows = [
    ...changes.company.map((c) => ({ what: t('changes.company', { field: c.path }), before: show(c.before), after: show(c.after) })),
    ...changes.beneficiaries.flatMap((b) =>
      b.change === 'CHANGED'
        ? b.fields.map((f) => ({ what: `${b.name}: ${f.path}`, before: show(f.before), after: show(f.after) }))
        : [{ what: b.name, before: b.change === 'REMOVED' ? b.name : '—', after: b.change === 'ADDED' ? b.name : '—' }],
    ),
    ...changes.documents.map((d) => ({
      what: t('changes.document', { type: d.type }),
      before: d.change === 'REMOVED' ? (d.filename ?? d.type) : '—',
      after: d.change === 'ADDED' ? (d.filename ?? d.type) : '—',
    })),
    ...changes.answers.map((a) => ({ what: t('changes.answer', { question: a.path }), before: show(a.before), after: show(a.after) })),
  ];
  if (rows.length === 0) return <p className="muted">{t('changes.nothing')}</p>;
  return (
    <table className="changes">
      <caption>{t('changes.caption', { date: new Date(changes.previousSubmission).toLocaleString() })}</caption>
      <ColumnHeads columns={[t('changes.what'), t('changes.before'), t('changes.after')]} />
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            <th scope="row">{row.what}</th>
            <td>{row.before}</td>
            <td>{row.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
