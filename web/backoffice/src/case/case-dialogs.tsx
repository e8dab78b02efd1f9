import { useState, type ReactNode } from 'react';
import type { CompanyDetail } from '../api/types.js';
import { Dialog } from '../components/dialog.js';
import { ErrorMessage } from '../components/messages.js';
import { useFormAction } from '../components/use-form-action.js';
import { useI18n, type Translate } from '../i18n/i18n.js';
import { useSession } from '../session.js';
import { beneficiaryName } from './approval-blockers.js';
import type { ActionsProps } from './case-actions.js';

export type DialogName = 'approve' | 'deny' | 'requestInfo' | 'delete';

const COMPANY_ITEMS = ['companyName', 'registrationNumber', 'country', 'type', 'street', 'city', 'postcode', 'email', 'phone', 'website', 'tin'] as const;

/** What a request for information can name (core/review/check-items.ts): company fields, document types, beneficiaries. */
export function requestableItems(t: Translate, detail: CompanyDetail): Array<{ path: string; label: string }> {
  return [
    ...COMPANY_ITEMS.map((field) => ({ path: `company.${field}`, label: t(`company.${field}`) })),
    ...[...new Set(detail.documents.map((d) => d.type))].map((type) => ({ path: `documents.${type}`, label: t('documents.type', { type }) })),
    ...detail.beneficiaries.map((b) => ({ path: `beneficiaries.${b.id}`, label: t('requestInfo.beneficiary', { name: beneficiaryName(b) }) })),
  ];
}

/** One dialog holding one form: its error, its submit button, busy while the call runs. */
function DialogForm({
  open,
  title,
  onClose,
  submitLabel,
  danger,
  onSubmit,
  children,
}: {
  open: boolean;
  title: string;
  onClose(): void;
  submitLabel: string;
  danger?: boolean;
  onSubmit(): Promise<string | null>;
  children: ReactNode;
}) {
  const { isBusy, error, submit } = useFormAction();
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <form onSubmit={submit(onSubmit)} noValidate>
        {children}
        <ErrorMessage error={error} />
        <div className="dialog-actions">
          <button type="submit" className={`button ${danger ? 'danger' : 'primary'}`} disabled={isBusy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function CaseDialogs({ detail, dialog, setDialog, onChanged, onDecided, onDeleted }: ActionsProps) {
  const { t } = useI18n();
  const { client } = useSession();
  const [reason, setReason] = useState('');
  const [items, setItems] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [typed, setTyped] = useState('');
  const close = () => setDialog(null);
  /** The props that tie a DialogForm to its name: open when it is the one asked for. */
  const shown = (which: DialogName) => ({ open: dialog === which, onClose: close });
  /** Approving and denying end alike: close, then say whether four-eyes now waits for a second reviewer. */
  const decide = async (decision: 'APPROVED' | 'DENIED', call: Promise<{ isAwaitingConfirmation: boolean }>) => {
    const outcome = await call;
    close();
    onDecided(decision, outcome.isAwaitingConfirmation);
    return null;
  };
  const name = detail.company.companyName;
  return (
    <>
      <DialogForm
        {...shown('approve')}
        title={t('approve.title', { name })}
        submitLabel={t('actions.approve')}
        onSubmit={() => decide('APPROVED', client.approve(detail.id))}
      >
        <p>{t('approve.confirm')}</p>
      </DialogForm>

      <DialogForm
        {...shown('deny')}
        title={t('deny.title', { name })}
        submitLabel={t('actions.deny')}
        danger
        onSubmit={async () => (reason.trim() ? decide('DENIED', client.deny(detail.id, reason.trim())) : t('deny.reasonRequired'))}
      >
        <label htmlFor="deny-reason">{t('deny.reason')}</label>
        <input id="deny-reason" value={reason} maxLength={64} onChange={(e) => setReason(e.target.value)} aria-required="true" autoFocus />
      </DialogForm>

      <DialogForm
        {...shown('requestInfo')}
        title={t('requestInfo.title')}
        submitLabel={t('requestInfo.send')}
        onSubmit={async () => {
          if (items.length === 0) return t('requestInfo.pickItems');
          if (!message.trim()) return t('requestInfo.messageRequired');
          await client.requestInfo(detail.id, { items, message: message.trim() });
          close();
          setItems([]);
          setMessage('');
          await onChanged();
          return null;
        }}
      >
        <fieldset className="item-picker">
          <legend>{t('requestInfo.items')}</legend>
          {requestableItems(t, detail).map((item) => (
            <label key={item.path} className="choice">
              <input
                type="checkbox"
                checked={items.includes(item.path)}
                onChange={(e) => setItems(e.target.checked ? [...items, item.path] : items.filter((x) => x !== item.path))}
              />
              {item.label}
            </label>
          ))}
        </fieldset>
        <label htmlFor="request-message">{t('requestInfo.message')}</label>
        <textarea id="request-message" rows={4} maxLength={2000} value={message} onChange={(e) => setMessage(e.target.value)} aria-required="true" />
      </DialogForm>

      <DialogForm
        {...shown('delete')}
        title={t('delete.title', { name })}
        submitLabel={t('actions.delete')}
        danger
        onSubmit={async () => {
          if (typed !== name) return t('delete.mismatch');
          await client.deleteCompany(detail.id);
          close();
          onDeleted();
          return null;
        }}
      >
        <p>{t('delete.warning')}</p>
        <label htmlFor="delete-confirm">{t('delete.typeName', { name })}</label>
        <input id="delete-confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" aria-required="true" />
      </DialogForm>
    </>
  );
}
