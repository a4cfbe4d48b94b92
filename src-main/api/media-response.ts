import { OutsideDataDirError, parseByteRange, SparringError, mediaType, type Core } from '../core';
import { statSync } from 'node:fs';

/** What to answer a media request with: a byte range of a file to stream, or an error with its status. */
export type MediaResponse =
  | { kind: 'file'; status: 200 | 206; headers: Record<string, string>; file: string; start: number; end: number }
  | { kind: 'error'; status: 403 | 404 | 416; headers: Record<string, string>; body: string };

const error = (
  status: 403 | 404 | 416,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): MediaResponse => ({
  kind: 'error',
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ error: { code, message } }),
});

/**
 * One media answer for both transports (Electron's sparring-media:// protocol and the browser
 * bridge's /media/): which file a media path names (core decides; nothing outside the data
 * folder), its type, and Range support so <audio> can seek.
 */
export function mediaResponse(
  core: Pick<Core, 'voice'>,
  mediaPath: string,
  rangeHeader: string | null | undefined,
): MediaResponse {
  let file: string;
  try {
    file = core.voice.mediaFile(mediaPath);
  } catch (e) {
    if (e instanceof SparringError) return error(404, e.code, e.message);
    return error(403, 'outside_data_dir', e instanceof OutsideDataDirError ? e.message : 'Bad media path.');
  }
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    return error(404, 'not_found', 'No such recording.');
  }
  const range = parseByteRange(rangeHeader ?? undefined, size);
  if (range === 'unsatisfiable')
    return error(416, 'range_not_satisfiable', 'The requested range is outside the file.', {
      'content-range': `bytes */${size}`,
    });
  const { start, end } = range ?? { start: 0, end: size - 1 };
  return {
    kind: 'file',
    status: range ? 206 : 200,
    headers: {
      'content-type': mediaType(file),
      'accept-ranges': 'bytes',
      'content-length': String(end - start + 1),
      ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
    },
    file,
    start,
    end,
  };
}
