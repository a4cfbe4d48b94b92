import { promisify } from 'node:util';
import { crc32, inflateRaw } from 'node:zlib';

/** zlib's inflate on libuv's thread pool: a large pack never stalls the bridge or the window. */
const inflateRawAsync = promisify(inflateRaw);

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

/** One entry of a zip's central directory (its table of contents). */
interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  crc: number;
  localOffset: number;
}

/**
 * Unpacks a zip that came from someone else, refusing before anything is inflated what could hurt:
 * a zip over the size limit, a path that escapes its folder, a file of a kind not expected
 * (`kindProblem` says why, or null), the same name twice, too many files, or more bytes than
 * allowed (judged by each entry's declared size, so a zip bomb is never expanded). Each entry is
 * then inflated with its declared size as a hard stop: one that would grow past it is stopped
 * there and refused (not inflated whole first), and each is checked against its CRC. Every reason
 * is collected in `reasons`; the files come back only when there are none. Nothing is written.
 * Inflating happens off the main thread, one entry at a time (memory stays at one entry's size).
 */
export async function unzipChecked(
  zip: Uint8Array,
  limits: ZipLimits,
  kindProblem: (name: string) => string | null,
  reasons: string[],
  what = 'a file',
): Promise<Map<string, Uint8Array> | null> {
  if (zip.length > limits.zipBytes) {
    reasons.push(`the zip is ${mb(zip.length)}; it may be at most ${limits.zipBytes / 1048576} MB`);
    return null;
  }
  const before = reasons.length;
  const entries = centralDirectory(zip);
  if (!entries) {
    reasons.push('it is not a readable zip file (its table of contents is missing or damaged)');
    return null;
  }
  const files = entries.filter((e) => !e.name.endsWith('/'));
  const counts = new Map<string, number>();
  for (const e of files) counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
  for (const [name, n] of counts) if (n > 1) reasons.push(`"${name}" is in the zip ${n} times`);
  let declaredTotal = 0;
  for (const e of files) {
    const unsafe = unsafePath(e.name);
    const kind = unsafe ? null : kindProblem(e.name);
    if (unsafe) reasons.push(`"${e.name}" ${unsafe}; every file must stay inside its folder`);
    else if (kind) reasons.push(`"${e.name}" ${kind}`);
    else if (e.size > limits.fileBytes)
      reasons.push(`"${e.name}" is ${mb(e.size)} unpacked; ${what} may be at most ${limits.fileBytes / 1048576} MB`);
    else if (e.flags & 1) reasons.push(`"${e.name}" is encrypted; Sparring reads plain zips`);
    else if (e.method !== 0 && e.method !== 8) reasons.push(`"${e.name}" is packed in a way Sparring does not read`);
    declaredTotal += e.size;
  }
  if (files.length > limits.files) reasons.push(`it holds ${files.length} files; at most ${limits.files} are allowed`);
  if (declaredTotal > limits.totalBytes)
    reasons.push(`it unpacks to ${mb(declaredTotal)}; at most ${limits.totalBytes / 1048576} MB is allowed`);
  if (reasons.length > before) return null;

  const out = new Map<string, Uint8Array>();
  for (const e of files) {
    const data = await inflateEntry(zip, e);
    if (typeof data === 'string') reasons.push(`"${e.name}" ${data}`);
    else if (crc32(data) !== e.crc) reasons.push(`"${e.name}" is damaged (its checksum does not match)`);
    else out.set(e.name, data);
  }
  return reasons.length > before ? null : out;
}

/** An entry's bytes, inflated no further than the size it declares; or why not. */
async function inflateEntry(zip: Uint8Array, e: ZipEntry): Promise<Uint8Array | string> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (e.localOffset + 30 > zip.length || view.getUint32(e.localOffset, true) !== 0x04034b50)
    return 'is damaged (its header is missing)';
  const start =
    e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  if (start + e.compressedSize > zip.length) return 'is damaged (cut short)';
  const packed = zip.subarray(start, start + e.compressedSize);
  if (e.method === 0) return packed.length === e.size ? packed : 'is damaged (its size does not match)';
  if (e.size === 0 && e.compressedSize === 0) return new Uint8Array(0); // an empty file, as some zippers write it
  try {
    // One byte more than declared is allowed, so growing past the declaration is seen, and stopped.
    const data = await inflateRawAsync(packed, { maxOutputLength: Math.max(1, e.size + 1) });
    return data.length === e.size ? new Uint8Array(data.buffer, data.byteOffset, data.length) : 'says a wrong size';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
      ? `unpacks to more than the ${e.size < 1048576 ? `${e.size} bytes` : mb(e.size)} it declares`
      : 'is damaged (it does not unpack)';
  }
}

/** The zip's central directory, or null when it is missing, damaged or uses ZIP64 (over 4 GB). */
function centralDirectory(zip: Uint8Array): ZipEntry[] | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder();
  const latin1 = new TextDecoder('latin1');
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const flags = view.getUint16(at + 8, true);
    const nameBytes = zip.subarray(at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      // Bit 11 says the name is UTF-8; older zippers write their own code page (read byte for byte).
      name: (flags & 0x800 ? utf8 : latin1).decode(nameBytes),
      flags,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) return null;
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}
