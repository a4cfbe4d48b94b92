// Lint keeps the process boundaries honest (ARCHITECTURE.md rule 3):
// core/ never imports Electron or the front ends; the renderer never imports Node, SQLite or core code.
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * Front ends reach core only through its one door, core/index.ts (ARCHITECTURE.md rule 1; issue "Core as services").
 */
const coreOnlyThroughIndex = {
  group: ['**/core/*', '**/core/**', '!**/core/index', '!**/core'],
  message: 'Reach core through its one door: import from "../core" (core/index.ts).',
};
const restrict = (patterns, paths = []) => ['error', { patterns, paths }];

export default tseslint.config(
  { ignores: ['out/**', 'native/**', 'node_modules/**', 'test/fixtures/generated/**', 'scratch/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Prettier wraps code at 120 columns; this also holds the strings and comments it leaves alone.
      'max-len': ['error', { code: 120, ignoreUrls: true }],
    },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'core/ runs in plain Node (CLI, tests, browser bridge): no Electron here.' },
          ],
          patterns: [
            {
              group: ['**/api/*', '**/electron/*', '**/web/*', '**/cli/*', '**/preload/*'],
              message: 'core/ must not depend on its front ends.',
            },
          ],
        },
      ],
      // Configuration is read at the edges (electron/, web/, cli/) and passed in.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'core/ reads no environment: take it as configuration (config.ts).',
        },
      ],
    },
  },
  {
    // Storage keeps rows; scores are computed by the services above it.
    files: ['src-main/core/storage/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        {
          group: ['../scoring/*', '../scoring/**', '**/core/scoring/**'],
          message: 'storage/ stores; it does not score. Compute in a service, store the result.',
        },
        {
          group: ['../practice/*', '../history/*', '../review/*', '../voice/*', '../transcription/*'],
          message: 'storage/ must not depend on the services that use it.',
        },
      ]),
    },
  },
  {
    // The preload is bundled alone into a sandboxed CommonJS file: the contract, the client and the channel names,
    // nothing else.
    files: ['src-main/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [
          {
            group: [
              '**/core',
              '**/core/**',
              '**/web/**',
              '**/cli/**',
              '**/api/handlers',
              '**/api/dispatch',
              '**/api/in-process',
              '**/api/media-response',
            ],
            message: 'The preload exposes the contract over IPC and nothing else.',
          },
          {
            group: ['**/electron/*', '!**/electron/channels'],
            message: 'The preload may share only channel names with main.',
          },
        ],
        nodeBuiltins.map((name) => ({ name, message: 'A sandboxed preload has no Node.' })),
      ),
    },
  },
  {
    files: ['src-main/api/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [
          coreOnlyThroughIndex,
          {
            group: ['**/electron/**', '**/web/**', '**/cli/**', '**/preload/**'],
            message: 'api/ is the contract between every front end and core: it depends on none of them.',
          },
        ],
        [{ name: 'electron', message: 'api/ is shared by every transport: no Electron here.' }],
      ),
    },
  },
  {
    files: ['src-main/web/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [
          coreOnlyThroughIndex,
          {
            group: ['**/electron/**', '**/cli/**', '**/preload/**'],
            message: 'The browser bridge is its own front end.',
          },
        ],
        [{ name: 'electron', message: 'The browser bridge runs in plain Node.' }],
      ),
    },
  },
  {
    files: ['src-main/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [
          coreOnlyThroughIndex,
          {
            group: ['**/electron/**', '**/web/**', '**/preload/**'],
            message: 'The CLI is its own front end: it calls core through api/in-process.',
          },
        ],
        [{ name: 'electron', message: 'The CLI runs in plain Node.' }],
      ),
    },
  },
  {
    files: ['src-main/electron/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        coreOnlyThroughIndex,
        { group: ['**/web/**', '**/cli/**'], message: 'The Electron shell is its own front end.' },
      ]),
    },
  },
  {
    // No import cycles anywhere in the source (services stay layered: context < services < composition root < front
    // ends).
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: [
      'src-renderer/**/*.{ts,tsx}',
      'src-main/web/browser-bridge.ts',
      'src-main/api/client.ts',
      'src-main/api/contract.ts',
    ],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The renderer is a sandboxed web page: no Node built-ins.',
            })),
            { name: 'better-sqlite3', message: 'The renderer reaches data only through window.api.' },
            { name: 'electron', message: 'The renderer reaches the app only through window.api.' },
          ],
          patterns: [
            {
              group: ['**/src-main/core/*', '**/src-main/core/**', '../core/*', '../core/**'],
              allowTypeImports: true,
              message: 'Only types may come from core; call window.api instead.',
            },
            {
              group: ['**/src-main/{electron,web,cli,preload}/**'],
              message: 'The renderer talks to the core only through window.api.',
            },
          ],
        },
      ],
    },
  },
  {
    // Node's types are loaded for the renderer's type check (its API types come from core); its globals are not there
    // at run time.
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({
          name,
          message: 'The renderer is a web page: no Node globals.',
        })),
      ],
    },
  },
);
