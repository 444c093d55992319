// @ts-check
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Stages below the facade: they never see the terminal (STYLE.md §3). */
const STAGES = ['text', 'load', 'chunk', 'embed', 'store', 'ingest', 'retrieve', 'answer', 'eval', 'shared', 'config'];

const layering = STAGES.map((stage) => ({
  files: [`src/${stage}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['**/ui/**', '**/cli/**'], message: 'stages never import the UI or the CLI' },
          { group: ['ink', 'react', 'ink-*'], message: 'only src/ui renders' },
          ...(stage === 'eval' ? [] : [{ group: ['**/eval/**'], message: 'nothing imports eval' }]),
        ],
      },
    ],
    'no-restricted-properties': [
      'error',
      { object: 'process', property: 'env', message: 'only src/cli reads the environment' },
      { object: 'process', property: 'argv', message: 'only src/cli reads argv' },
      { object: 'process', property: 'exit', message: 'only src/cli decides exit codes' },
    ],
    'no-console': 'error',
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'embeddings/', 'dist/', 'coverage/', '.scratch/', 'bin/', 'bench/peer/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      'prefer-const': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  ...layering,
);
