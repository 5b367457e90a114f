// Files in the case's personakt: the list, upload (file picker or drag and drop, with progress),
// an inline preview of PDFs and images, and "Skriv brev" (a letter from a template, stored as PDF).
import { useId, useRef, useState, type DragEvent } from 'react';
import type { CaseFileView } from '../../shared/files-api';
import { ApiError } from '../api/client';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { ErrorPanel, Loading } from '../ui/Status';
import { MAX_UPLOAD_BYTES, useCaseFiles, useUploadFile } from './api';
import { FilePreview } from './FilePreview';
import { LetterForm } from './LetterForm';
import { formatFileSize, useFilesT } from './messages';
import './files.css';

interface UploadState { key: number; name: string; progress: number; status: 'uploading' | 'done' | 'error'; message: string; detail?: string }

function FileIcon({ file }: { file: CaseFileView }) {
  const kind = file.preview === 'pdf' ? 'pdf' : file.preview === 'image' ? 'image' : 'doc';
  return (
    <svg className={`icon file-icon file-icon--${kind}`} width={20} height={20} viewBox="0 0 24 24" fill="none" stroke="currentColor"
      strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M14 3H6v18h12V7l-4-4Zm0 0v4h4" />
      {kind === 'image' && <path d="m8 17 3-4 2 2 1.5-2 1.5 4Z" />}
      {kind !== 'image' && <path d="M9 12h6M9 16h6" />}
    </svg>
  );
}

