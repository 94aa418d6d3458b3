// A second, independent LSP client: Debian's Neovim (0.7+, built-in vim.lsp) starts the server over
// stdio as the README's "Other editors" snippet does, opens a milvus.yaml with tlsMode 3 and
// writes the diagnostics it received to a JSON file. Neovim 0.7 cannot pull diagnostics, so this
// also proves the server pushes them to such clients. No nvim is a failure, not a skip: .ci/run
// installs it.
import { strict as assert } from 'node:assert';
import { execFile, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeTempDir } from '../../helpers/tempDir';
import { REPO_ROOT } from '../../unit/compose/shippedFiles';

// The README's Neovim 0.7 snippet, as written there, with only its command swapped for the server
// from source (no build needed). Paths come in through the environment, so nothing is escaped into Lua.
const README_COMMAND = "cmd = { 'milvus-tls-language-server', '--stdio' }";
const SOURCE_COMMAND = "cmd = { vim.env.MILVUS_TLS_NODE, '--import', 'tsx', vim.env.MILVUS_TLS_REPO .. '/src/server/main.ts', '--stdio' }";

async function readmeSnippet(): Promise<string> {
  const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
  const snippet = [...readme.matchAll(/```lua\n([\s\S]*?)```/g)]
    .map((match) => match[1] ?? '')
    .find((lua) => lua.includes('vim.lsp.start_client'));
  assert.ok(snippet, 'README.md has no ```lua block with vim.lsp.start_client (the Neovim 0.7 snippet under "Other editors")');
  assert.ok(snippet.includes(README_COMMAND), `the README's Neovim 0.7 snippet no longer starts the server with ${README_COMMAND}`);
  return snippet.replace(README_COMMAND, SOURCE_COMMAND);
}

// Opening the file fires the snippet's FileType autocommand. The wait is bounded and ends as soon as
// the diagnostic is there; whatever arrived is written either way, so a failure shows what Neovim saw.
const CHECK_LUA = `
vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.MILVUS_TLS_FILE))
local bufnr = vim.api.nvim_get_current_buf()
local function has_diagnostic()
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    if diagnostic.code == 'tls-mode-unknown' then return true end
  end
  return false
end
local arrived = vim.wait(tonumber(vim.env.MILVUS_TLS_WAIT_MS), has_diagnostic, 50)
local items = {}
for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(items, { lnum = diagnostic.lnum, col = diagnostic.col, severity = diagnostic.severity,
    code = diagnostic.code, source = diagnostic.source, message = diagnostic.message })
end
local version = vim.version()
local out = io.open(vim.env.MILVUS_TLS_OUT, 'w')
out:write(vim.fn.json_encode({ version = version.major .. '.' .. version.minor, filetype = vim.bo[bufnr].filetype,
  attached = #vim.lsp.buf_get_clients(bufnr) > 0, arrived = arrived, diagnostics = items }))
out:close()
vim.lsp.stop_client(vim.lsp.get_active_clients(), true)
vim.cmd('qall!')
`;

interface NeovimResult {
  version: string;
  filetype: string;
  attached: boolean;
  arrived: boolean;
  diagnostics: { lnum: number; col: number; severity: number; code: string; source?: string; message: string }[];
}

function run(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    // From the repository, as the server's `--import tsx` resolves from the working directory.
    const child = execFile('nvim', args, { cwd: REPO_ROOT, env, timeout: timeoutMs }, (error, _stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr });
    });
    child.stdin?.end();
  });
}

describe('Neovim as an LSP client', () => {
  let workspace: { dir: string; cleanup: () => Promise<void> };

  before(async () => {
    workspace = await makeTempDir('neovim');
  });

  after(async () => {
    await workspace.cleanup();
  });

  it('shows tls-mode-unknown on the tlsMode line of milvus.yaml', { timeout: 90_000 }, async () => {
    const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(probe.status, 0, 'nvim is not installed: apt-get install -y neovim (.ci/run does this)');
    const file = join(workspace.dir, 'milvus.yaml');
    await writeFile(file, 'common:\n  security:\n    tlsMode: 3\n');
    const init = join(workspace.dir, 'init.lua');
    await writeFile(init, `${await readmeSnippet()}\n${CHECK_LUA}`);
    const out = join(workspace.dir, 'result.json');
    const env = {
      ...process.env,
      MILVUS_TLS_NODE: process.execPath,
      MILVUS_TLS_REPO: REPO_ROOT,
      MILVUS_TLS_ROOT: workspace.dir,
      MILVUS_TLS_FILE: file,
      MILVUS_TLS_OUT: out,
      MILVUS_TLS_WAIT_MS: '30000',
      // Neovim's state (shada, swap, LSP log) goes to the temp dir, not the user's home.
      XDG_STATE_HOME: join(workspace.dir, 'state'),
      XDG_DATA_HOME: join(workspace.dir, 'data'),
      XDG_CACHE_HOME: join(workspace.dir, 'cache'),
    };
    const exit = await run(['--headless', '--clean', '-n', '-c', `luafile ${init}`], env, 60_000);
    const text = await readFile(out, 'utf8').catch(() => undefined);
    assert.ok(text, `Neovim wrote no result (exit ${String(exit.code)}): ${exit.stderr}`);
    const result = JSON.parse(text) as NeovimResult;
    assert.ok(result.attached, `the snippet attached no client (filetype '${result.filetype}', Neovim ${result.version})`);
    assert.ok(result.arrived, `no tls-mode-unknown within the wait; got: ${JSON.stringify(result.diagnostics)}`);
    const unknown = result.diagnostics.find((diagnostic) => diagnostic.code === 'tls-mode-unknown');
    // 0-based: line 3 of the file, where `tlsMode: 3` is.
    assert.equal(unknown?.lnum, 2);
    assert.equal(unknown.severity, 1, 'an error');
    assert.equal(exit.code, 0, exit.stderr);
  });
});
