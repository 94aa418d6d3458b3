// Runs git for the .gitignore check, safely on a stranger's repository, and reports its exit code
// and output; undefined when git could not be run at all. A module of its own so that
// node:child_process (and the socket stack it loads) is loaded only when there is a repository to ask.
import { execFile } from 'node:child_process';
import { devNull, tmpdir } from 'node:os';

export interface GitResult {
  code: number;
  stdout: string;
}

/**
 * Options that keep a repository's own programs from running: the repository is a stranger's clone
 * as often as not, and its .git/config can name programs git starts by itself. core.fsmonitor runs
 * on every command that reads the index (check-ignore does). Hooks go to a path that cannot hold
 * any, and the pager is off (it only runs on a terminal anyway). Diff drivers, filters, credential
 * helpers, editors and ssh commands belong to commands this module never runs (rev-parse and
 * check-ignore only).
 */
const NO_REPOSITORY_PROGRAMS = ['--no-pager', '-c', 'core.fsmonitor=false', '-c', `core.hooksPath=${devNull}`];

/**
 * The environment without GIT_* variables: GIT_DIR or GIT_WORK_TREE would point git at another
 * repository, GIT_CONFIG_* would add configuration (a program included), GIT_EXTERNAL_DIFF and
 * GIT_PAGER name programs.
 */
function gitEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^GIT_/i.test(name)) environment[name] = value;
  return { ...environment, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
}

/**
 * Runs git on `repository` (`-C`) from a neutral working directory: on Windows a bare program name
 * is looked up in the working directory before PATH, so a `git.exe` inside the repository would be
 * the one started.
 */
export function runGit(repository: string, args: string[], input = ''): Promise<GitResult | undefined> {
  return new Promise((resolve) => {
    const options = { cwd: tmpdir(), env: gitEnvironment(), encoding: 'utf8', maxBuffer: 4 * 1024 * 1024, windowsHide: true } as const;
    const child = execFile('git', [...NO_REPOSITORY_PROGRAMS, '-C', repository, ...args], options, (error, stdout) => {
      if (!error) resolve({ code: 0, stdout });
      // A number is git's exit code; anything else (ENOENT: git is not installed) means no answer.
      else if (typeof error.code === 'number') resolve({ code: error.code, stdout });
      else resolve(undefined);
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}