export function FilesPanel({ caseId, area }: { caseId: string; /** The case's area, to offer its letter templates first. */ area?: string }) {
  const m = useFilesT();
  const { lang } = useI18n();
  const id = useId();
  const files = useCaseFiles(caseId);
  const upload = useUploadFile(caseId);
  const [uploads, setUploads] = useState<UploadState[]>([]);
  const [description, setDescription] = useState('');
  const [dragging, setDragging] = useState(false);
  const [preview, setPreview] = useState<CaseFileView | null>(null);
  const [letterOpen, setLetterOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const nextKey = useRef(1);
  const letterButton = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const patch = (key: number, change: Partial<UploadState>) => setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));

  async function uploadAll(list: FileList | File[]) {
    const chosen = Array.from(list);
    setUploads([]); // a new batch: earlier messages are done with
    for (const file of chosen) {
      const key = nextKey.current++;
      const state: UploadState = { key, name: file.name, progress: 0, status: 'uploading', message: m.uploading(file.name) };
      if (file.size > MAX_UPLOAD_BYTES) Object.assign(state, { status: 'error', message: m.tooLarge(file.name) });
      else if (file.size === 0) Object.assign(state, { status: 'error', message: m.emptyFile(file.name) });
      setUploads((all) => [state, ...all]);
      if (state.status === 'error') continue;
      setAnnouncement(state.message);
      try {
        const stored = await upload.mutateAsync({ file, description, onProgress: (p) => patch(key, { progress: p }) });
        patch(key, { status: 'done', progress: 1, message: m.uploaded(stored.name) });
        setAnnouncement(m.uploaded(stored.name));
      } catch (err) {
        // The server says what was wrong (Swedish problem detail), e.g. which file types are allowed.
        const detail = err instanceof ApiError ? (err.detail ?? err.title) : undefined;
        patch(key, { status: 'error', message: m.uploadFailed(file.name), detail });
        setAnnouncement('');
      }
    }
    setDescription('');
    if (fileInput.current) fileInput.current.value = '';
  }

  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  const onDragOver = (e: DragEvent<HTMLElement>) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    if (!dragging) setDragging(true);
  };
  const onDragLeave = (e: DragEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (e: DragEvent<HTMLElement>) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setDragging(false);
    void uploadAll(e.dataTransfer.files);
  };

  const errors = uploads.filter((u) => u.status === 'error');
  const active = uploads.filter((u) => u.status === 'uploading');

  return (
    <section className={dragging ? 'card files-panel files-panel--dragging' : 'card files-panel'} aria-labelledby={`${id}-h`}
      onDragOver={onDragOver} onDragEnter={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      <div className="files-head">
        <h2 id={`${id}-h`}>{m.heading}</h2>
        <button ref={letterButton} type="button" className="button button--secondary" aria-expanded={letterOpen} aria-controls={`${id}-letter`}
          onClick={() => setLetterOpen((o) => !o)}>
          <Icon name="pen" size={16} />{m.writeLetter}
        </button>
      </div>
      <p className="muted">{m.lead}</p>

      {dragging && <p className="files-drop" aria-hidden="true">{m.dropHere}</p>}

      <div className="files-upload">
        <div className="field">
          <label htmlFor={`${id}-desc`}>{m.description}</label>
          <p id={`${id}-desc-hint`} className="hint">{m.descriptionHint}</p>
          <input id={`${id}-desc`} type="text" maxLength={500} value={description} aria-describedby={`${id}-desc-hint`}
            onChange={(e) => setDescription(e.target.value)} />
        </div>
        <div className="file-picker">
          <input ref={fileInput} id={`${id}-file`} type="file" multiple className="file-picker-input" aria-describedby={`${id}-file-hint`}
            onChange={(e) => { if (e.target.files?.length) void uploadAll(e.target.files); }} />
          <label htmlFor={`${id}-file`} className="button">{m.chooseFile}</label>
          <p id={`${id}-file-hint`} className="hint">{m.uploadHint}</p>
        </div>
      </div>

      {active.map((u) => (
        <div key={u.key} className="files-progress">
          <progress max={1} value={u.progress} aria-label={m.progressLabel(u.name)} />
          <span>{u.message} {Math.round(u.progress * 100)} %</span>
        </div>
      ))}
      <p className="visually-hidden" role="status" aria-live="polite">{announcement}</p>
      <div role="alert">
        {errors.map((u) => (
          <div key={u.key} className="notice notice--error files-error">
            <Icon name="alert" />
            <div>
              <p><strong>{u.message}</strong></p>
              {u.detail && <p lang="sv">{u.detail}</p>}
            </div>
          </div>
        ))}
      </div>

      {letterOpen && (
        <LetterForm id={`${id}-letter`} caseId={caseId} area={area}
          onCancel={() => { setLetterOpen(false); letterButton.current?.focus(); }}
          onCreated={(file) => { setLetterOpen(false); setAnnouncement(m.letterCreated(file.name)); setPreview(file); }} />
      )}

      {files.isPending ? <Loading /> : files.isError ? <ErrorPanel error={files.error} onRetry={() => void files.refetch()} /> : (
        files.data.items.length === 0 ? <p className="files-empty">{m.empty}</p> : (
          <div className="table-scroll">
            <table className="table table--compact files-table">
              <caption>{m.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.colName}</th>
                  <th scope="col">{m.colType}</th>
                  <th scope="col" className="num">{m.colSize}</th>
                  <th scope="col">{m.colDate}</th>
                  <th scope="col">{m.colBy}</th>
                </tr>
              </thead>
              <tbody>
                {files.data.items.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">
                      <span className="files-name">
                        <FileIcon file={f} />
                        <a href={f.contentUrl} className="strong-link" aria-label={f.preview === 'none' ? m.download(f.name) : m.show(f.name)}
                          onClick={(e) => {
                            if (f.preview === 'none' || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
                            e.preventDefault();
                            setPreview(f);
                          }}>
                          {f.name}
                        </a>
                      </span>
                      {f.kind !== 'upload' && <span className="badge badge--status">{m.kind[f.kind]}</span>}
                      {f.description && <span className="block muted files-description">{f.description}</span>}
                    </th>
                    <td>{f.typeLabel}</td>
                    <td className="num nowrap">{formatFileSize(f.size, lang)}</td>
                    <td className="nowrap"><time dateTime={f.uploadedAt}>{formatDateTime(f.uploadedAt, lang)}</time></td>
                    <td>{f.uploadedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}

      {preview && <FilePreview file={preview} onClose={() => setPreview(null)} returnFocus={() => letterButton.current?.focus()} />}
    </section>
  );
}
