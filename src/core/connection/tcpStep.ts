// Step a: a plain TCP connect, so "nothing listens" and "wrong host" are told apart from TLS trouble.
import net from 'node:net';
import { causes } from './causes';
import type { ClassifyContext } from './classify';
import { classifyNetworkError, errorText } from './classify';
import type { StepContext, StepOutcome } from './stepRunner';
import { onAbort, throwIfAborted } from './stepRunner';

export interface TcpResult {
  remoteAddress?: string;
  error?: Error;
}

/** Connects and closes at once; never rejects. */
export function tcpConnect(host: string, port: number, signal: AbortSignal): Promise<TcpResult> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let done = false;
    const finish = (result: TcpResult): void => {
      if (done) return;
      done = true;
      removeAbort();
      socket.destroy();
      resolve(result);
    };
    const removeAbort = onAbort(signal, () => finish({}));
    socket.once('connect', () => finish({ remoteAddress: socket.remoteAddress }));
    socket.on('error', (error) => finish({ error }));
  });
}

export async function tcpStep(host: string, port: number, classify: ClassifyContext, context: StepContext): Promise<StepOutcome> {
  context.phase = 'TCP connect';
  const result = await tcpConnect(host, port, context.signal);
  throwIfAborted(context.signal);
  if (result.error) {
    const cause = classifyNetworkError(result.error, classify) ?? causes.networkError(context.where, errorText(result.error));
    return { status: 'fail', summary: `Cannot connect to ${context.where}: ${errorText(result.error)}.`, details: context.details, cause };
  }
  const resolved = result.remoteAddress && result.remoteAddress !== host ? ` (${result.remoteAddress})` : '';
  return { status: 'pass', summary: `Connected to ${context.where}${resolved}.`, details: context.details };
}
