import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where whisper.cpp's `main` lives: $SPARRING_WHISPER_BIN, else native/whisper/ under one of
 * the given roots (the project folder in development, process.resourcesPath when packaged,
 * which is outside the asar archive so the OS can execute it).
 */
export function findWhisperBinary(roots: string[], program: 'main' | 'server' | 'sparring-whisper-worker' = 'main'): string {
  const exe = process.platform === 'win32' ? `${program}.exe` : program;
  if (process.env.SPARRING_WHISPER_BIN && program === 'main') return process.env.SPARRING_WHISPER_BIN;
  const candidates = roots.map((r) => join(r, 'native', 'whisper', exe));
  return candidates.find((c) => existsSync(c)) ?? candidates[0] ?? exe;
}
