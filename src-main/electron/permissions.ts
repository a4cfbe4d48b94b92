/**
 * The one rule for web permissions in the app: the microphone and notifications (the opt-in daily
 * reminder, which Settings checks through the page's Notification API), for our own page only.
 * Electron-free, so the unit tests check it without launching Electron.
 */

/** The parts of Electron's permission details this rule reads (request and check handlers differ). */
export interface PermissionDetails {
  /** Permission requests: every device asked for at once (getUserMedia may ask for several). */
  mediaTypes?: readonly string[];
  /** Permission checks: the one device being checked; 'unknown' when Chromium cannot tell. */
  mediaType?: string;
  requestingUrl?: string;
}

/**
 * Whether to grant `permission` to the frame at `url`. Only 'media' is ever granted, and only
 * when every device asked for is a microphone: a camera, an empty list or a device type we
 * do not know is refused, since the app only ever records audio.
 */
export function allowPermission(
  permission: string,
  details: PermissionDetails,
  url: string,
  isOwnPage: (url: string) => boolean,
): boolean {
  if (!isOwnPage(url)) return false;
  if (permission === 'notifications') return true;
  if (permission !== 'media') return false;
  const devices = details.mediaTypes ?? (details.mediaType === undefined ? [] : [details.mediaType]);
  return devices.length > 0 && devices.every((device) => device === 'audio');
}
