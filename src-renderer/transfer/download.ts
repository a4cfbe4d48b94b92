/** Hands bytes or text to the browser as a download; the URL lives on a while so the download can start. */
export function download(fileName: string, data: Uint8Array<ArrayBuffer> | string, type = 'application/zip') {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
