// The push debounce with a mock clock: a burst of edits is analysed and published once, for the last
// version; a close in the middle of a burst publishes only the empty list; nothing after dispose.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { DiagnosticsPusher, PUSH_DELAY_MS } from '../../src/server/pushDiagnostics';

function pusherWith(version: () => number): { pusher: DiagnosticsPusher; computed: string[]; sent: PublishDiagnosticsParams[] } {
  const computed: string[] = [];
  const sent: PublishDiagnosticsParams[] = [];
  const pusher = new DiagnosticsPusher(
    (uri) => {
      computed.push(uri);
      return Promise.resolve({ version: version(), diagnostics: [] });
    },
    (params) => {
      sent.push(params);
      return Promise.resolve();
    },
    (error) => {
      throw error;
    },
  );
  return { pusher, computed, sent };
}

/** Lets the promise chains of a publish run after the mocked timer fired. */
async function settle(): Promise<void> {
  for (let round = 0; round < 5; round++) await Promise.resolve();
}

describe('push debounce', () => {
  it('publishes a burst once, for the last version', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    let version = 0;
    const { pusher, computed, sent } = pusherWith(() => version);
    for (version = 1; version <= 5; version++) {
      pusher.schedule('file:///a.yaml');
      t.mock.timers.tick(PUSH_DELAY_MS - 1);
    }
    version = 5;
    assert.deepEqual(computed, [], 'nothing while the edits keep coming');
    t.mock.timers.tick(1);
    await settle();
    assert.deepEqual(computed, ['file:///a.yaml']);
    assert.deepEqual(
      sent.map((params) => params.version),
      [5],
    );
    t.mock.timers.tick(PUSH_DELAY_MS * 10);
    await settle();
    assert.equal(sent.length, 1, 'no second publish');
    pusher.dispose();
  });

  it('a close during a burst sends only the empty list; dispose stops everything', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { pusher, computed, sent } = pusherWith(() => 1);
    pusher.schedule('file:///b.yaml');
    pusher.clear('file:///b.yaml');
    t.mock.timers.tick(PUSH_DELAY_MS * 2);
    await settle();
    assert.deepEqual(computed, []);
    assert.deepEqual(sent, [{ uri: 'file:///b.yaml', diagnostics: [] }]);
    pusher.schedule('file:///c.yaml');
    pusher.dispose();
    t.mock.timers.tick(PUSH_DELAY_MS * 2);
    await settle();
    assert.deepEqual(computed, []);
  });
});
