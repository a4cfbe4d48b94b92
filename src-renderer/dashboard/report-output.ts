import { api } from '../api';

/** A CSV text offered as a download (Electron asks where to save it; a browser saves it). */
export function downloadCsv(fileName: string, csv: string): void {
  // A byte-order mark so a spreadsheet reads names with accents as UTF-8.
  const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The page as a printable report: in the app, a PDF saved by Electron's printToPDF; in a browser,
 * its own Print dialog (where "Save as PDF" is one of the printers). Print styles hide the app's chrome.
 */
export async function printReport(fileName: string): Promise<string | null> {
  const info = await api.app.info({});
  if (info.transport === 'electron') return (await api.report.savePdf({ fileName })).saved;
  window.print();
  return null;
}
