import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a whisper.cpp program lives: native/whisper/ under one of
 * the given roots (the project folder in development, process.resourcesPath when packaged,
 * which is outside the asar archive so the OS can execute it).
 */
export function findWhisperBinary(
  roots: string[],
  program: 'main' | 'server' | 'sparring-whisper-worker' = 'main',
): string {
  const exe = process.platform === 'win32' ? `${program}.exe` : program;
  const candidates = roots.map((r) => join(r, 'native', 'whisper', exe));
  return candidates.find((c) => existsSync(c)) ?? candidates[0] ?? exe;
}
