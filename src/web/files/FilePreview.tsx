// A modal preview of a PDF (the browser's PDF viewer in an iframe) or an image. A native <dialog>:
// focus moves into it and stays there, Esc closes it, and focus returns to what opened it.
import { useEffect, useId, useRef } from 'react';
import type { CaseFileView } from '../../shared/files-api';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { formatFileSize, useFilesT } from './messages';

export function FilePreview({ file, onClose, returnFocus }: { file: CaseFileView; onClose: () => void; returnFocus?: () => void }) {
  const m = useFilesT();
  const { lang } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const onCloseRef = useRef(onClose);
  const returnFocusRef = useRef(returnFocus);
  useEffect(() => { onCloseRef.current = onClose; returnFocusRef.current = returnFocus; });

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const el = dialog.current;
    if (!el) return;
    if (!el.open) el.showModal();
    closeButton.current?.focus();
    const handleClose = () => onCloseRef.current();
    el.addEventListener('close', handleClose);
    return () => {
      el.removeEventListener('close', handleClose);
      if (el.open) el.close();
      if (opener && opener !== document.body && document.contains(opener)) opener.focus();
      else returnFocusRef.current?.();
    };
  }, [file.id]);

  const title = m.previewOf(file.name);
  return (
    <dialog ref={dialog} className="file-preview" aria-labelledby={`${id}-h`}
      // A click on the backdrop (outside the dialog box) closes it too.
      onClick={(e) => { if (e.target === dialog.current) dialog.current?.close(); }}>
      <div className="file-preview-head">
        <div>
          <h2 id={`${id}-h`}>{file.name}</h2>
          <p className="muted">
            {file.typeLabel}, {formatFileSize(file.size, lang)}. {m.uploadedBy(file.uploadedBy, formatDateTime(file.uploadedAt, lang))}
          </p>
        </div>
        <div className="button-row">
          <a className="button button--secondary button--small" href={file.contentUrl} target="_blank" rel="noopener noreferrer">
            {m.openInNewTab}
          </a>
          <button ref={closeButton} type="button" className="button button--small" onClick={() => dialog.current?.close()}>{m.close}</button>
        </div>
      </div>
      <div className="file-preview-body">
        {file.preview === 'pdf' && <iframe src={file.contentUrl} title={title} className="file-preview-frame" />}
        {file.preview === 'image' && <img src={file.contentUrl} alt={file.description ?? title} className="file-preview-image" />}
      </div>
    </dialog>
  );
}
