#!/usr/bin/env node
import { milvusTlsVersion } from '../version';
import { ExitCode, isUsageError } from './exitCodes';

/** A subcommand: takes its own arguments, prints, and returns an exit code. */
export type Subcommand = {
  summary: string;
  run: (args: string[]) => Promise<number>;
};

// Each a bundle of its own, loaded on demand (.ci/lazyBundles.mjs): `milvus-tls --help` does not pay
// for every subcommand's dependencies, nor `generate` for `ping`'s.
const subcommands: Record<string, () => Promise<Subcommand>> = {
  generate: async () => (await import('./generate.js')).generateCommand,
  inspect: async () => (await import('./inspect.js')).inspectCommand,
  check: async () => (await import('./check.js')).checkCommand,
  ping: async () => (await import('./ping.js')).pingCommand,
  enable: async () => (await import('./enable.js')).enableCommand,
  disable: async () => (await import('./disable.js')).disableCommand,
};

function usage(): string {
  const lines = ['Usage: milvus-tls <command> [options]', '', 'Commands:'];
  for (const name of Object.keys(subcommands)) lines.push(`  ${name}`);
  lines.push('', 'Run `milvus-tls <command> --help` for the options of a command.');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version') {
    console.log(milvusTlsVersion());
    return ExitCode.ok;
  }
  const load = subcommands[name];
  if (!load) {
    console.error(`milvus-tls: unknown command '${name}'\n\n${usage()}`);
    return ExitCode.usage;
  }
  const command = await load();
  try {
    return await command.run(rest);
  } catch (error) {
    if (isUsageError(error)) {
      console.error(`milvus-tls ${name}: ${error.message}`);
      return ExitCode.usage;
    }
    console.error(`milvus-tls ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return ExitCode.failed;
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    console.error(error);
    process.exitCode = ExitCode.failed;
  },
);
