import { Field as SharedField, type FieldProps } from '../../../shared/components/field.js';
import { useI18n } from '../i18n/i18n.js';

/** The hosted form's labelled control (web/shared), with the back office's "required". */
export function Field(props: Omit<FieldProps, 'requiredText'>) {
  const { t } = useI18n();
  return <SharedField {...props} requiredText={t('field.required')} />;
}
