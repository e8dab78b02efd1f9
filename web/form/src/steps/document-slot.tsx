import { useState } from 'react';
import { ownUrl } from '../api/own-url.js';
import type { Document } from '../api/types.js';
import { RequiredMark } from '../components/field.js';
import { useI18n } from '../i18n/i18n.js';
import { say, text, type Text } from '../i18n/text.js';
import { formatPercent } from '../../../shared/i18n/format.js';
import { COMPANY_OWNER, type KybContext } from '../wizard/data.js';
import { isBeneficiaryOpen, isOpen } from '../wizard/open-items.js';
import { useSaver } from '../wizard/use-saver.js';
import { docLabel, slotId } from './names.js';
import { checkFile, isPreviewable, toBase64 } from './upload.js';

interface Props {
  ctx: KybContext;
  owner: string;
  type: string;
  isRequired: boolean;
  description?: string | null | undefined;
  /** Announces finished uploads and removals in the step's live region. */
  announce(text: string): void;
}

/** One document type of one owner: its files with previews, upload with progress, replace, delete. */
export function DocumentSlot({ ctx, owner, type, isRequired, description, announce }: Props) {
  const { t, locale } = useI18n();
  const docs = (ctx.data.documents[owner] ?? []).filter((d) => d.type === type);
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<{ url: string; mime: string } | null>(null);
  const [error, setError] = useState<Text | null>(null);
  const saver = useSaver(ctx);
  const formId = ctx.data.form!.id;
  const beneficiaryId = owner === COMPANY_OWNER ? null : owner;
  const id = slotId(owner, type);
  const label = docLabel(t, type);
  const ownerRow = ctx.data.beneficiaries.find((b) => b.id === beneficiaryId);
  const canChange = ownerRow ? isBeneficiaryOpen(ctx.session, ownerRow) : isOpen(ctx.session, `documents.${type}`);

  const setDocs = (change: (list: Document[]) => Document[]) =>
    ctx.update((d) => ({ ...d, documents: { ...d.documents, [owner]: change(d.documents[owner] ?? []) } }));

  const upload = async (file: File, replacing: Document | null) => {
    setError(null);
    const checked = await checkFile(file);
    if (!checked.ok) {
      setError(text(checked.problem === 'tooLarge' ? 'documents.tooLarge' : 'documents.badType'));
      return;
    }
    const localUrl = URL.createObjectURL(file);
    setPreview({ url: localUrl, mime: checked.mime });
    setProgress(0);
    const body = { type, filename: file.name.slice(0, 100), file: toBase64(checked.bytes) };
    const result = await saver.run(() => ctx.client.uploadDocument(formId, beneficiaryId, body, setProgress));
    setProgress(null);
    setPreview(null);
    URL.revokeObjectURL(localUrl);
    if (!result.ok) {
      setError(text(result.fields?.file?.some((m) => /large|size/i.test(m)) ? 'documents.tooLarge' : result.fields ? 'documents.badType' : 'error.generic'));
      return;
    }
    setDocs((list) => [...list, result.value]);
    // There is no replace endpoint: the new file is stored first, so a failure keeps the old one.
    if (replacing) await remove(replacing, false);
    announce(t('documents.uploaded', { name: file.name }));
  };

  const remove = async (doc: Document, shouldAnnounce = true) => {
    const result = await saver.run(() => ctx.client.deleteDocument(formId, beneficiaryId, doc.id));
    if (!result.ok) {
      setError(text('error.generic'));
      return;
    }
    setDocs((list) => list.filter((d) => d.id !== doc.id));
    if (shouldAnnounce) announce(t('documents.deleted', { name: doc.filename ?? label }));
  };

  const fileButton = (replacing: Document | null, text: string, inputId: string) => (
    <label className={`button secondary file-button${replacing ? ' small' : ''}`}>
      <input
        id={inputId}
        className="file-input"
        type="file"
        accept="image/jpeg,image/png,image/gif,image/webp,image/heic,image/heif,application/pdf,.heic,.heif"
        disabled={progress !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void upload(file, replacing);
        }}
      />
      {text}
    </label>
  );

  return (
    <div className="doc-slot" role="group" aria-labelledby={`${id}-label`} data-doc-type={type}>
      <p id={`${id}-label`} className="doc-label">
        {label}
        {isRequired ? <RequiredMark /> : null}
      </p>
      {description ? <p className="hint">{description}</p> : null}
      <ul className="doc-files">
        {docs.map((doc, i) => {
          const name = doc.filename ?? label;
          return (
            <li key={doc.id} className="doc-file">
              <Thumb url={ownUrl(doc.file)} mime={doc.filename} alt={t('documents.preview', { name })} />
              <a href={ownUrl(doc.file)} target="_blank" rel="noreferrer noopener" className="doc-name">
                {name}
              </a>
              {canChange ? (
                <span className="doc-actions">
                  {fileButton(doc, t('documents.replace'), i === 0 ? `${id}-replace` : `${id}-replace-${i}`)}
                  <button type="button" className="button secondary small" onClick={() => void remove(doc)} aria-label={`${t('action.delete')}: ${name}`}>
                    {t('action.delete')}
                  </button>
                </span>
              ) : null}
            </li>
          );
        })}
        {preview && progress !== null ? (
          <li className="doc-file uploading">
            <Thumb url={preview.url} mime={preview.mime} alt="" />
            <progress max={1} value={progress} aria-label={t('documents.uploading', { percent: formatPercent(locale, progress * 100) })} />
            <span aria-hidden="true">{formatPercent(locale, progress * 100)}</span>
          </li>
        ) : null}
      </ul>
      {canChange && (docs.length === 0 || !isRequired) ? fileButton(null, t('documents.upload', { type: label }), id) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {say(t, error)}
        </p>
      ) : null}
    </div>
  );
}

/** A fixed-size preview box, so nothing moves when an image arrives. */
function Thumb({ url, mime, alt }: { url: string; mime: string | null; alt: string }) {
  if (isPreviewable(mime)) return <img className="thumb" src={url} alt={alt} width={56} height={56} />;
  // The badge shows the file's extension (a code, not words), or PDF when only the type is known.
  const extension = /\.(\w{1,5})$/.exec(mime ?? '')?.[1]?.toUpperCase() ?? (/pdf/i.test(mime ?? '') ? 'PDF' : '');
  return (
    <span className="thumb file-badge" aria-hidden="true">
      {extension}
    </span>
  );
}
