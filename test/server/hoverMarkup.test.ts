// Hovers are Markdown built from the workspace: compose environment values, volume strings and
// container paths that carry links and tracking images must show as text.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { activeMarkup, renderMarkdown, visibleText } from '../helpers/renderMarkdown';
import type { Harness } from './lspHarness';
import { startWorkspaceHarness } from './lspHarness';

const TLS_MODE = '1` ![env](https://tracker.example/env.png) `';
const CONTAINER_DIR = '/milvus/tls` ![dir](//tracker.example/dir.png) `';
const VOLUME = `./tls\`![vol](//tracker.example/vol.png)\`:${CONTAINER_DIR}`;

const COMPOSE = `services:
  standalone:
    image: milvusdb/milvus:v2.5.27
    environment:
      COMMON_SECURITY_TLSMODE: ${JSON.stringify(TLS_MODE)}
      TLS_CAPEMPATH: "/x/ca.pem\`\\n\\n![ca](https://tracker.example/ca.png)"
    volumes:
      - ${JSON.stringify(VOLUME)}
`;

const CONFIG = `common:
  security:
    tlsMode: 1
tls:
  serverPemPath: ${JSON.stringify(`${CONTAINER_DIR}/server.pem`)}
  caPemPath: /milvus/tls/ca.pem
`;

describe('language server: hovers show file contents as text', () => {
  let harness: Harness;
  let close: () => Promise<void> = () => Promise.resolve();
  let uri = '';

  before(async () => {
    let dir = '';
    ({ dir, harness, close } = await startWorkspaceHarness('lsp-markup', {
      'docker-compose.yml': COMPOSE,
      'milvus.yaml': CONFIG,
      'tls/.keep': '',
    }));
    uri = await harness.open(join(dir, 'milvus.yaml'), CONFIG);
  });
  after(() => close());

  async function hoverAt(line: number, character: number): Promise<string> {
    const hover = await harness.client.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character },
    });
    assert.ok(hover, `no hover at ${line}:${character}`);
    return (hover.contents as MarkupContent).value;
  }

  for (const [what, line, shown] of [
    ['tlsMode, overridden by a hostile environment value', 2, ['https://tracker.example/env.png']],
    ['a path mapped through a hostile volume', 4, ['tracker.example/dir.png', '//tracker.example/vol.png']],
    ['a path set by a hostile environment value', 5, ['https://tracker.example/ca.png']],
  ] as const) {
    it(`renders ${what} without links or images`, async () => {
      const markdown = await hoverAt(line, 5);
      const html = renderMarkdown(markdown);
      assert.deepEqual(activeMarkup(html), [], html);
      for (const text of shown) assert.ok(visibleText(html).includes(text), `${text} is not shown in ${html}`);
    });
  }
});
