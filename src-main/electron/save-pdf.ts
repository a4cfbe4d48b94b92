import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { app, type BrowserWindow, dialog } from 'electron';

/**
 * A report as PDF from the app's own renderer: asks where to save, then prints the page as it is
 * (its print styles hide the app's chrome) with Chromium's printToPDF. Null when cancelled.
 */
export async function savePageAsPdf(window: BrowserWindow, fileName: string): Promise<{ saved: string | null }> {
  const name = `${
    basename(fileName)
      .replace(/\.pdf$/i, '')
      .replace(/[^\p{L}\p{N} ._-]+/gu, '-') || 'report'
  }.pdf`;
  const { canceled, filePath } = await dialog.showSaveDialog(window, {
    defaultPath: join(documentsFolder(), name),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (canceled || !filePath) return { saved: null };
  // A name typed without the extension still gets it.
  const target = /\.pdf$/i.test(filePath) ? filePath : `${filePath}.pdf`;
  const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  await writeFile(target, pdf);
  return { saved: target };
}

/** The Documents folder, or home where the system has none (a Linux without XDG folders). */
function documentsFolder(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}
