// Type-checked lint for src/ and test/. src/core stays free of the editor: it is shared by the
// extension, the language server and the CLI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
      'no-console': 'error',
      // A cast to never (or of a yaml node's toJSON()) switches the strict checks off; yamlSource's
      // guards (rangeOfNode, mapEntries, seqItems, fieldsOf) narrow yaml's unknowns instead.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSNeverKeyword.typeAnnotation',
          message: 'No `as never`: narrow with a type guard (yamlSource has them for yaml nodes).',
        },
        {
          selector: "TSAsExpression > CallExpression.expression[callee.property.name='toJSON']",
          message: 'No casts of toJSON(): read a yaml mapping with fieldsOf/plainValue, which are bounded and resolve aliases.',
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*'],
              message: 'src/core is pure: no editor or LSP imports.',
            },
          ],
        },
      ],
    },
  },
  {
    // The CLI and tests talk to a terminal; that is their job.
    files: ['src/cli/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
