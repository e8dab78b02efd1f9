import { useRef, useState, type FormEvent } from 'react';
import { fieldsUnder, type FieldErrors } from '../../../shared/api/errors.js';
import type { Company } from '../api/types.js';
import { Field } from '../components/field.js';
import { focusFirstError } from '../components/focus.js';
import { GROUP_TYPES, ValueInput, type ValueType } from '../components/value-input.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { text, type Text } from '../i18n/text.js';
import { loadForm, type KybContext } from '../wizard/data.js';
import { SaveStatus, problemText, useSaver } from '../wizard/use-saver.js';
import { companyFieldRules, companySpec } from './field-specs.js';
import { isOpen } from '../wizard/open-items.js';
import { isPresent } from './questionnaire-logic.js';

const HINTS: Record<string, MessageKey> = { PHONE: 'hint.phone', WEBSITE: 'hint.website' };
type Values = Record<string, unknown>;

/** Company details: only the flow's fields, in its order, with its required and read-only marks. */
export function CompanyStep({ ctx, onNext }: { ctx: KybContext; onNext: (() => void) | undefined }) {
  const { t } = useI18n();
  const flow = ctx.info.flow;
  const rules = companyFieldRules(flow);
  const customs = [...(flow?.fieldsCustom ?? [])].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity));
  const company = ctx.data.form?.company;
  const values = useRef<Values>({ ...company });
  const custom = useRef<Values>(Object.fromEntries(Object.entries(company?.additionalInfo ?? {}).map(([k, v]) => [k, v.value])));
  const [, rerender] = useState(0);
  const [errors, setErrors] = useState<Record<string, Text | null>>({});
  const isDirty = useRef(false);
  const formId = useRef(ctx.data.form?.id ?? null);
  const saver = useSaver(ctx);
  // GOV2: what the register gave is shown, not edited (the server refuses a change too).
  const locked = new Set(ctx.registry?.lockedFields ?? []);

  // The flow decides which fields exist; the server validates each against the contract.
  const body = (): Company =>
    ({
      ...Object.fromEntries(
        rules.map((r) => {
          const { prop } = companySpec(r.field);
          return [prop, emptyToNull(values.current[prop])];
        }),
      ),
      companyName: String(values.current.companyName ?? ''),
      country: String(values.current.country ?? ''),
      ...(values.current.brandNames !== undefined || rules.some((r) => r.field === 'BRAND_NAMES')
        ? { brandNames: (values.current.brandNames as string[] | undefined) ?? [] }
        : {}),
      additionalInfo: Object.fromEntries(customs.map((c) => [c.field.key, { value: emptyToNull(custom.current[c.field.key]) }])),
    }) as Company;

  const showServerErrors = (fields: FieldErrors | null) => {
    const under = fieldsUnder(fields, 'company.');
    setErrors(Object.fromEntries(Object.entries(under).map(([path, list]) => [path, problemText(list)])));
  };

  const save = async (): Promise<boolean> => {
    if (!isPresent(values.current.companyName) || !isPresent(values.current.country)) {
      saver.setState('needsBasics');
      return false;
    }
    isDirty.current = false;
    // Read when the queued save runs, not when it was asked for: an earlier save may have created the form.
    const result = await saver.run(async () => {
      if (formId.current) return { company: (await ctx.client.updateCompany(formId.current, body())).company, created: null };
      const created = await ctx.client.createForm(body());
      formId.current = created.id;
      return { company: created.company, created };
    });
    if (!result.ok) {
      showServerErrors(result.fields);
      return false;
    }
    const { company: saved, created } = result.value;
    if (!created) {
      ctx.update((d) => (d.form ? { ...d, form: { ...d.form, company: saved } } : d));
      return true;
    }
    // A new form: load it whole, since creating it can make a questionnaire appear.
    const loaded = await loadForm(ctx.client, created.id).catch(() => null);
    ctx.update((d) => loaded ?? { ...d, form: created });
    return true;
  };

  const set = (key: string, isCustom: boolean) => (value: unknown, commit: boolean) => {
    (isCustom ? custom : values).current[key] = value;
    isDirty.current = true;
    setErrors((e) => ({ ...e, [isCustom ? `additionalInfo.${key}` : key]: null }));
    rerender((n) => n + 1);
    if (commit) void save();
  };

  const onContinue = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, Text> = {};
    for (const r of rules) if (r.required && !isPresent(values.current[companySpec(r.field).prop])) missing[companySpec(r.field).prop] = text('error.required');
    for (const c of customs) if (c.required && !isPresent(custom.current[c.field.key])) missing[`additionalInfo.${c.field.key}`] = text('error.required');
    const saved = await save();
    if (Object.keys(missing).length > 0) {
      setErrors((e) => ({ ...e, ...missing }));
      focusFirstError();
      return;
    }
    if (saved) onNext?.();
    else focusFirstError();
  };

  return (
    <form
      noValidate
      onSubmit={onContinue}
      onBlur={() => {
        if (isDirty.current) void save();
      }}
    >
      <p className="intro">{flow?.description || t('company.intro')}</p>
      {ctx.registry?.company ? <p className="note">{t(ctx.registry.mode === 'GOV2' ? 'register.lockedNote' : 'register.prefilled')}</p> : null}
      {rules.map((rule) => {
        const spec = companySpec(rule.field);
        const id = `company-${spec.prop}`;
        const isFromRegister = locked.has(spec.prop);
        const isReadOnly = rule.readOnly || isFromRegister || !isOpen(ctx.session, `company.${spec.prop}`);
        return (
          <Field
            key={rule.field}
            id={id}
            label={t(`field.company.${rule.field}` as MessageKey)}
            isRequired={rule.required}
            hint={isFromRegister ? t('register.fromRegister') : isReadOnly ? t('field.readOnly') : HINTS[rule.field] ? t(HINTS[rule.field]!) : null}
            error={errors[spec.prop]}
            isGroup={GROUP_TYPES.has(spec.type)}
          >
            {(control) => (
              <ValueInput
                type={spec.type}
                value={values.current[spec.prop]}
                maxLength={spec.maxLength}
                isReadOnly={isReadOnly}
                control={control}
                onChange={set(spec.prop, false)}
              />
            )}
          </Field>
        );
      })}
      {customs.length > 0 ? <h2>{t('company.custom')}</h2> : null}
      {customs.map(({ field, required, readOnly }) => {
        const isReadOnly = readOnly === true || !isOpen(ctx.session, `company.additionalInfo.${field.key}`);
        return (
          <Field
            key={field.key}
            id={`company-custom-${field.key}`}
            label={field.title}
            isRequired={required === true}
            hint={isReadOnly ? t('field.readOnly') : field.description || null}
            error={errors[`additionalInfo.${field.key}`]}
            isGroup={GROUP_TYPES.has(field.type)}
          >
            {(control) => (
              <ValueInput
                type={field.type as ValueType}
                value={custom.current[field.key]}
                choices={field.choices}
                maxLength={100}
                isReadOnly={isReadOnly}
                control={control}
                onChange={set(field.key, true)}
              />
            )}
          </Field>
        );
      })}
      <div className="step-actions">
        <SaveStatus state={saver.state} onRetry={() => void save()} />
        <button type="submit" className="button primary">
          {t('action.continue')}
        </button>
      </div>
    </form>
  );
}

function emptyToNull(value: unknown): unknown {
  return value === '' || value === undefined ? null : value;
}
