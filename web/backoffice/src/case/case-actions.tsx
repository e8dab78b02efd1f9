import { useState } from 'react';
import { can } from '../api/permissions.js';
import type { CompanyDetail, ManagerListItem } from '../api/types.js';
import { saveBlob, useAction } from '../components/use-action.js';
import { personName } from '../components/format.js';
import { ActionOutcome } from '../components/messages.js';
import { useI18n } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import type { Blocker } from './approval-blockers.js';
import { blockerText } from './blocker-text.js';
import { CaseDialogs, type DialogName } from './case-dialogs.js';

export interface ActionsProps {
  detail: CompanyDetail;
  approvalBlockers: Blocker[];
  denialBlockers: Blocker[];
  managers: ManagerListItem[];
  dialog: DialogName | null;
  setDialog(dialog: DialogName | null): void;
  onChanged(): Promise<void>;
  /** `isAwaitingConfirmation`: four-eyes holds the decision until a second reviewer confirms it. */
  onDecided(decision: 'APPROVED' | 'DENIED', isAwaitingConfirmation: boolean): void;
  onDeleted(): void;
}

/**
 * What the manager can do with the case. Actions the rules forbid are disabled with the reason
 * beside them; actions the role forbids are disabled with the role named (delete, admin only,
 * is not shown at all). The server enforces both; this only saves a useless click.
 */
export function CaseActions(props: ActionsProps) {
  const { detail, approvalBlockers, denialBlockers, managers, setDialog, onChanged } = props;
  const { t } = useI18n();
  const { client, manager } = useSession();
  const { busy, message, run } = useAction(onChanged);
  const [assignee, setAssignee] = useState('');
  const canWork = can(manager.role, 'work');
  const canExport = can(manager.role, 'export');
  const assignedTo = detail.meta.assignedTo;
  const isMine = assignedTo?.id === manager.id;

  const downloadPdf = () => run('pdf', async () => saveBlob(await client.pdf(detail.id), `dossier-${detail.id}.pdf`), t('actions.pdfDone'));

  const roleNote = canWork ? null : t('actions.roleCannot', { role: t(`role.${manager.role}`) });
  const workDisabled = !canWork || busy !== null;
  return (
    <section className="actions panel" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions.title')}</h2>
      <p className="assignee-line">{assignedTo ? t('actions.assignedTo', { name: personName(assignedTo) ?? '' }) : t('actions.unassigned')}</p>
      {roleNote ? (
        <p className="note" id="role-note">
          {roleNote}
        </p>
      ) : null}
      <ActionOutcome message={message} />

      <div className="action-group">
        <button
          type="button"
          className="button primary"
          disabled={workDisabled || isMine}
          aria-describedby={roleNote ? 'role-note' : undefined}
          onClick={() => void run('claim', () => client.assign(detail.id, manager.id), t('actions.claimed'))}
        >
          {isMine ? t('actions.claimedByYou') : t('actions.claim')}
        </button>
      </div>
      <div className="action-group assign">
        <label htmlFor="assign-to">{t('actions.assignTo')}</label>
        <div className="inline-add">
          <select id="assign-to" value={assignee} onChange={(e) => setAssignee(e.target.value)} disabled={!canWork}>
            <option value="">{t('actions.pick')}</option>
            <option value="none">{t('actions.nobody')}</option>
            {managers
              .filter((m) => !m.disabled)
              .map((m) => (
                <option key={m.id} value={String(m.id)}>
                  {personName(m)}
                  {m.away ? ` (${t('managers.away')})` : ''}
                </option>
              ))}
          </select>
          <button
            type="button"
            className="button secondary"
            disabled={workDisabled || assignee === ''}
            onClick={() => void run('assign', () => client.assign(detail.id, assignee === 'none' ? null : Number(assignee)), t('actions.assigned'))}
          >
            {t('actions.assign')}
          </button>
        </div>
      </div>

      <div className="action-group decision">
        <button
          type="button"
          className="button primary"
          disabled={workDisabled || approvalBlockers.length > 0}
          aria-describedby={approvalBlockers.length > 0 ? 'approve-reasons' : roleNote ? 'role-note' : undefined}
          aria-keyshortcuts="a"
          onClick={() => setDialog('approve')}
        >
          {t('actions.approve')}
        </button>
        <button
          type="button"
          className="button danger"
          disabled={workDisabled || denialBlockers.length > 0}
          aria-keyshortcuts="d"
          onClick={() => setDialog('deny')}
        >
          {t('actions.deny')}
        </button>
      </div>
      {approvalBlockers.length > 0 ? (
        <div id="approve-reasons" className="reasons tone-warning">
          <p>{t('actions.approveBlocked')}</p>
          <ul>
            {approvalBlockers.map((b, i) => (
              <li key={i}>{blockerText(t, b)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="action-group">
        <button type="button" className="button secondary" disabled={workDisabled} aria-keyshortcuts="r" onClick={() => setDialog('requestInfo')}>
          {t('actions.requestInfo')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={workDisabled}
          onClick={() => void run('automation', () => client.runAutomation(detail.id), t('actions.automationStarted'))}
        >
          {t('actions.automation')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={!canExport || busy !== null}
          aria-describedby={canExport ? undefined : 'pdf-note'}
          onClick={() => void downloadPdf()}
        >
          {t('actions.pdf')}
        </button>
        {can(manager.role, 'admin') ? (
          <button type="button" className="button danger" disabled={busy !== null} onClick={() => setDialog('delete')}>
            {t('actions.delete')}
          </button>
        ) : null}
      </div>
      {!canExport ? (
        <p id="pdf-note" className="muted">
          {t('actions.pdfRole')}
        </p>
      ) : null}
      <CaseDialogs {...props} />
    </section>
  );
}
