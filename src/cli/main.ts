#!/usr/bin/env node
import { milvusTlsVersion } from '../version';
import { ExitCode, isUsageError } from './exitCodes';
import { printLines } from './stdout';

/** A subcommand: takes its own arguments, prints, and returns an exit code. */
export type Subcommand = {
  run: (args: string[]) => Promise<number>;
};

interface SubcommandEntry {
  /** One line for `milvus-tls --help`, written here so the help loads no subcommand. */
  summary: string;
  /**
   * Each a bundle of its own, loaded on demand (.ci/lazyBundles.mjs): `milvus-tls --help` does not pay
   * for every subcommand's dependencies, nor `generate` for `ping`'s.
   */
  load: () => Promise<Subcommand>;
}

const subcommands: Record<string, SubcommandEntry> = {
  generate: {
    summary: "Create a CA, server and client certificates (the docs' nine files)",
    load: async () => (await import('./generate.js')).generateCommand,
  },
  inspect: {
    summary: 'List certificates with expiry, role, issuer and key, and lint them as Go would',
    load: async () => (await import('./inspect.js')).inspectCommand,
  },
  check: {
    summary: 'Check milvus.yaml / user.yaml as Milvus reads them (TLS, REST port, certificate files)',
    load: async () => (await import('./check.js')).checkCommand,
  },
  status: {
    summary: 'Show each Milvus deployment in a folder: config files read, tlsMode, certificate files, addresses',
    load: async () => (await import('./status.js')).statusCommand,
  },
  enable: {
    summary: 'Turn on TLS in milvus.yaml and docker-compose (tlsMode 1 or 2)',
    load: async () => (await import('./enable.js')).enableCommand,
  },
  disable: { summary: 'Turn off TLS (tlsMode 0) where Milvus reads it', load: async () => (await import('./disable.js')).disableCommand },
  ping: {
    summary: 'Test a TLS connection to Milvus (TCP, TLS, Go rules, gRPC, REST) and explain failures',
    load: async () => (await import('./ping.js')).pingCommand,
  },
  renew: {
    summary: 'Reissue the server and client certificates that expire soon, from their CA, with a backup',
    load: async () => (await import('./renew.js')).renewCommand,
  },
  rotate: {
    summary: 'Replace the CA in three phases (start, reissue, finish) without locking clients out',
    load: async () => (await import('./rotate.js')).rotateCommand,
  },
  snippet: {
    summary: 'Print client code (pymilvus, Node, Go, Java, curl) that connects to this deployment over TLS',
    load: async () => (await import('./snippet.js')).snippetCommand,
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(subcommands).map((name) => name.length)) + 2;
  const lines = [
    'Milvus TLS: certificates, checks and connection tests for Milvus over TLS.',
    '',
    'Usage: milvus-tls <command> [options]',
    '',
    'Commands:',
  ];
  for (const [name, entry] of Object.entries(subcommands)) lines.push(`  ${name.padEnd(width)}${entry.summary}`);
  lines.push('', 'Flags:', `  ${'-h, --help'.padEnd(width + 2)}Show this help`, `  ${'--version'.padEnd(width + 2)}Print the version`);
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
    printLines(milvusTlsVersion());
    return ExitCode.ok;
  }
  const load = subcommands[name]?.load;
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
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = ExitCode.failed;
  },
);
