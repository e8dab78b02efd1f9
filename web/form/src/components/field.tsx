import { Field as SharedField, type FieldProps } from '../../../shared/components/field.js';
import { useI18n } from '../i18n/i18n.js';

export type { ControlProps } from '../../../shared/components/field.js';

/** The shared labelled control, with the form's translation of "required". */
export function Field(props: Omit<FieldProps, 'requiredText'>) {
  const { t } = useI18n();
  return <SharedField {...props} requiredText={t('field.required')} />;
}
