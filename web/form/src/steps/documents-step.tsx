import { useState } from 'react';
import { StepActions } from '../components/step-actions.js';
import { useI18n } from '../i18n/i18n.js';
import { COMPANY_OWNER, type KybContext } from '../wizard/data.js';
import { applicantRules, companyDocRules, type DocRule } from '../wizard/flow-rules.js';
import { DocumentSlot } from './document-slot.js';
import { beneficiaryName, docLabel } from './names.js';

/** Documents: the flow's types for the company and for each person or company in the structure. */
export function DocumentsStep({ ctx, onNext }: { ctx: KybContext; onNext: (() => void) | undefined }) {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  const groups = [
    { owner: COMPANY_OWNER, title: t('documents.company'), ...companyDocRules(ctx.info.flow) },
    ...ctx.data.beneficiaries.map((b) => ({
      owner: b.id,
      title: t('documents.for', { name: beneficiaryName(b) }),
      ...applicantRules(ctx.info.flow, b.beneficiaryTypes, b.info.infoType),
    })),
  ].filter((g) => g.documents.length > 0);
  return (
    <div className="documents">
      <p className="intro">{t('documents.intro')}</p>
      {groups.length === 0 ? <p className="empty">{t('documents.none')}</p> : null}
      {groups.map((g) => (
        <section key={g.owner} className="doc-group" aria-labelledby={`docs-${g.owner}`}>
          <h2 id={`docs-${g.owner}`}>{g.title}</h2>
          {g.isAnyDocument ? (
            <AnyTypeSlots ctx={ctx} owner={g.owner} rules={g.documents} announce={setAnnouncement} />
          ) : (
            g.documents.map((d) => (
              <DocumentSlot
                key={d.docType}
                ctx={ctx}
                owner={g.owner}
                type={d.docType}
                isRequired={d.required}
                description={d.description}
                announce={setAnnouncement}
              />
            ))
          )}
        </section>
      ))}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <StepActions status={<span />} onNext={onNext} />
    </div>
  );
}

/** Without a flow any type may be uploaded: the user picks the type, then the file. */
function AnyTypeSlots({ ctx, owner, rules, announce }: { ctx: KybContext; owner: string; rules: DocRule[]; announce(text: string): void }) {
  const { t } = useI18n();
  const present = [...new Set((ctx.data.documents[owner] ?? []).map((d) => d.type))];
  const [added, setAdded] = useState<string[]>([]);
  const shown = [...present, ...added.filter((type) => !present.includes(type))];
  const selectId = `doc-${owner}-add`;
  return (
    <>
      {shown.map((type) => (
        <DocumentSlot key={type} ctx={ctx} owner={owner} type={type} isRequired={false} announce={announce} />
      ))}
      <div className="field">
        <label htmlFor={selectId}>{t('documents.addType')}</label>
        <select
          id={selectId}
          value=""
          onChange={(e) => {
            const type = e.target.value;
            if (type) setAdded((a) => [...a, type]);
          }}
        >
          <option value="">{t('value.choose')}</option>
          {rules
            .filter((r) => !shown.includes(r.docType))
            .map((r) => (
              <option key={r.docType} value={r.docType}>
                {docLabel(t, r.docType)}
              </option>
            ))}
        </select>
      </div>
    </>
  );
}
