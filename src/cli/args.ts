import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './exitCodes';

/**
 * node:util's parseArgs, strict, with its errors (unknown option, missing value) turned into usage
 * errors (exit 1) that point at the subcommand's --help.
 */
export function parseCommandLine<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>(config);
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\nRun 'milvus-tls ${command} --help' for the options.`);
  }
}
