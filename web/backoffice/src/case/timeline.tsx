import type { CompanyDetail, KybComments } from '../api/types.js';
import { formatDateTime, formatShortDateTime, personName } from '../components/format.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';

/** Actions the back office words itself (the reads and downloads a manager makes); others keep the server's English text. */
const ACTION_TEXTS = new Map<string, MessageKey>([
  ['company.viewed', 'audit.action.companyViewed'],
  ['document.downloaded', 'audit.action.documentDownloaded'],
  ['file.downloaded', 'audit.action.fileDownloaded'],
  ['dossier.downloaded', 'audit.action.dossierDownloaded'],
  ['EVIDENCE_EXPORTED', 'audit.action.evidenceExported'],
]);

/** The audit trail of the case, newest first, with who did what. */
export function AuditTimeline({ detail, canAudit }: { detail: CompanyDetail; canAudit: boolean }) {
  const { t, locale } = useI18n();
  const actionText = (identifier: string) => {
    const key = ACTION_TEXTS.get(identifier);
    return key ? t(key) : null;
  };
  if (!canAudit) return <p className="muted">{t('audit.needsRole')}</p>;
  const logs = [...detail.auditLogs.logs].sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  if (logs.length === 0) return <p className="empty">{t('audit.none')}</p>;
  return (
    <ol className="timeline">
      {logs.map((log, i) => (
        <li key={log.logId ?? i}>
          <time dateTime={log.timestamp}>{formatShortDateTime(locale, log.timestamp)}</time>
          <span className="who">{log.manager?.displayName ?? t(`logType.${log.logType}`)}</span>
          <span>
            {actionText(log.identifier) ?? log.text}
            {log.additionalText ? <span className="muted"> — {log.additionalText}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function CommentList({ comments }: { comments: KybComments[] }) {
  const { t, locale } = useI18n();
  if (comments.length === 0) return <p className="empty">{t('comments.none')}</p>;
  return (
    <ol className="comments">
      {[...comments]
        .sort((a, b) => b.created.localeCompare(a.created))
        .map((comment, i) => (
          <li key={i}>
            <p className="comment-head">
              <strong>{personName(comment.manager) ?? t('comments.partner')}</strong> ·{' '}
              <time dateTime={comment.created}>{formatDateTime(locale, comment.created)}</time>
            </p>
            <p className="comment-body">{comment.content}</p>
          </li>
        ))}
    </ol>
  );
}
