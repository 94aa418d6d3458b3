// Inputs shared by the snippet tests: the docs' layout, and a folder whose name needs quoting.
import type { SnippetInput } from '../../../src/core/snippets';

export const MODE1: SnippetInput = {
  mode: 1,
  host: 'localhost',
  port: 19530,
  httpPort: 8080,
  serverName: 'localhost',
  caPath: '/ws/tls/ca.pem',
  auth: false,
};

export const MODE2: SnippetInput = {
  ...MODE1,
  mode: 2,
  certPath: '/ws/tls/client.pem',
  keyPath: '/ws/tls/client.key',
};

/** Spaces, both quotes, a backslash and a dollar: every language's special characters at once. */
export const AWKWARD_DIR = `/ws/it's a "dir" \\ $HOME`;

export const AWKWARD: SnippetInput = {
  ...MODE2,
  caPath: `${AWKWARD_DIR}/ca.pem`,
  certPath: `${AWKWARD_DIR}/client.pem`,
  keyPath: `${AWKWARD_DIR}/client.key`,
};
