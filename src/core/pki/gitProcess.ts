// Runs git and reports its exit code and output; undefined when git could not be run at all.
import { execFile } from 'node:child_process';

export interface GitResult {
  code: number;
  stdout: string;
}

export function runGit(cwd: string, args: string[], input = ''): Promise<GitResult | undefined> {
  return new Promise((resolve) => {
    const child = execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 4 * 1024 * 1024 }, (error, stdout) => {
      if (!error) resolve({ code: 0, stdout });
      // A number is git's exit code; anything else (ENOENT: git is not installed) means no answer.
      else if (typeof error.code === 'number') resolve({ code: error.code, stdout });
      else resolve(undefined);
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}
