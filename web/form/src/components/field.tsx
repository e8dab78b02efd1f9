import { Field as SharedField, type FieldProps as SharedFieldProps } from '../../../shared/components/field.js';
import { useI18n } from '../i18n/i18n.js';
import { say, type Text } from '../i18n/text.js';

export type { ControlProps } from '../../../shared/components/field.js';

type FieldProps = Omit<SharedFieldProps, 'requiredText' | 'error'> & {
  /** Kept untranslated, so it changes language with the page. */
  error?: Text | null;
};

/** The shared labelled control, with the form's translation of "required" and its error worded in the page's language. */
export function Field({ error, ...props }: FieldProps) {
  const { t } = useI18n();
  return <SharedField {...props} error={error ? say(t, error) : null} requiredText={t('field.required')} />;
}

/** The asterisk after a required field's label, read out as "required". */
export function RequiredMark() {
  const { t } = useI18n();
  return (
    <span className="required-mark">
      {' '}
      *<span className="visually-hidden"> {t('field.required')}</span>
    </span>
  );
}
