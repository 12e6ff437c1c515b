import { LdDownloadEvent } from '../events/admin.js';

/**
 * Offers a file to the user: dispatches a cancelable `ld-download` from `source` and, unless a host
 * cancelled it to save the file its own way, saves the blob through an object URL and `a[download]`.
 * The blob is passed on as is, so binary bytes reach the file unchanged.
 * @returns True when the browser download was started, false when a host took it over.
 */
export function offerDownload(source: HTMLElement, fileName: string, blob: Blob): boolean {
  const event = new LdDownloadEvent({ fileName, blob });
  source.dispatchEvent(event);
  if (event.defaultPrevented) return false;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; give it time to start.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return true;
}

/** Wraps bytes from the server in a Blob without copying or re-encoding them. */
export function binaryBlob(bytes: Uint8Array | ArrayBuffer | Blob): Blob {
  if (bytes instanceof Blob) return bytes;
  return new Blob([bytes as BlobPart], { type: 'application/octet-stream' });
}

/** A file-name-safe form of a text (activation ids, model names). */
export function safeFileName(text: string, fallback = 'file'): string {
  const cleaned = text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return cleaned || fallback;
}
