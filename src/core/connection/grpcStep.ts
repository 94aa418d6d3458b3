// Step d: a real Milvus RPC with @grpc/grpc-js, the stack of the Node SDK and Attu. GetVersion takes
// an empty message (zero bytes on the wire), so no .proto file is needed; the answer is read by hand.
//
// Authentication is sent like pymilvus and the Node SDK do it: metadata `authorization` =
// base64("user:password") or base64(token); Milvus' interceptor decodes it and splits on ":".
import * as grpc from '@grpc/grpc-js';
import type { SecureContext } from 'node:tls';
import { isIP } from 'node:net';
import { causes } from './causes';
import type { ClassifyContext } from './classify';
import { classifyByText } from './classify';
import { decodeGetVersionResponse } from './protobuf';
import type { Cause } from './types';
import { reportText } from '../visibleText';
import type { StepContext, StepOutcome } from './stepRunner';
import { onAbort, throwIfAborted } from './stepRunner';

export const GET_VERSION_PATH = '/milvus.proto.milvus.MilvusService/GetVersion';

export interface GrpcStepInput {
  target: string;
  host: string;
  serverName: string;
  secureContext: SecureContext;
  token?: string;
  classify: ClassifyContext;
  /** What the TLS step saw instead of an HTTP/2 answer, when it did: no gRPC call can work. */
  notHttp2Answer?: string;
}

export interface GrpcFacts {
  version?: string;
}

interface CallResult {
  error?: grpc.ServiceError;
  response?: Buffer;
}

function call(input: GrpcStepInput, context: StepContext): Promise<CallResult> {
  const options: grpc.ChannelOptions = {};
  // The override is both SNI and the name checked; an IP equal to the host needs none (and an IP
  // SNI is not allowed).
  if (input.serverName !== input.host && !isIP(input.serverName)) options['grpc.ssl_target_name_override'] = input.serverName;
  const client = new grpc.Client(input.target, grpc.credentials.createFromSecureContext(input.secureContext), options);
  const metadata = new grpc.Metadata();
  if (input.token !== undefined) metadata.add('authorization', Buffer.from(input.token, 'utf8').toString('base64'));
  return new Promise<CallResult>((resolve) => {
    const pending = client.makeUnaryRequest(
      GET_VERSION_PATH,
      (request: Buffer) => request,
      (response: Buffer) => response,
      Buffer.alloc(0),
      metadata,
      { deadline: context.deadline },
      (error, response) => {
        removeAbort();
        client.close();
        resolve(error ? { error } : { response });
      },
    );
    const removeAbort = onAbort(context.signal, () => {
      pending.cancel();
      client.close();
    });
  });
}

function authSummary(input: GrpcStepInput): string {
  return input.token !== undefined ? 'TLS works; Milvus rejected the credentials.' : 'TLS works; Milvus wants credentials.';
}

/**
 * The TLS step passed before this one runs, so a failure here is not about TLS. grpc-js reports
 * what broke the connection or the stream as UNAVAILABLE, or INTERNAL with its own words; any other
 * status is one the server sent.
 */
function afterHandshakeCause(code: grpc.status, text: string, seen: string, where: string): Cause {
  const transport =
    code === grpc.status.UNAVAILABLE ||
    (code === grpc.status.INTERNAL && /RST_STREAM|protocol error|parse|stream removed|received http2 header|unexpected/i.test(text));
  return transport ? causes.protocolError(where, seen) : causes.serverError(seen);
}

export async function grpcStep(input: GrpcStepInput, context: StepContext, facts: GrpcFacts): Promise<StepOutcome> {
  context.phase = 'gRPC GetVersion';
  const details = context.details;
  details.push(
    `Call ${GET_VERSION_PATH} on ${input.target}${input.serverName !== input.host ? ` (server name ${input.serverName})` : ''}.`,
  );
  details.push(input.token !== undefined ? 'Credentials: sent as "authorization" metadata (base64).' : 'Credentials: none given.');
  if (input.notHttp2Answer !== undefined) {
    return {
      status: 'fail',
      summary: 'The server does not speak HTTP/2, so gRPC cannot work.',
      details,
      cause: causes.protocolError(context.where, input.notHttp2Answer),
    };
  }
  const result = await call(input, context);
  throwIfAborted(context.signal);
  if (result.error) {
    const { code, details: text } = result.error;
    const seen = `gRPC ${grpc.status[code] ?? code}: ${text}`;
    details.push(seen);
    if (code === grpc.status.UNAUTHENTICATED) {
      return { status: 'warn', summary: authSummary(input), details, cause: causes.unauthenticated(input.token !== undefined, text) };
    }
    if (code === grpc.status.UNIMPLEMENTED) {
      return { status: 'fail', summary: 'The server does not implement MilvusService.', details, cause: causes.notMilvus(seen) };
    }
    if (code === grpc.status.DEADLINE_EXCEEDED) {
      return {
        status: 'fail',
        summary: 'GetVersion did not answer in time.',
        details,
        cause: causes.timeout(context.where, 'gRPC GetVersion'),
      };
    }
    const cause = classifyByText(text, input.classify) ?? afterHandshakeCause(code, text, seen, context.where);
    return { status: 'fail', summary: `The gRPC call failed: ${seen}.`, details, cause };
  }
  let decoded;
  try {
    decoded = decodeGetVersionResponse(result.response ?? Buffer.alloc(0));
  } catch (error) {
    const seen = `an unreadable GetVersion response (${error instanceof Error ? error.message : String(error)})`;
    return { status: 'fail', summary: 'The answer is not a Milvus GetVersion response.', details, cause: causes.notMilvus(seen) };
  }
  const status = decoded.status;
  if (status && (status.code !== 0 || status.errorCode !== 0)) {
    const seen = `status ${status.code || status.errorCode}: ${status.reason}`;
    details.push(`Milvus answered ${seen}`);
    if (status.code === 1800 || /authenticat|authoriz/i.test(status.reason)) {
      return { status: 'warn', summary: authSummary(input), details, cause: causes.unauthenticated(input.token !== undefined, seen) };
    }
    return { status: 'warn', summary: 'TLS works; Milvus answered with an error.', details, cause: causes.serverError(seen) };
  }
  // Shown in the verdict and the editor's notification, outside the step's own (tidied) texts.
  const version = decoded.version === undefined ? undefined : reportText(decoded.version, 100);
  if (version !== undefined) facts.version = version;
  details.push(`Milvus version: ${version ?? '(not given)'}`);
  return { status: 'pass', summary: `Milvus ${version ?? ''} answered GetVersion over TLS.`.replace('  ', ' '), details };
}
