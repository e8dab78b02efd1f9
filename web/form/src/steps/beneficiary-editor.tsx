import { useEffect, useRef, useState, type FormEvent } from 'react';
import { fieldsUnder } from '../../../shared/api/errors.js';
import type { ApplicantType, Beneficiary, BeneficiaryInput, BeneficiaryType } from '../api/types.js';
import { Field } from '../components/field.js';
import { focusFirstError } from '../components/focus.js';
import { GROUP_TYPES, ValueInput, type ValueType } from '../components/value-input.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { text, type Text } from '../i18n/text.js';
import type { KybContext } from '../wizard/data.js';
import { applicantRules, roleRules } from '../wizard/flow-rules.js';
import { SaveStatus, problemText, useSaver } from '../wizard/use-saver.js';
import { companySpec, personSpec } from './field-specs.js';
import { beneficiaryName } from './names.js';
import { isOpen } from '../wizard/open-items.js';
import { isPresent } from './questionnaire-logic.js';

interface Props {
  ctx: KybContext;
  kind: ApplicantType;
  parent: Beneficiary | null;
  existing: Beneficiary | null;
  onKindChange(kind: ApplicantType): void;
  onClose(savedId: string | null): void;
}

/** Adds or edits one person or company: roles first, then the fields those roles need. */
export function BeneficiaryEditor({ ctx, kind, parent, existing, onKindChange, onClose }: Props) {
  const { t } = useI18n();
  const flow = ctx.info.flow;
  const allowed = roleRules(flow).filter((r) => r.kinds.includes(kind) && !r.readOnly && (existing !== null || isOpen(ctx.session, `beneficiaries.${r.type}`)));
  const [roles, setRoles] = useState<BeneficiaryType[]>(existing?.beneficiaryTypes ?? (allowed.length === 1 ? [allowed[0]!.type] : []));
  const [info, setInfo] = useState<Record<string, unknown>>(() => ({ ...existing?.info }));
  const [custom, setCustom] = useState<Record<string, unknown>>(() =>
    Object.fromEntries(Object.entries((existing?.info.additionalInfo ?? {}) as Record<string, { value: unknown }>).map(([k, v]) => [k, v.value])),
  );
  const [positions, setPositions] = useState<string[]>(existing?.positions ?? []);
  const [percentage, setPercentage] = useState<number | null>(existing?.ownershipPercentage ?? null);
  const [errors, setErrors] = useState<Record<string, Text | null>>({});
  const saver = useSaver(ctx);
  // GOV2: a register beneficiary's register-given fields are shown, not edited, and sent back as they are.
  const locked = new Set(ctx.registry?.lockedBeneficiaries.find((b) => b.id === existing?.id)?.fields ?? []);
  const lockedInfo = Object.fromEntries(
    [...locked].filter((f) => f.startsWith('info.')).map((f) => [f.slice(5), (existing?.info as Record<string, unknown> | undefined)?.[f.slice(5)] ?? null]),
  );
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const chosenRoles = roles.filter((r) => allowed.some((a) => a.type === r));
  const rules = applicantRules(flow, chosenRoles, kind);
  const specOf = kind === 'INDIVIDUAL' ? personSpec : companySpec;
  const labelOf = (field: string) => t(`field.${kind === 'INDIVIDUAL' ? 'person' : 'company'}.${field}` as MessageKey);
  const infoFields = rules.fields.filter((f) => f.field !== 'POSITIONS');
  const positionsRule = rules.fields.find((f) => f.field === 'POSITIONS') ?? (flow ? null : { field: 'POSITIONS', required: false });
  const title = existing
    ? t('ownership.editTitle', { name: beneficiaryName(existing) })
    : parent
      ? t('ownership.addOwner', { name: beneficiaryName(parent) })
      : t(kind === 'INDIVIDUAL' ? 'ownership.newPerson' : 'ownership.newCompany');

  const body = (): BeneficiaryInput => ({
    // The register's roles (GOV2) may be added to, not removed: any the form cannot show are kept.
    beneficiaryTypes:
      locked.has('beneficiaryTypes') && existing
        ? [...chosenRoles, ...existing.beneficiaryTypes.filter((role) => !chosenRoles.includes(role) && !allowed.some((a) => a.type === role))]
        : chosenRoles,
    info: {
      ...Object.fromEntries(
        infoFields.map((f) => {
          const { prop } = specOf(f.field);
          return [prop, info[prop] === '' ? null : (info[prop] ?? null)];
        }),
      ),
      ...lockedInfo,
      infoType: kind,
      ...(rules.custom.length > 0
        ? { additionalInfo: Object.fromEntries(rules.custom.map((c) => [c.field.key, { value: custom[c.field.key] ?? null }])) }
        : {}),
    } as BeneficiaryInput['info'],
    positions: positionsRule ? positions : (existing?.positions ?? []),
    ownershipPercentage: rules.percentage === 'hidden' ? (existing?.ownershipPercentage ?? null) : percentage,
    ...(existing ? {} : { parent: parent?.id ?? null }),
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, Text> = {};
    if (chosenRoles.length === 0) missing.beneficiaryTypes = text('ownership.rolesRequired');
    for (const f of infoFields) if (f.required && !isPresent(info[specOf(f.field).prop])) missing[specOf(f.field).prop] = text('error.required');
    for (const c of rules.custom) if (c.required && !isPresent(custom[c.field.key])) missing[`additionalInfo.${c.field.key}`] = text('error.required');
    if (positionsRule?.required && positions.length === 0) missing.positions = text('error.required');
    if (rules.percentage === 'required' && percentage === null) missing.ownershipPercentage = text('error.required');
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      focusFirstError();
      return;
    }
    const formId = ctx.data.form!.id;
    const result = await saver.run(() => (existing ? ctx.client.updateBeneficiary(formId, existing.id, body()) : ctx.client.createBeneficiary(formId, body())));
    if (!result.ok) {
      const fields = result.fields ?? {};
      const mapped = { ...fieldsUnder(fields, 'info.'), ...Object.fromEntries(Object.entries(fields).filter(([k]) => !k.startsWith('info.'))) };
      setErrors(Object.fromEntries(Object.entries(mapped).map(([k, v]) => [k, problemText(v)])));
      focusFirstError();
      return;
    }
    const saved = { ...result.value, parent: result.value.parent ?? existing?.parent ?? parent?.id ?? null };
    ctx.update((d) => ({
      ...d,
      beneficiaries: existing ? d.beneficiaries.map((b) => (b.id === saved.id ? saved : b)) : [...d.beneficiaries, saved],
      documents: existing ? d.documents : { ...d.documents, [saved.id]: [] },
    }));
    onClose(saved.id);
  };

  const field = (
    id: string,
    label: string,
    type: ValueType,
    value: unknown,
    onChange: (v: unknown) => void,
    opts: {
      required?: boolean;
      maxLength?: number | undefined;
      error?: Text | null | undefined;
      choices?: Array<{ key: string; title: string }> | undefined;
      isFromRegister?: boolean;
    } = {},
  ) => (
    <Field
      key={id}
      id={`ben-edit-${id}`}
      label={label}
      isRequired={opts.required}
      error={opts.error}
      isGroup={GROUP_TYPES.has(type)}
      hint={opts.isFromRegister ? t('register.fromRegister') : null}
    >
      {(control) => (
        <ValueInput
          type={type}
          value={value}
          control={control}
          maxLength={opts.maxLength}
          choices={opts.choices}
          isReadOnly={opts.isFromRegister}
          onChange={(v) => onChange(v)}
        />
      )}
    </Field>
  );

  return (
    <form className="editor" noValidate onSubmit={onSubmit} aria-labelledby="editor-title">
      <h2 id="editor-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {!existing && roleRules(flow).some((r) => r.kinds.length > 1 || r.kinds[0] !== kind) ? (
        <Field id="ben-edit-kind" label={t('ownership.kind')} isGroup>
          {(control) => (
            <ValueInput
              type="RADIO"
              control={control}
              value={kind}
              onChange={(v) => onKindChange(v as ApplicantType)}
              choices={[
                { key: 'INDIVIDUAL', title: t('ownership.newPerson') },
                { key: 'COMPANY', title: t('ownership.newCompany') },
              ]}
            />
          )}
        </Field>
      ) : null}
      {field('beneficiaryTypes', t('ownership.roles'), 'SELECT_MULTI', chosenRoles, (v) => setRoles(v as BeneficiaryType[]), {
        required: true,
        error: errors.beneficiaryTypes,
        choices: allowed.map((r) => ({ key: r.type, title: t(`role.${r.type}` as MessageKey) })),
      })}
      {infoFields.map((f) => {
        const spec = specOf(f.field);
        return field(spec.prop, labelOf(f.field), spec.type, info[spec.prop], (v) => setInfo((x) => ({ ...x, [spec.prop]: v })), {
          required: f.required,
          maxLength: spec.maxLength,
          error: errors[spec.prop],
          isFromRegister: locked.has(`info.${spec.prop}`),
        });
      })}
      {rules.custom.map((c) =>
        field(`custom-${c.field.key}`, c.field.title, c.field.type as ValueType, custom[c.field.key], (v) => setCustom((x) => ({ ...x, [c.field.key]: v })), {
          required: c.required,
          maxLength: 100,
          choices: c.field.choices,
          error: errors[`additionalInfo.${c.field.key}`],
        }),
      )}
      {positionsRule
        ? field('positions', t('ownership.positions'), 'LIST', positions, (v) => setPositions((v as string[]).slice(0, 3)), {
            required: positionsRule.required,
            error: errors.positions,
          })
        : null}
      {rules.percentage !== 'hidden'
        ? field(
            'ownershipPercentage',
            t('ownership.percentage'),
            'FLOAT',
            percentage,
            (v) => setPercentage(v === null ? null : Math.min(100, Math.max(0, Number(v)))),
            { required: rules.percentage === 'required', error: errors.ownershipPercentage, isFromRegister: locked.has('ownershipPercentage') },
          )
        : null}
      <div className="step-actions">
        <SaveStatus state={saver.state} onRetry={() => void saver.retry()} />
        <button type="button" className="button secondary" onClick={() => onClose(null)}>
          {t('action.cancel')}
        </button>
        <button type="submit" className="button primary">
          {t('action.save')}
        </button>
      </div>
    </form>
  );
}
