/**
 * tlsMode 1/2 with REST sharing the gRPC port. 2.4.13+ (listener_manager.go, PR #36459) fail in
 * Server.Prepare() — Milvus does not start (milvus-io/milvus#46312); older versions only serve
 * port sharing with tlsMode 0, so REST silently disappears.
 */
import { formatMilvusVersion, isAtLeastVersion } from '../compose';
import { readBool, readString } from '../config';
import type { RuleContext } from './context';
import { anchorFor, entryInDocument } from './context';
import type { RuleFinding } from './types';

export const SHARED_PORT_STARTUP_ERROR = 'proxy server(http) and external grpc server share the same port, tls mode must be 0';

export function restPortRules(ctx: RuleContext): RuleFinding[] {
  const mode = ctx.tlsMode.mode;
  if (mode !== 1 && mode !== 2) return [];
  if (!readBool(ctx.effective, 'proxy.http.enabled', true).value) return [];
  const httpPort = readString(ctx.effective, 'proxy.http.port').value.trim();
  const grpcPort = readString(ctx.effective, 'proxy.port', '19530').value.trim() || '19530';
  if (httpPort !== '' && httpPort !== grpcPort) return [];
  const refuses = isAtLeastVersion(ctx.version, '2.4.13');
  const version = ctx.version ? `Milvus ${formatMilvusVersion(ctx.version)}` : 'Milvus 2.4.13 and later';
  const portText = httpPort === '' ? 'proxy.http.port is empty, so REST shares' : `proxy.http.port equals proxy.port, so REST shares`;
  const message = refuses
    ? `tlsMode ${mode} while ${portText} the gRPC port ${grpcPort}: ${version} refuses to start ("${SHARED_PORT_STARTUP_ERROR}"). Set proxy.http.port to a separate port such as 8080, or proxy.http.enabled: false.`
    : `tlsMode ${mode} while ${portText} the gRPC port ${grpcPort}: ${version} silently stops serving REST (2.4.13+ refuse to start). Set proxy.http.port to a separate port such as 8080, or proxy.http.enabled: false.`;
  const httpPortEntry = entryInDocument(ctx, 'proxy.http.port');
  return [
    {
      code: 'rest-port-shared-with-tls',
      severity: refuses ? 'error' : 'warning',
      message,
      range: httpPortEntry ? httpPortEntry.keyRange : anchorFor(ctx, ['common.security.tlsMode', 'proxy.http.enabled']),
      data: { fix: 'rest-port', httpPortKey: 'proxy.http.port', httpEnabledKey: 'proxy.http.enabled' },
    },
  ];
}
