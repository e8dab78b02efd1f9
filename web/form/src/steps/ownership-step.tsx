import { useState } from 'react';
import type { ApplicantType, Beneficiary } from '../api/types.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { formatPercent } from '../../../shared/i18n/format.js';
import type { KybContext } from '../wizard/data.js';
import { roleRules } from '../wizard/flow-rules.js';
import { isBeneficiaryOpen, isOpen } from '../wizard/open-items.js';
import { SaveStatus, useSaver } from '../wizard/use-saver.js';
import { BeneficiaryEditor } from './beneficiary-editor.js';
import { beneficiaryName } from './names.js';

type Editing = { kind: ApplicantType; parent: Beneficiary | null; existing: Beneficiary | null; returnFocus: string };

/** Ownership structure: people and companies, their roles and shares, as a tree. */
export function OwnershipStep({ ctx, onNext }: { ctx: KybContext; onNext: (() => void) | undefined }) {
  const { t, locale } = useI18n();
  const flow = ctx.info.flow;
  // While information is requested, only open roles may be added.
  const roles = roleRules(flow).map((r) => ({ ...r, readOnly: r.readOnly || !isOpen(ctx.session, `beneficiaries.${r.type}`) }));
  const [editing, setEditing] = useState<Editing | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const saver = useSaver(ctx);
  const all = ctx.data.beneficiaries;
  const childrenOf = (id: string | null) => all.filter((b) => (b.parent ?? null) === id);
  const canAdd = (kind: ApplicantType) => roles.some((r) => !r.readOnly && r.kinds.includes(kind));
  const open = (next: Editing) => {
    setNotice(null);
    setConfirming(null);
    setEditing(next);
  };
  const close = (focusId: string) => {
    setEditing(null);
    requestAnimationFrame(() => document.getElementById(focusId)?.focus());
  };

  const remove = async (b: Beneficiary) => {
    const form = ctx.data.form!;
    const result = await saver.run(() => ctx.client.deleteBeneficiary(form.id, b.id));
    setConfirming(null);
    if (result.ok) {
      ctx.update((d) => ({ ...d, beneficiaries: d.beneficiaries.filter((x) => x.id !== b.id) }));
      setNotice(null);
      requestAnimationFrame(() => document.getElementById('ownership-add-person')?.focus() ?? document.getElementById('step-title')?.focus());
    } else if ('isConflict' in result && result.isConflict) {
      setNotice(t('ownership.deleteChildrenFirst', { name: beneficiaryName(b) }));
    }
  };

  const node = (b: Beneficiary) => {
    const name = beneficiaryName(b);
    const kids = childrenOf(b.id);
    return (
      <li key={b.id} id={`ben-${b.id}`} className={`tree-node kind-${b.info.infoType.toLowerCase()}`}>
        <div className="node-card">
          <div className="node-text">
            <strong>{name}</strong>
            <span className="node-meta">
              {b.beneficiaryTypes.map((r) => t(`role.${r}` as MessageKey)).join(', ')}
              {b.ownershipPercentage != null ? ` · ${t('ownership.owns', { percent: formatPercent(locale, b.ownershipPercentage) })}` : ''}
              {b.positions.length > 0 ? ` · ${b.positions.join(', ')}` : ''}
            </span>
          </div>
          {isBeneficiaryOpen(ctx.session, b) ? (
            <div className="node-actions">
              <button
                type="button"
                id={`ben-${b.id}-edit`}
                className="button secondary small"
                aria-label={t('ownership.editTitle', { name })}
                onClick={() =>
                  open({ kind: b.info.infoType, parent: all.find((p) => p.id === b.parent) ?? null, existing: b, returnFocus: `ben-${b.id}-edit` })
                }
              >
                {t('action.edit')}
              </button>
              {confirming === b.id ? (
                <span role="group" aria-label={t('ownership.confirmDelete', { name })} className="confirm">
                  <span>{t('ownership.confirmDelete', { name })}</span>
                  <button type="button" className="button danger small" onClick={() => void remove(b)}>
                    {t('action.delete')}
                  </button>
                  <button type="button" className="button secondary small" onClick={() => setConfirming(null)}>
                    {t('action.cancel')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button secondary small"
                  aria-label={`${t('action.delete')}: ${name}`}
                  aria-describedby={kids.length > 0 ? `ben-${b.id}-kids` : undefined}
                  onClick={() => (kids.length > 0 ? setNotice(t('ownership.deleteChildrenFirst', { name })) : setConfirming(b.id))}
                >
                  {t('action.delete')}
                </button>
              )}
              {b.info.infoType === 'COMPANY' && (canAdd('INDIVIDUAL') || canAdd('COMPANY')) ? (
                <button
                  type="button"
                  id={`ben-${b.id}-add`}
                  className="button secondary small"
                  onClick={() => open({ kind: canAdd('INDIVIDUAL') ? 'INDIVIDUAL' : 'COMPANY', parent: b, existing: null, returnFocus: `ben-${b.id}-add` })}
                >
                  {t('ownership.addOwner', { name })}
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
        {kids.length > 0 ? (
          <ul id={`ben-${b.id}-kids`} className="tree" aria-label={t('ownership.ownerOf', { name })}>
            {kids.map(node)}
          </ul>
        ) : null}
      </li>
    );
  };

  return (
    <div className="ownership">
      <p className="intro">{t('ownership.intro')}</p>
      {flow?.ownershipPercentageThreshold ? (
        <p className="note">{t('ownership.threshold', { percent: formatPercent(locale, flow.ownershipPercentageThreshold) })}</p>
      ) : null}
      {flow?.ownershipFullStructure ? <p className="note">{t('ownership.fullStructure')}</p> : null}
      {roles
        .filter((r) => r.required)
        .map((r) => (
          <p key={r.type} className="note">
            {t('ownership.requiredRole', { role: t(`role.${r.type}` as MessageKey) })}
            {r.description ? ` ${r.description}` : ''}
          </p>
        ))}
      <h2 id="tree-title">{t('ownership.tree')}</h2>
      {all.length === 0 ? (
        <p className="empty">{t('ownership.empty')}</p>
      ) : (
        <ul className="tree root" aria-labelledby="tree-title">
          {childrenOf(null).map(node)}
        </ul>
      )}
      {notice ? (
        <p className="field-error" role="alert">
          {notice}
        </p>
      ) : null}
      {editing ? (
        <BeneficiaryEditor
          ctx={ctx}
          kind={editing.kind}
          parent={editing.parent}
          existing={editing.existing}
          onKindChange={(kind) => setEditing({ ...editing, kind })}
          onClose={(savedId) => close(savedId ? `ben-${savedId}-edit` : editing.returnFocus)}
        />
      ) : (
        <div className="add-buttons">
          {canAdd('INDIVIDUAL') ? (
            <button
              type="button"
              id="ownership-add-person"
              className="button secondary"
              onClick={() => open({ kind: 'INDIVIDUAL', parent: null, existing: null, returnFocus: 'ownership-add-person' })}
            >
              {t('ownership.addPerson')}
            </button>
          ) : null}
          {canAdd('COMPANY') ? (
            <button
              type="button"
              id="ownership-add-company"
              className="button secondary"
              onClick={() => open({ kind: 'COMPANY', parent: null, existing: null, returnFocus: 'ownership-add-company' })}
            >
              {t('ownership.addCompany')}
            </button>
          ) : null}
        </div>
      )}
      <div className="step-actions">
        <SaveStatus state={saver.state} onRetry={() => void saver.retry()} />
        {onNext ? (
          <button type="button" className="button primary" onClick={onNext}>
            {t('action.continue')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
