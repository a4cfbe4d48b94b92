import { crc32 } from 'node:zlib';
import { unzipSync } from 'fflate';

/** How much a zip from someone else may hold. */
export interface ZipLimits {
  /** The zip itself. */
  zipBytes: number;
  /** Any one file once unpacked. */
  fileBytes: number;
  totalBytes: number;
  files: number;
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** Why a path from a zip may not be written, or null when it is safe. */
export function unsafePath(name: string): string | null {
  if (name.includes('\\')) return 'uses backslashes';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  const parts = name.split('/');
  if (parts.includes('..')) return 'climbs out of its folder with ".."';
  if (parts.some((p) => p === '' || p === '.' || p.includes('\0'))) return 'has an empty or "." segment';
  return null;
}

/**
 * Unpacks a zip that came from someone else, refusing before anything is inflated what could hurt:
 * a zip over the size limit, a path that escapes its folder, a file of a kind not expected
 * (`kindProblem` says why, or null), too many files, or more bytes than allowed (judged by each
 * entry's declared size, so a zip bomb is never expanded; an entry that inflates past what it
 * declared is refused too). Every reason is collected in `reasons`; the files come back only when
 * there are none. Nothing is written anywhere.
 */
export function unzipChecked(
  zip: Uint8Array,
  limits: ZipLimits,
  kindProblem: (name: string) => string | null,
  reasons: string[],
  what = 'a file',
): Map<string, Uint8Array> | null {
  if (zip.length > limits.zipBytes) {
    reasons.push(`the zip is ${mb(zip.length)}; it may be at most ${limits.zipBytes / 1048576} MB`);
    return null;
  }
  let declaredTotal = 0;
  let count = 0;
  const before = reasons.length;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(zip, {
      filter: (entry) => {
        if (entry.name.endsWith('/')) return false;
        count++;
        const unsafe = unsafePath(entry.name);
        const kind = unsafe ? null : kindProblem(entry.name);
        if (unsafe) reasons.push(`"${entry.name}" ${unsafe}; every file must stay inside its folder`);
        else if (kind) reasons.push(`"${entry.name}" ${kind}`);
        else if (entry.originalSize > limits.fileBytes) {
          reasons.push(
            `"${entry.name}" is ${mb(entry.originalSize)} unpacked; ${what} may be at most ` +
              `${limits.fileBytes / 1048576} MB`,
          );
        }
        declaredTotal += entry.originalSize;
        return reasons.length === before && declaredTotal <= limits.totalBytes && count <= limits.files;
      },
    });
  } catch (error) {
    reasons.push(`it is not a readable zip file (${(error as Error).message})`);
    return null;
  }
  if (count > limits.files) reasons.push(`it holds ${count} files; at most ${limits.files} are allowed`);
  if (declaredTotal > limits.totalBytes)
    reasons.push(`it unpacks to ${mb(declaredTotal)}; at most ${limits.totalBytes / 1048576} MB is allowed`);
  // fflate neither checks CRCs nor notices an entry that inflates past its declared size (it stops
  // there): the central directory's CRC of each entry catches both, and a damaged file.
  const crcs = centralDirectoryCrcs(zip);
  if (!crcs) reasons.push('its table of contents is missing or damaged');
  else {
    for (const [name, n] of crcs.counts) if (n > 1) reasons.push(`"${name}" is in the zip ${n} times`);
    for (const [name, data] of Object.entries(raw))
      if (crcs.crc.get(name) !== crc32(data)) reasons.push(`"${name}" is damaged (its checksum does not match)`);
  }
  return reasons.length > before ? null : new Map(Object.entries(raw));
}

/** Each entry's CRC-32 as the zip's central directory records it (and how often each name occurs), or null. */
function centralDirectoryCrcs(zip: Uint8Array): { crc: Map<string, number>; counts: Map<string, number> } | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const crc = new Map<string, number>();
  const counts = new Map<string, number>();
  const decoder = new TextDecoder();
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    crc.set(name, view.getUint32(at + 16, true));
    counts.set(name, (counts.get(name) ?? 0) + 1);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { crc, counts };
}
