// Step e: the REST API over HTTPS, as curl and the docs call it:
//   POST https://host:<proxy.http.port>/v2/vectordb/collections/list  {}   (Authorization: Bearer <token>)
// with the same CA, client certificate and server name as the gRPC call, and full verification.
import https from 'node:https';
import { isIP } from 'node:net';
import tls from 'node:tls';
import type { SecureContext } from 'node:tls';
import { causes } from './causes';
import type { ClassifyContext } from './classify';
import { classifyTlsError, errorText } from './classify';
import { probeGrpcPort } from './grpcPortProbe';
import type { StepContext, StepOutcome } from './stepRunner';
import { onAbort, throwIfAborted } from './stepRunner';

export const REST_PATH = '/v2/vectordb/collections/list';
const MAX_BODY = 64 * 1024;

export interface RestStepInput {
  host: string;
  httpPort: number;
  grpcPort: number;
  serverName: string;
  secureContext: SecureContext;
  token?: string;
  classify: ClassifyContext;
}

interface PostResult {
  /** The TLS handshake completed (so a later failure is about HTTP, not TLS). */
  secure: boolean;
  status?: number;
  body?: string;
  error?: Error;
}

function post(input: RestStepInput, context: StepContext): Promise<PostResult> {
  return new Promise((resolve) => {
    const result: PostResult = { secure: false };
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (input.token !== undefined) headers.authorization = `Bearer ${input.token}`;
    // https passes unknown options through to tls.connect; the typings just do not list secureContext.
    const options: https.RequestOptions & { secureContext: SecureContext } = {
      host: input.host,
      port: input.httpPort,
      method: 'POST',
      path: REST_PATH,
      headers,
      agent: false,
      ...(isIP(input.serverName) ? {} : { servername: input.serverName }),
      secureContext: input.secureContext,
      checkServerIdentity: (_host: string, cert: tls.PeerCertificate) => tls.checkServerIdentity(input.serverName, cert),
    };
    const request = https.request(options);
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      removeAbort();
      request.destroy();
      resolve(result);
    };
    const removeAbort = onAbort(context.signal, finish);
    request.on('socket', (socket) =>
      socket.once('secureConnect', () => {
        result.secure = true;
        context.phase = 'waiting for the REST answer';
      }),
    );
    request.on('response', (response) => {
      result.status = response.statusCode;
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY) chunks.push(chunk);
      });
      response.on('end', () => {
        result.body = Buffer.concat(chunks).toString('utf8');
        finish();
      });
      response.on('error', (error) => {
        result.error = error;
        finish();
      });
    });
    request.on('error', (error) => {
      result.error = error;
      finish();
    });
    request.end('{}');
  });
}

