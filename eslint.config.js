// Lint keeps the process boundaries honest (ARCHITECTURE.md rule 3):
// core/ never imports Electron or the front ends; the renderer never imports Node, SQLite or core code.
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['out/**', 'native/**', 'node_modules/**', 'test/fixtures/generated/**', 'scratch/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'core/ runs in plain Node (CLI, tests, browser bridge): no Electron here.' }],
          patterns: [{ group: ['**/api/*', '**/electron/*', '**/web/*', '**/cli/*', '**/preload/*'], message: 'core/ must not depend on its front ends.' }],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}', 'src-main/web/browser-bridge.ts', 'src-main/api/client.ts', 'src-main/api/contract.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer is a sandboxed web page: no Node built-ins.' })),
            { name: 'better-sqlite3', message: 'The renderer reaches data only through window.api.' },
            { name: 'electron', message: 'The renderer reaches the app only through window.api.' },
          ],
          patterns: [
            { group: ['**/src-main/core/*', '**/src-main/core/**', '../core/*', '../core/**'], allowTypeImports: true, message: 'Only types may come from core; call window.api instead.' },
            { group: ['**/src-main/{electron,web,cli,preload}/**'], message: 'The renderer talks to the core only through window.api.' },
          ],
        },
      ],
    },
  },
);
