import { base64ToBytes } from '../audio/pcm';

/** Hands bytes or text to the browser as a download; the URL lives on a while so the download can start. */
export function download(fileName: string, data: Uint8Array<ArrayBuffer> | string, type = 'application/zip') {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A zip the API handed over as base64 (a pack, an attempts bundle, a review file), as a download. */
export function downloadZip<T extends { fileName: string; zipBase64: string }>(file: T): T {
  download(file.fileName, base64ToBytes(file.zipBase64));
  return file;
}
