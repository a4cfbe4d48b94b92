import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { safeStorage } from 'electron';
import type { TeamCredentials } from '../core';

/**
 * The team store's URL (its password included) encrypted with Electron's safeStorage: the
 * system keychain (macOS Keychain, Windows DPAPI, the Secret Service on Linux) holds the key, and
 * the data folder holds only ciphertext (team-url.bin). Where the system offers no encryption
 * (a Linux session without a keyring), nothing is written: the URL lasts until the app closes,
 * and Settings → Team says so. SPARRING_TEAM_DATABASE_URL, when set, wins and is never written.
 */
export function safeStorageCredentials(dataDir: string, fromEnvironment: string | null): TeamCredentials {
  const file = join(dataDir, 'team-url.bin');
  if (fromEnvironment) return { load: () => fromEnvironment, save: () => undefined, kept: 'environment' };
  const encrypted = safeStorage.isEncryptionAvailable();
  let memory: string | null = null;
  return {
    kept: encrypted ? 'safe-storage' : 'memory',
    load() {
      if (!encrypted) return memory;
      if (!existsSync(file)) return null;
      try {
        return safeStorage.decryptString(readFileSync(file));
      } catch {
        return null; // written under another user's key: ask again
      }
    },
    save(url) {
      if (!encrypted) {
        memory = url;
        return;
      }
      if (url === null) {
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, safeStorage.encryptString(url));
      renameSync(`${file}.tmp`, file);
    },
  };
}
