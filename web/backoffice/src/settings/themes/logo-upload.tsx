import { useState, type ChangeEvent } from 'react';
import { Field } from '../../components/field.js';
import { useI18n } from '../../i18n/i18n.js';
import { useAction, useSettingsApi } from '../common.js';

const MAX_LOGO_BYTES = 512 * 1024;

const readAsDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

/**
 * A logo image stored on this server (the server decides the type by its content and refuses
 * SVG); its address replaces the theme's logo in the draft, so the preview shows it at once.
 */
export function LogoUpload({ onUploaded }: { onUploaded(url: string): void }) {
  const { t } = useI18n();
  const api = useSettingsApi();
  const action = useAction();
  const [done, setDone] = useState(false);
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setDone(false);
    if (!file) return;
    void action.run(async () => {
      // The server checks too; this spares sending a file it would refuse.
      if (file.size > MAX_LOGO_BYTES) return t('themes.logoTooLarge', { size: String(Math.ceil(file.size / 1024)) });
      const uploaded = await api.uploadThemeLogo(await readAsDataUrl(file));
      onUploaded(uploaded.url);
      setDone(true);
      return null;
    });
  };
  return (
    <>
      <Field id="theme-logo-file" label={t('themes.logoUpload')} hint={t('themes.logoUploadHint')} error={action.error}>
        {(c) => <input {...c} type="file" accept="image/png,image/jpeg,image/webp" disabled={action.isBusy} onChange={choose} />}
      </Field>
      <p role="status" className="saved">
        {done ? t('themes.logoUploaded') : ''}
      </p>
    </>
  );
}
