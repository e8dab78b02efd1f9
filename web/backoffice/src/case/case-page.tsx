import { useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../../shared/api/errors.js';
import { can } from '../api/permissions.js';
import type {
  CaseChanges,
  CaseDecision,
  CompanyDetail,
  CompanyOwnership,
  CompanyRegister,
  CompanyScreening,
  ManagerListItem,
  RiskAssessment,
} from '../api/types.js';
import { errorText } from '../components/error-text.js';
import { formatDateTime, formatTimeLeft } from '../components/format.js';
import { useShortcuts } from '../components/shortcuts.js';
import { useLoad, useTitle } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { lastView } from '../queue/last-view.js';
import { nextCaseQuery, parseView } from '../queue/url-state.js';
import { BASE, Link, navigate } from '../router/router.js';
import { useSession } from '../session.js';
import { approvalBlockers, denialBlockers } from './approval-blockers.js';
import { CaseActions } from './case-actions.js';
import type { DialogName } from './case-dialogs.js';
import { CommentForm } from './comment-form.js';
import { CompanyPanel, QuestionnairePanel } from './company-panel.js';
import { DocumentsPanel, type DocumentsPanelProps } from './documents-panel.js';
import { OwnershipGraph } from './ownership-graph.js';
import { ChangesPanel, ReviewControls } from './review-controls.js';
import { RiskPanel } from './risk-panel.js';
import { RegisterPanel } from './register-panel.js';
import { ScreeningPanel } from './screening-panel.js';
import { AuditTimeline, CommentList } from './timeline.js';
import { Badge } from '../components/badge.js';

interface CaseData {
  detail: CompanyDetail;
  screening: CompanyScreening;
  ownership: CompanyOwnership;
  register: CompanyRegister;
  risk: RiskAssessment | null;
  managers: ManagerListItem[];
  decision: CaseDecision;
  changes: CaseChanges;
  documents: DocumentsPanelProps['documents'];
}

const orNull = (error: unknown) => {
  if (error instanceof ApiError && error.status === 404) return null;
  throw error;
};

/** One case: everything a reviewer reads, and the actions, with shortcuts for the frequent ones. */
export default function CasePage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { client, manager } = useSession();
  const { result, reload } = useLoad<CaseData>(async () => {
    const [detail, screening, ownership, register, risk, managers, decision, changes, documents] = await Promise.all([
      client.getCompany(id),
      client.screening(id),
      client.ownership(id),
      client.register(id),
      client.risk(id).catch(orNull),
      client.managers().then((m) => m.results),
      client.decision(id),
      client.changes(id),
      client.documents(id),
    ]);
    return { detail, screening, ownership, register, risk, managers, decision, changes, documents };
  }, id);
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [decided, setDecided] = useState<'APPROVED' | 'DENIED' | null>(null);
  const [isAwaiting, setAwaiting] = useState(false);
  const [nextProblem, setNextProblem] = useState<string | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const decidedRef = useRef<HTMLDivElement>(null);
  const data = result.state === 'done' ? result.data : null;
  useTitle(data ? data.detail.company.companyName : t('case.title'));

  const canWork = can(manager.role, 'work');
  const blockers = data ? approvalBlockers(data.detail, data.screening.isPending, data.documents, data.register.undeclaredPersons) : [];
  const denyBlockers = data ? denialBlockers(data.detail) : [];

  const nextCase = async () => {
    setNextProblem(null);
    try {
      const page = await client.listCompanies(nextCaseQuery(parseView(lastView()), manager.id));
      const next = page.results.find((row) => row.id !== id);
      if (next) navigate(`${BASE}/cases/${encodeURIComponent(next.id)}`);
      else setNextProblem(t('case.noNext'));
    } catch (error) {
      setNextProblem(errorText(t, error));
    }
  };

  useShortcuts({
    n: () => void nextCase(),
    j: () => void nextCase(),
    a: () => canWork && blockers.length === 0 && setDialog('approve'),
    d: () => canWork && denyBlockers.length === 0 && setDialog('deny'),
    r: () => canWork && setDialog('requestInfo'),
    c: () => commentRef.current?.focus(),
  });

  if (result.state === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (result.state === 'error') {
    return (
      <>
        <h1 tabIndex={-1}>{t('case.title')}</h1>
        <p className="field-error" role="alert">
          {errorText(t, result.error)}
        </p>
        <p>
          <Link href={`${BASE}/cases${lastView()}`}>{t('case.backToQueue')}</Link>
        </p>
      </>
    );
  }
  const { detail, screening, ownership, register, risk, managers, decision, changes, documents } = result.data;
  const documentsClosed = !canWork
    ? t('documents.roleCannot', { role: t(`role.${manager.role}`) })
    : detail.meta.status === 'COMPLETED'
      ? t('documents.completed')
      : null;
  const meta = detail.meta;
  const section = (key: string, title: string, body: ReactNode) => (
    <section className="panel case-section" aria-labelledby={`section-${key}`} id={key}>
      <h2 id={`section-${key}`}>{title}</h2>
      {body}
    </section>
  );
  return (
    <>
      <p className="breadcrumb">
        <Link href={`${BASE}/cases${lastView()}`}>{t('case.backToQueue')}</Link>
      </p>
      <div className="case-head">
        <h1 tabIndex={-1}>{detail.company.companyName}</h1>
        <p>
          <Badge kind="status" value={meta.status}>
            {t(`status.${meta.status}`)}
          </Badge>
          {meta.approvalStatus ? (
            <Badge kind="approval" value={meta.approvalStatus}>
              {t(`approval.${meta.approvalStatus}`)}
            </Badge>
          ) : null}
          {risk ? (
            <Badge kind="risk" value={risk.level}>
              {t('case.riskBadge', { level: t(`risk.${risk.level}`) })}
            </Badge>
          ) : null}
          {meta.denyReason ? <span className="muted"> {t('case.denyReason', { reason: meta.denyReason })}</span> : null}
        </p>
        {decision.deadline ? (
          <p className={decision.deadline.timeLeftMs < 0 && !decision.deadline.isPaused ? 'deadline overdue' : 'deadline'}>
            {t('case.deadline')}{' '}
            <time dateTime={decision.deadline.dueAt} title={formatDateTime(locale, decision.deadline.dueAt)}>
              {formatTimeLeft(t, decision.deadline)}
            </time>
          </p>
        ) : null}
      </div>
      {decided ? (
        <div className="decided tone-success" role="status" ref={decidedRef}>
          <p>{t(decided === 'APPROVED' ? 'case.approved' : 'case.denied')}</p>
          <button type="button" className="button primary" onClick={() => void nextCase()} aria-keyshortcuts="n" autoFocus>
            {t('case.nextCase')}
          </button>
        </div>
      ) : null}
      {isAwaiting ? (
        <p className="decided tone-info" role="status">
          {t('review.awaiting')}
        </p>
      ) : null}
      {nextProblem ? <p className="note">{nextProblem}</p> : null}
      <nav className="section-nav" aria-label={t('case.sections')}>
        <ul>
          {(['company', 'changes', 'register', 'documents', 'ownership', 'screening', 'risk', 'questionnaire', 'comments', 'audit'] as const).map((key) => (
            <li key={key}>
              <a href={`#${key}`}>{t(`case.section.${key}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="case-layout">
        <div className="case-main">
          {section('company', t('case.section.company'), <CompanyPanel detail={detail} />)}
          {section('changes', t('case.section.changes'), <ChangesPanel changes={changes} />)}
          {section('register', t('case.section.register'), <RegisterPanel register={register} />)}
          {section(
            'documents',
            t('case.section.documents'),
            <DocumentsPanel detail={detail} documents={documents} closedReason={documentsClosed} onChanged={reload} />,
          )}
          {section('ownership', t('case.section.ownership'), <OwnershipGraph ownership={ownership} />)}
          {section(
            'screening',
            t('case.section.screening'),
            <ScreeningPanel detail={detail} screening={screening} register={register} canResolve={canWork} onChanged={reload} />,
          )}
          {section('risk', t('case.section.risk'), <RiskPanel risk={risk} />)}
          {section('questionnaire', t('case.section.questionnaire'), <QuestionnairePanel detail={detail} />)}
          {section(
            'comments',
            t('case.section.comments'),
            <>
              {canWork ? <CommentForm companyId={detail.id} inputRef={commentRef} onAdded={reload} /> : null}
              <CommentList comments={detail.comments} />
            </>,
          )}
          {section('audit', t('case.section.audit'), <AuditTimeline detail={detail} canAudit={can(manager.role, 'audit')} />)}
        </div>
        <aside className="case-aside">
          <CaseActions
            detail={detail}
            approvalBlockers={blockers}
            denialBlockers={denyBlockers}
            managers={managers}
            dialog={dialog}
            setDialog={setDialog}
            onChanged={reload}
            onDecided={(made, isAwaitingConfirmation) => {
              setAwaiting(isAwaitingConfirmation);
              setDecided(isAwaitingConfirmation ? null : made);
              void reload();
            }}
            onDeleted={() => navigate(`${BASE}/cases${lastView()}`)}
          />
          <ReviewControls detail={detail} decision={decision} onChanged={reload} />
        </aside>
      </div>
    </>
  );
}