function milvusCode(body: string | undefined): { code: number; message: string; count?: number } | undefined {
  try {
    const parsed = JSON.parse(body ?? '') as { code?: unknown; message?: unknown; data?: unknown };
    if (typeof parsed.code !== 'number') return undefined;
    return {
      code: parsed.code,
      message: typeof parsed.message === 'string' ? parsed.message : '',
      ...(Array.isArray(parsed.data) ? { count: parsed.data.length } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * Asks whether the port is a gRPC port, within half of what is left of the step's time: the
 * answer only sharpens the diagnosis, so a server that never answers it (or answers with headers
 * too large to read) must not turn what is already known into a timeout.
 */
async function probeWithin(input: RestStepInput, context: StepContext): Promise<string | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.max(0, (context.deadline - Date.now()) / 2));
  const removeAbort = onAbort(context.signal, () => controller.abort());
  try {
    return await probeGrpcPort({
      host: input.host,
      port: input.httpPort,
      serverName: input.serverName,
      secureContext: input.secureContext,
      path: REST_PATH,
      signal: controller.signal,
    });
  } finally {
    clearTimeout(timer);
    removeAbort();
  }
}

async function notRest(input: RestStepInput, context: StepContext, seen: string, hungUpAfterHandshake = false): Promise<StepOutcome> {
  context.phase = 'checking whether the port is a gRPC port';
  const grpcAnswer = await probeWithin(input, context);
  throwIfAborted(context.signal);
  if (grpcAnswer !== undefined || input.httpPort === input.grpcPort) {
    context.details.push(grpcAnswer ?? 'The HTTP port given is the gRPC port.');
    return {
      status: 'fail',
      summary: 'REST was sent to a gRPC port.',
      details: context.details,
      cause: causes.restOnGrpcPort(context.where, grpcAnswer ?? seen),
    };
  }
  if (hungUpAfterHandshake && input.classify.clientCertSent) {
    // Node-based and some other servers check the client certificate after the TLS 1.3 handshake and
    // just close; a gRPC port was ruled out above, so the certificate is the likely reason.
    return {
      status: 'fail',
      summary: 'The server refused the client certificate.',
      details: context.details,
      cause: causes.clientRejected(
        `it closed the connection right after the handshake: ${seen}`,
        'The Go rules step says what is wrong with it, when it can tell.',
      ),
    };
  }
  return {
    status: 'fail',
    summary: 'The port does not answer like the Milvus REST API.',
    details: context.details,
    cause: causes.unexpectedResponse(context.where, seen),
  };
}

export async function restStep(input: RestStepInput, context: StepContext): Promise<StepOutcome> {
  context.phase = 'HTTPS connect';
  const details = context.details;
  details.push(`POST https://${context.where}${REST_PATH}${input.serverName !== input.host ? ` (server name ${input.serverName})` : ''}`);
  details.push(input.token !== undefined ? 'Credentials: sent as "Authorization: Bearer …".' : 'Credentials: none given.');
  if (input.httpPort === input.grpcPort) {
    details.push('Note: this is the same port as gRPC; under TLS Milvus serves REST on a separate proxy.http.port.');
  }
  const result = await post(input, context);
  throwIfAborted(context.signal);
  if (result.error) {
    const tlsCause = classifyTlsError(result.error, input.classify);
    const text = errorText(result.error);
    details.push(`Error: ${text}`);
    // After the handshake, only the TLS 1.3 client-certificate alerts are TLS problems; a hang-up or an
    // unparsable answer means the server is not an HTTP/1.1 REST server.
    const tlsProblem = tlsCause && (!result.secure || tlsCause.code.startsWith('client-certificate'));
    if (tlsProblem) return { status: 'fail', summary: `HTTPS failed: ${text}.`, details, cause: tlsCause };
    if (result.secure || input.httpPort === input.grpcPort) return notRest(input, context, text, result.secure);
    return { status: 'fail', summary: `HTTPS failed: ${text}.`, details, cause: tlsCause ?? causes.handshakeFailed(context.where, text) };
  }
  const answer = milvusCode(result.body);
  const status = result.status ?? 0;
  details.push(`HTTP ${status}${answer ? `, Milvus code ${answer.code}${answer.message ? `: ${answer.message}` : ''}` : ''}`);
  if (!answer) {
    if (status === 401) {
      return {
        status: 'warn',
        summary: 'TLS works; the REST API wants credentials.',
        details,
        cause: causes.unauthenticated(input.token !== undefined, `HTTP ${status}`),
      };
    }
    return notRest(input, context, `HTTP ${status}, body ${JSON.stringify((result.body ?? '').slice(0, 120))}`);
  }
  if (answer.code === 0) {
    if (answer.count !== undefined) details.push(`Collections: ${answer.count}`);
    return { status: 'pass', summary: 'The REST API answered over HTTPS.', details };
  }
  const seen = `code ${answer.code}: ${answer.message}`;
  if (answer.code === 1800 || status === 401 || /authenticat/i.test(answer.message)) {
    return {
      status: 'warn',
      summary: 'TLS works; the REST API wants credentials.',
      details,
      cause: causes.unauthenticated(input.token !== undefined, seen),
    };
  }
  return { status: 'warn', summary: 'TLS works; the REST API answered with an error.', details, cause: causes.serverError(seen) };
}
