import { useState, type FormEvent, type ReactNode } from 'react';
import type { CompanyDetail } from '../api/types.js';
import { Dialog } from '../components/dialog.js';
import { errorText } from '../components/error-text.js';
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

/** One form in a dialog: its error, its submit button, busy while the call runs. */
function DialogForm({
  submitLabel,
  danger,
  onSubmit,
  children,
}: {
  submitLabel: string;
  danger?: boolean;
  onSubmit(): Promise<string | null>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setError(await onSubmit());
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {children}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="submit" className={`button ${danger ? 'danger' : 'primary'}`} disabled={isBusy}>
          {submitLabel}
        </button>
      </div>
    </form>
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
  const name = detail.company.companyName;
  return (
    <>
      <Dialog open={dialog === 'approve'} title={t('approve.title', { name })} onClose={close}>
        <DialogForm
          submitLabel={t('actions.approve')}
          onSubmit={async () => {
            const outcome = await client.approve(detail.id);
            close();
            onDecided('APPROVED', outcome.isAwaitingConfirmation);
            return null;
          }}
        >
          <p>{t('approve.confirm')}</p>
        </DialogForm>
      </Dialog>

      <Dialog open={dialog === 'deny'} title={t('deny.title', { name })} onClose={close}>
        <DialogForm
          submitLabel={t('actions.deny')}
          danger
          onSubmit={async () => {
            if (!reason.trim()) return t('deny.reasonRequired');
            const outcome = await client.deny(detail.id, reason.trim());
            close();
            onDecided('DENIED', outcome.isAwaitingConfirmation);
            return null;
          }}
        >
          <label htmlFor="deny-reason">{t('deny.reason')}</label>
          <input id="deny-reason" value={reason} maxLength={64} onChange={(e) => setReason(e.target.value)} aria-required="true" autoFocus />
        </DialogForm>
      </Dialog>

      <Dialog open={dialog === 'requestInfo'} title={t('requestInfo.title')} onClose={close}>
        <DialogForm
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
      </Dialog>

      <Dialog open={dialog === 'delete'} title={t('delete.title', { name })} onClose={close}>
        <DialogForm
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
      </Dialog>
    </>
  );
}
