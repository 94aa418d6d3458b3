// What a connection snippet needs: the same facts for every client, so the five generators cannot
// disagree about a path or a server name. Paths are host paths as the user's program will open them.

export type SnippetTlsMode = 1 | 2;

export interface SnippetInput {
  /** Milvus `common.security.tlsMode`: 1 one-way, 2 mutual (client certificate). */
  mode: SnippetTlsMode;
  host: string;
  /** External gRPC port (`proxy.port`, 19530). */
  port: number;
  /** REST port (`proxy.http.port`); curl uses 8080 when unknown, with a comment. */
  httpPort?: number;
  /** Name the server certificate holds; omitted from the snippet when it equals `host`. */
  serverName?: string;
  /** The CA that signed the server certificate (ca.pem). */
  caPath: string;
  /** Client certificate and key: used in mode 2 only. */
  certPath?: string;
  keyPath?: string;
  /**
   * Whether Milvus wants credentials (authorizationEnabled, or credentials stored): the snippet
   * then reads them from TOKEN_ENV at run time, so no secret is ever written into a snippet.
   */
  auth: boolean;
}

/** The variable the snippets read "user:password" or an API token from. */
export const TOKEN_ENV = 'MILVUS_TOKEN';

/** The default REST port of the Milvus docs' TLS recipe (`proxy.http.port: 8080`). */
export const DEFAULT_HTTP_PORT = 8080;

export interface Snippet {
  /** VS Code language id for "Open in Editor". */
  language: string;
  text: string;
}

/** Mode 2 needs both client files; a generator that gets neither cannot produce a working snippet. */
export function clientFiles(input: SnippetInput): { certPath: string; keyPath: string } {
  if (input.certPath === undefined || input.keyPath === undefined) {
    throw new Error('mutual TLS (tlsMode 2) needs the client certificate and key');
  }
  return { certPath: input.certPath, keyPath: input.keyPath };
}

/**
 * The server name every snippet states explicitly (default: the host): pymilvus and the Java SDK
 * only check the right name when told, and the Java SDK's one-way path overrides the authority
 * with it unconditionally, so leaving it out is never better.
 */
export function serverNameOf(input: SnippetInput): string {
  return input.serverName !== undefined && input.serverName !== '' ? input.serverName : input.host;
}
