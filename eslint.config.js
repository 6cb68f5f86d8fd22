import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // src/config.ts is the only reader of the environment.
    files: ['src/**/*.ts'],
    ignores: ['src/config.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings through src/config.ts.' }],
    },
  },
  {
    // The core and the knowledge layer stay platform-neutral: no chat libraries, no terminal I/O.
    files: ['src/core/**/*.ts', 'src/knowledge/**/*.ts', 'src/quiz/**/*.ts', 'src/onboarding/**/*.ts', 'src/explain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['discord.js', '@slack/bolt', 'readline', 'node:readline', 'ws'],
          patterns: ['**/adapters/**', '@discordjs/*', '@slack/*'],
        },
      ],
    },
  },
  {
    // Adapters never import each other.
    files: ['src/adapters/discord/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/adapters/slack/**', '**/adapters/shell/**', '../slack/**', '../shell/**'] }] },
  },
  {
    files: ['src/adapters/slack/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/adapters/discord/**', '**/adapters/shell/**', '../discord/**', '../shell/**'] }] },
  },
  {
    files: ['src/adapters/shell/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/adapters/discord/**', '**/adapters/slack/**', '../discord/**', '../slack/**'] }] },
  },
);
