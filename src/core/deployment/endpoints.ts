/**
 * The addresses a client dials: gRPC on proxy.port and REST on proxy.http.port, as published on the
 * host (compose `ports:`), each with where it came from. The host is this machine unless the user
 * says otherwise: Docker publishes ports on localhost, and `kubectl port-forward` does too.
 */
import type { EffectiveConfig } from '../config/effectiveConfig';
import { readBool, readInt, readString } from '../config/typedValues';
import type { PathApi } from '../workspace';
import { fromDefault, fromEffectiveValue } from './provenance';
import type { Endpoint, Provenance, Traced } from './types';

export const DEFAULT_GRPC_PORT = 19530;

/** Maps a container port to the host port that reaches it; undefined when it is not published. */
export interface PortPublisher {
  publishedPort(containerPort: number): Traced<number> | undefined;
  /** "the compose service "standalone" does not publish it" */
  unpublishedNote: string;
}

const LOCALHOST: Traced<string> = {
  value: 'localhost',
  from: fromDefault('this machine (published ports and port-forwards listen on localhost)'),
};

function endpoint(port: number, portFrom: Provenance, publisher: PortPublisher | undefined): Endpoint {
  const published = publisher?.publishedPort(port);
  if (published) return { host: LOCALHOST, port: published };
  const note = publisher ? `; ${publisher.unpublishedNote}` : '';
  return { host: LOCALHOST, port: { value: port, from: { ...portFrom, text: `${portFrom.text}${note}` } } };
}

export function resolveEndpoints(
  effective: EffectiveConfig,
  publisher: PortPublisher | undefined,
  root: string,
  pathApi: PathApi,
): { grpc: Endpoint; rest: Endpoint | undefined } {
  const grpcRead = readInt(effective, 'proxy.port', DEFAULT_GRPC_PORT);
  const grpcPort = grpcRead.valid && grpcRead.value > 0 && grpcRead.value < 65536 ? grpcRead.value : DEFAULT_GRPC_PORT;
  const grpcFrom = grpcRead.entry
    ? fromEffectiveValue(grpcRead.entry, root, pathApi)
    : fromDefault(`proxy.port's default ${DEFAULT_GRPC_PORT}`);
  const grpc = endpoint(grpcPort, grpcFrom, publisher);
  if (!readBool(effective, 'proxy.http.enabled', true).value) return { grpc, rest: undefined };
  const httpRead = readString(effective, 'proxy.http.port');
  const httpText = httpRead.value.trim();
  const httpPort = /^\d+$/.test(httpText) ? Number(httpText) : NaN;
  // Empty or equal to proxy.port: REST shares the gRPC port (only without TLS), no endpoint of its own.
  if (!Number.isInteger(httpPort) || httpPort < 1 || httpPort > 65535 || httpPort === grpcPort || !httpRead.entry) {
    return { grpc, rest: undefined };
  }
  return { grpc, rest: endpoint(httpPort, fromEffectiveValue(httpRead.entry, root, pathApi), publisher) };
}
