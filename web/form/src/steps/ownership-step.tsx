import { useEffect, useRef, useState } from 'react';
import type { ApplicantType, Beneficiary, RegistryProposal } from '../api/types.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { say, text, type Text } from '../i18n/text.js';
import { formatPercent } from '../../../shared/i18n/format.js';
import type { KybContext } from '../wizard/data.js';
import { roleRules } from '../wizard/flow-rules.js';
import { gapText, ownershipGaps } from '../wizard/ownership-gaps.js';
import type { StepId } from '../wizard/data.js';
import { isBeneficiaryOpen, isOpen } from '../wizard/open-items.js';
import { StepActions } from '../components/step-actions.js';
import { SaveStatus, useSaver } from '../wizard/use-saver.js';
import { BeneficiaryEditor } from './beneficiary-editor.js';
import { beneficiaryName } from './names.js';

type Editing = { kind: ApplicantType; parent: Beneficiary | null; existing: Beneficiary | null; returnFocus: string };

/** The buttons that add an owner at the top of the tree; each id is where focus returns after the editor. */
const ADD_BUTTONS: { kind: ApplicantType; id: string; label: MessageKey }[] = [
  { kind: 'INDIVIDUAL', id: 'ownership-add-person', label: 'ownership.addPerson' },
  { kind: 'COMPANY', id: 'ownership-add-company', label: 'ownership.addCompany' },
];

/** Ownership structure: people and companies, their roles and shares, as a tree. */
interface Props {
  ctx: KybContext;
  onNext: (() => void) | undefined;
  /** Set while the user tried to leave with something missing: the list shows, with "continue anyway". */
  leavingTo: StepId | null;
  onLeaveAnyway: (() => void) | undefined;
}

export function OwnershipStep({ ctx, onNext, leavingTo, onLeaveAnyway }: Props) {
  const { t, locale } = useI18n();
  const flow = ctx.info.flow;
  // While information is requested, only open roles may be added.
  const roles = roleRules(flow).map((r) => ({ ...r, readOnly: r.readOnly || !isOpen(ctx.session, `beneficiaries.${r.type}`) }));
  const [editing, setEditing] = useState<Editing | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<Text | null>(null);
  const saver = useSaver(ctx);
  const all = ctx.data.beneficiaries;
  // Worked out from the data at every render: the list shrinks as the user adds what it names.
  const gaps = ownershipGaps(flow, all);
  const isWarning = leavingTo !== null && gaps.length > 0;
  const missingBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (leavingTo) missingBox.current?.focus();
  }, [leavingTo]);
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

  // GOV1: the register's officers and owners no beneficiary is yet; GOV2: the ones added from the register.
  const proposals = ctx.registry?.proposedBeneficiaries ?? [];
  const fromRegister = new Set((ctx.registry?.lockedBeneficiaries ?? []).map((b) => b.id));
  const refreshRegistry = () => {
    const form = ctx.data.form;
    if (ctx.registry && form) void ctx.client.registry(form.id).then(ctx.setRegistry, () => undefined);
  };
  const accept = async (proposal: RegistryProposal) => {
    const form = ctx.data.form!;
    const result = await saver.run(() => ctx.client.createBeneficiary(form.id, proposal.beneficiary));
    if (!result.ok) return;
    const saved = result.value;
    ctx.update((d) => ({ ...d, beneficiaries: [...d.beneficiaries, saved], documents: { ...d.documents, [saved.id]: [] } }));
    ctx.setRegistry({ ...ctx.registry!, proposedBeneficiaries: proposals.filter((p) => p.key !== proposal.key) });
    requestAnimationFrame(() => document.getElementById(`ben-${saved.id}-edit`)?.focus());
  };

  const remove = async (b: Beneficiary) => {
    const form = ctx.data.form!;
    const result = await saver.run(() => ctx.client.deleteBeneficiary(form.id, b.id));
    setConfirming(null);
    if (result.ok) {
      ctx.update((d) => ({ ...d, beneficiaries: d.beneficiaries.filter((x) => x.id !== b.id) }));
      // A removed register person is proposed again.
      refreshRegistry();
      setNotice(null);
      requestAnimationFrame(() => document.getElementById('ownership-add-person')?.focus() ?? document.getElementById('step-title')?.focus());
    } else if ('isConflict' in result && result.isConflict) {
      setNotice(text('ownership.deleteChildrenFirst', { name: beneficiaryName(b) }));
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
            {fromRegister.has(b.id) ? <span className="badge">{t('register.badge')}</span> : null}
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
              {fromRegister.has(b.id) ? null : confirming === b.id ? (
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
                  onClick={() => (kids.length > 0 ? setNotice(text('ownership.deleteChildrenFirst', { name })) : setConfirming(b.id))}
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
        .filter((r) => !isWarning && gaps.some((g) => g.kind === 'role' && g.role === r.type))
        .map((r) => (
          <p key={r.type} className="note">
            {t('ownership.requiredRole', { role: t(`role.${r.type}` as MessageKey) })}
            {r.description ? ` ${r.description}` : ''}
          </p>
        ))}
      {proposals.length > 0 && roles.some((r) => !r.readOnly) ? (
        <section className="note proposals" aria-labelledby="proposals-title">
          <h2 id="proposals-title">{t('register.proposed')}</h2>
          <p>{t('register.proposedHint')}</p>
          <ul className="proposal-list">
            {proposals.map((proposal) => {
              const info = proposal.beneficiary.info as { infoType: string; name?: string; surname?: string; companyName?: string };
              const name = info.infoType === 'INDIVIDUAL' ? `${info.name} ${info.surname}` : (info.companyName ?? '');
              return (
                <li key={proposal.key} className="node-card">
                  <div className="node-text">
                    <strong>{name}</strong>
                    <span className="node-meta">{(proposal.beneficiary.beneficiaryTypes ?? []).map((r) => t(`role.${r}` as MessageKey)).join(', ')}</span>
                  </div>
                  <button
                    type="button"
                    className="button secondary small"
                    aria-label={t('register.acceptLabel', { name })}
                    onClick={() => void accept(proposal)}
                  >
                    {t('register.accept')}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <h2 id="tree-title">{t('ownership.tree')}</h2>
      {all.length === 0 ? (
        <p className="empty">{t('ownership.empty')}</p>
      ) : (
        <ul className="tree root" aria-labelledby="tree-title">
          {childrenOf(null).map(node)}
        </ul>
      )}
      {isWarning ? (
        <div ref={missingBox} className="error-summary" role="alert" tabIndex={-1} id="ownership-missing">
          <h2>{t('ownership.missing')}</h2>
          <ul>
            {gaps.map((gap) => (
              <li key={JSON.stringify(gap)}>{say(t, gapText(gap, all, ctx.data.form?.company.companyName ?? '', locale))}</li>
            ))}
          </ul>
          <p>{t('ownership.continueLater')}</p>
          <button type="button" className="button secondary" onClick={onLeaveAnyway}>
            {t('ownership.continueAnyway')}
          </button>
        </div>
      ) : null}
      {notice ? (
        <p className="field-error" role="alert">
          {say(t, notice)}
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
          {ADD_BUTTONS.filter(({ kind }) => canAdd(kind)).map(({ kind, id, label }) => (
            <button key={id} type="button" id={id} className="button secondary" onClick={() => open({ kind, parent: null, existing: null, returnFocus: id })}>
              {t(label)}
            </button>
          ))}
        </div>
      )}
      <StepActions status={<SaveStatus state={saver.state} onRetry={() => void saver.retry()} />} onNext={onNext} />
    </div>
  );
}
