// `npm start`: the packaged extension in code-server on a copy of examples/milvus-standalone, for
// anyone with a browser (no VS Code needed). The npm script has already run .ci/e2e-setup.sh and
// `npm run package`. Runs until Ctrl-C; everything lives in the cache folder, not in the repo.
// Not a test (no .test.ts): it reuses the e2e harness to start code-server the same way the tests do.
import { access, cp, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { installExtension, startCodeServer, writeUserSettings } from './harness/codeServer';
import { CACHE_ROOT, EXAMPLE_WORKSPACE, VSIX } from './harness/paths';
import { folderParam } from './harness/workbench';

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** True if nothing listens on 127.0.0.1:port now (a fixed port gives a URL that stays the same). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const probe = createServer();
    probe.once('error', () => resolvePromise(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePromise(true)));
  });
}

/** PORT if set; else 8080 when free; else any free port (0). */
async function choosePort(): Promise<number> {
  if (process.env.PORT) return Number(process.env.PORT);
  return (await portIsFree(8080)) ? 8080 : 0;
}

async function main(): Promise<void> {
  const home = join(CACHE_ROOT, 'start');
  const userDataDir = join(home, 'user-data');
  const extensionsDir = join(home, 'extensions');
  const workspace = join(home, 'workspace', 'milvus-standalone');

  await installExtension(VSIX, { userDataDir, extensionsDir, force: true });
  await writeUserSettings(userDataDir, { workspaceTrust: false });
  // Kept between runs, so that generated certificates and edits survive a restart.
  if (!(await exists(workspace))) {
    await mkdir(join(home, 'workspace'), { recursive: true });
    await cp(EXAMPLE_WORKSPACE, workspace, { recursive: true });
  }

  const port = await choosePort();
  const server = await startCodeServer({ userDataDir, extensionsDir, port });
  const url = `${server.url}/?folder=${folderParam(workspace)}`;
  console.log(
    [
      '',
      'Milvus TLS is running in VS Code (code-server). Open this URL in a browser:',
      '',
      `    ${url}`,
      '',
      `Workspace: ${workspace} (a copy of examples/milvus-standalone; delete it to start over)`,
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping code-server…');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  void server.exited.then((code) => {
    if (stopping) return;
    console.error(`code-server exited unexpectedly (${code}); its logs are in ${userDataDir}/logs`);
    process.exit(1);
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
