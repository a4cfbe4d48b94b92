import { type BaseWindow, dialog, shell } from 'electron';

/**
 * Opens a web link in the system browser, but only after the user has seen where it goes: a
 * link in the page (a scenario's source, a pasted note) must not send them anywhere silently.
 * Anything but http(s) is ignored: `file:`, custom schemes and the like would run local handlers.
 */
export async function openExternalLinkAfterConfirmation(parent: BaseWindow, url: string): Promise<void> {
  let link: URL;
  try {
    link = new URL(url);
  } catch {
    return;
  }
  if (link.protocol !== 'http:' && link.protocol !== 'https:') return;
  // The normalised href (host in punycode) is both what is shown and what is opened.
  const { response } = await dialog.showMessageBox(parent, {
    type: 'question',
    message: 'Open this link in your browser?',
    detail: link.href,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  if (response === 0) await shell.openExternal(link.href);
}
