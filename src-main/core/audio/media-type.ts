import { extname } from 'node:path';

const AUDIO_TYPES: Record<string, string> = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/mp4',
};

/** The Content-Type for a media file (recordings, scenario clips, synthesised lines), by extension. */
export function mediaType(file: string): string {
  return AUDIO_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
