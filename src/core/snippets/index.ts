// Connection snippets for Milvus clients over TLS, with the workspace's real paths. Pure text: the
// editor copies them, the tests execute the curl and Node ones against real TLS servers.
import { curlSnippet } from './curl';
import { goSdkSnippet } from './goSdk';
import { javaSdkSnippet } from './javaSdk';
import { nodeSdkSnippet } from './nodeSdk';
import { pymilvusSnippet } from './pymilvus';
import type { Snippet, SnippetInput } from './types';

export type { Snippet, SnippetInput, SnippetTlsMode } from './types';
export { DEFAULT_HTTP_PORT, TOKEN_ENV } from './types';
export { curlSnippet, goSdkSnippet, javaSdkSnippet, nodeSdkSnippet, pymilvusSnippet };

export type SnippetClientId = 'pymilvus' | 'node' | 'go' | 'java' | 'curl';

export interface SnippetClient {
  id: SnippetClientId;
  label: string;
  description: string;
  generate(input: SnippetInput): Snippet;
}

/** In the order the quick pick shows them. */
export const SNIPPET_CLIENTS: readonly SnippetClient[] = [
  { id: 'pymilvus', label: 'Python (pymilvus)', description: 'MilvusClient', generate: pymilvusSnippet },
  { id: 'node', label: 'Node.js (@zilliz/milvus2-sdk-node)', description: 'MilvusClient', generate: nodeSdkSnippet },
  { id: 'go', label: 'Go (milvusclient)', description: 'client/v2 with a tls.Config', generate: goSdkSnippet },
  { id: 'java', label: 'Java (milvus-sdk-java v2)', description: 'ConnectConfig', generate: javaSdkSnippet },
  { id: 'curl', label: 'curl (REST API)', description: 'POST /v2/vectordb/collections/list', generate: curlSnippet },
];
