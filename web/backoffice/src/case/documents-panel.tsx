import { useState } from 'react';
import type { CaseDocument, CompanyDetail } from '../api/types.js';
import { Badge } from '../components/badge.js';
import { formatDateTime } from '../components/format.js';
import { ErrorMessage } from '../components/messages.js';
import { useFormAction } from '../components/use-form-action.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { beneficiaryName } from './approval-blockers.js';

/** The file's type as the signed link declares it (the server sends it with that type, never sniffed). */
function mimeOf(url: string): string {
  try {
    return new URL(url, window.location.origin).searchParams.get('type') ?? '';
  } catch {
    return '';
  }
}

export interface DocumentsPanelProps {
  detail: CompanyDetail;
  documents: CaseDocument[];
  /** Why no decision can be made now (the role, or a completed review); null when one can. */
  closedReason: string | null;
  onChanged(): Promise<void>;
}

/**
 * Every document of the case with its preview (images inline, PDFs in the page, anything else
 * as a link) and the decision on it: accept, or reject with a reason the client reads as a
 * request for a new upload. Where no decision can be made the buttons stay, disabled, with why.
 */
export function DocumentsPanel({ detail, documents, closedReason, onChanged }: DocumentsPanelProps) {
  const { t, locale } = useI18n();
  if (documents.length === 0) return <p className="empty">{t('documents.none')}</p>;
  const owners = new Map(detail.beneficiaries.map((b) => [b.id, beneficiaryName(b)]));
  return (
    <>
      {closedReason ? (
        <p className="note" id="documents-closed">
          {closedReason}
        </p>
      ) : null}
      <ul className="documents">
        {documents.map((doc) => {
          const mime = mimeOf(doc.file);
          const owner = doc.beneficiaryId ? owners.get(doc.beneficiaryId) : undefined;
          const title = [t('documents.type', { type: doc.type }), owner ? t('documents.owner', { name: owner }) : null, formatDateTime(locale, doc.created)]
            .filter(Boolean)
            .join(' · ');
          const state = doc.decision?.decision ?? 'UNDECIDED';
          return (
            <li key={doc.id} className="document" data-document-id={doc.id}>
              <p className="document-title">
                {title}{' '}
                <Badge kind="document" value={state}>
                  {t(`documents.state.${state}`)}
                </Badge>
              </p>
              {doc.decision?.reason ? <p className="muted">{t('documents.rejectedBecause', { reason: doc.decision.reason })}</p> : null}
              {mime.startsWith('image/') ? <img src={doc.file} alt={t('documents.preview', { type: doc.type })} loading="lazy" /> : null}
              {mime === 'application/pdf' ? (
                <object data={doc.file} type="application/pdf" className="pdf" aria-label={t('documents.preview', { type: doc.type })}>
                  <p>{t('documents.noPdfViewer')}</p>
                </object>
              ) : null}
              <p>
                <a href={doc.file} target="_blank" rel="noreferrer noopener">
                  {t('documents.open', { type: doc.type })}
                </a>
              </p>
              <DocumentDecisionForm companyId={detail.id} doc={doc} closedReason={closedReason} onChanged={onChanged} />
            </li>
          );
        })}
      </ul>
    </>
  );
}

function DocumentDecisionForm({
  companyId,
  doc,
  closedReason,
  onChanged,
}: {
  companyId: string;
  doc: CaseDocument;
  closedReason: string | null;
  onChanged(): Promise<void>;
}) {
  const { t } = useI18n();
  const { client } = useSession();
  const [isRejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const { isBusy, error, run, submit } = useFormAction();
  const isClosed = closedReason !== null;
  const describedBy = isClosed ? 'documents-closed' : undefined;
  const reasonId = `reject-reason-${doc.id}`;

  const accept = () =>
    void run(async () => {
      await client.decideDocument(companyId, doc.id, { decision: 'ACCEPTED' });
      await onChanged();
    });
  const reject = submit(async () => {
    if (!reason.trim()) return t('documents.needReason');
    await client.decideDocument(companyId, doc.id, { decision: 'REJECTED', reason: reason.trim() });
    setRejecting(false);
    setReason('');
    await onChanged();
  });

  return (
    <div className="document-decision" role="group" aria-label={t('documents.decisionsFor', { type: doc.type })}>
      {isRejecting && !isClosed ? (
        <form onSubmit={reject} noValidate>
          <fieldset>
            <legend>{t('documents.rejectLegend', { type: doc.type })}</legend>
            <label htmlFor={reasonId}>{t('documents.reason')}</label>
            <textarea id={reasonId} value={reason} maxLength={2000} rows={2} autoFocus onChange={(e) => setReason(e.target.value)} />
          </fieldset>
          <ErrorMessage error={error} />
          <button type="submit" className="button danger small" disabled={isBusy}>
            {t('documents.sendRejection')}
          </button>{' '}
          <button type="button" className="button small" onClick={() => setRejecting(false)}>
            {t('documents.cancel')}
          </button>
        </form>
      ) : (
        <>
          <button
            type="button"
            className="button small"
            disabled={isClosed || isBusy || doc.decision?.decision === 'ACCEPTED'}
            aria-describedby={describedBy}
            onClick={accept}
          >
            {t('documents.accept')}
          </button>{' '}
          <button type="button" className="button small" disabled={isClosed || isBusy} aria-describedby={describedBy} onClick={() => setRejecting(true)}>
            {t('documents.reject')}
          </button>
          <ErrorMessage error={error} />
        </>
      )}
    </div>
  );
}
