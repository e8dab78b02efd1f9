import { useState, type ReactNode } from 'react';
import type { CompanyDetail } from '../api/types.js';
import { Dialog } from '../components/dialog.js';
import { ErrorMessage } from '../components/messages.js';
import { useFormAction } from '../components/use-form-action.js';
import { useI18n, type MessageKey, type Translate } from '../i18n/i18n.js';
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
  danger?: boolean | undefined;
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

/** The fixed part of each dialog: its title, its submit button, and whether that button is the dangerous kind. */
const DIALOGS: Record<DialogName, { title: MessageKey; submit: MessageKey; danger?: boolean }> = {
  approve: { title: 'approve.title', submit: 'actions.approve' },
  deny: { title: 'deny.title', submit: 'actions.deny', danger: true },
  requestInfo: { title: 'requestInfo.title', submit: 'requestInfo.send' },
  delete: { title: 'delete.title', submit: 'actions.delete', danger: true },
};

export function CaseDialogs({ detail, dialog, setDialog, onChanged, onDecided, onDeleted }: ActionsProps) {
  const { t } = useI18n();
  const { client } = useSession();
  const [reason, setReason] = useState('');
  const [items, setItems] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [typed, setTyped] = useState('');
  const name = detail.company.companyName;
  const close = () => setDialog(null);
  /** A DialogForm's fixed props: open when it is the one asked for. */
  const frame = (which: DialogName) => ({
    open: dialog === which,
    onClose: close,
    title: t(DIALOGS[which].title, { name }),
    submitLabel: t(DIALOGS[which].submit),
    danger: DIALOGS[which].danger,
  });
  /** Every dialog ends alike once its call worked: it closes, then the page hears the outcome. */
  const finish = async <T,>(call: Promise<T>, then: (outcome: T) => unknown) => {
    const outcome = await call;
    close();
    await then(outcome);
    return null;
  };
  return (
    <>
      <DialogForm {...frame('approve')} onSubmit={() => finish(client.approve(detail.id), (o) => onDecided('APPROVED', o.isAwaitingConfirmation))}>
        <p>{t('approve.confirm')}</p>
      </DialogForm>

      <DialogForm
        {...frame('deny')}
        onSubmit={async () =>
          reason.trim() ? finish(client.deny(detail.id, reason.trim()), (o) => onDecided('DENIED', o.isAwaitingConfirmation)) : t('deny.reasonRequired')
        }
      >
        <label htmlFor="deny-reason">{t('deny.reason')}</label>
        <input id="deny-reason" value={reason} maxLength={64} onChange={(e) => setReason(e.target.value)} aria-required="true" autoFocus />
      </DialogForm>

      <DialogForm
        {...frame('requestInfo')}
        onSubmit={async () => {
          if (items.length === 0) return t('requestInfo.pickItems');
          if (!message.trim()) return t('requestInfo.messageRequired');
          return finish(client.requestInfo(detail.id, { items, message: message.trim() }), async () => {
            setItems([]);
            setMessage('');
            await onChanged();
          });
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

      <DialogForm {...frame('delete')} onSubmit={async () => (typed === name ? finish(client.deleteCompany(detail.id), onDeleted) : t('delete.mismatch'))}>
        <p>{t('delete.warning')}</p>
        <label htmlFor="delete-confirm">{t('delete.typeName', { name })}</label>
        <input id="delete-confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" aria-required="true" />
      </DialogForm>
    </>
  );
}
