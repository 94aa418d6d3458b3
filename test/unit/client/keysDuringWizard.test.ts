// Generate Certificates… makes the keys while its questions are answered: the command starts the
// preselected type when the wizard opens and the wizard's key step switches it (as
// askCertificateOptions.ts wires them). Nothing reaches the disk before the last answer, a cancelled
// wizard writes nothing and keeps no key, and a finished one writes the keys made during the questions.
import { strict as assert } from 'node:assert';
import { createPrivateKey } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GENERATE_SETTING_DEFAULTS } from '../../../src/client/generate/generateSettings';
import {
  certificateSetOptionsFrom,
  generateWizardSteps,
  initialWizardState,
  type GenerateWizardContext,
} from '../../../src/client/generate/generateWizard';
import { generateSetKeys, KeyPregeneration, type CertificateSetKeys } from '../../../src/core/pki/keyPregeneration';
import type { KeyType } from '../../../src/core/pki/types';
import type { WizardStep } from '../../../src/client/quickInput/steps';
import { generateAndWriteSet } from '../../../src/core/usecases/generateSet';
import { liveAfterCollection } from '../../helpers/reachability';
import { makeTempDir } from '../../helpers/tempDir';

interface Wizard {
  keys: KeyPregeneration;
  steps: WizardStep[];
  context: GenerateWizardContext;
  state: ReturnType<typeof initialWizardState>;
  made: { keyType: KeyType; privateKeys: WeakRef<object>[] }[];
  allMade: () => Promise<void>;
}

/** The command's wiring: keys for the preselected type start as the wizard opens. */
function openWizard(): Wizard {
  const made: Wizard['made'] = [];
  const finished: Promise<unknown>[] = [];
  const keys = new KeyPregeneration((keyType) => {
    const entry: Wizard['made'][number] = { keyType, privateKeys: [] };
    made.push(entry);
    const set = generateSetKeys(keyType).then((generated: CertificateSetKeys) => {
      entry.privateKeys.push(...[generated.ca, generated.server, generated.client].map((pair) => new WeakRef(pair.privateKey)));
      return generated;
    });
    finished.push(set.then(() => undefined));
    return set;
  });
  const settings = { ...GENERATE_SETTING_DEFAULTS, keyType: 'ecdsa-p256' as const };
  const context: GenerateWizardContext = {
    settings,
    composeNames: [],
    workspaceFolderName: 'project',
    folderPurpose: 'Folder for the nine files',
    onKeyTypeChosen: (keyType) => {
      void keys.start(keyType);
    },
  };
  const state = initialWizardState(settings);
  void keys.start(settings.keyType);
  return {
    keys,
    steps: generateWizardSteps(state, context),
    context,
    state,
    made,
    allMade: async () => {
      await Promise.all(finished);
    },
  };
}

/** Enter on a step, or for the key step the type given. */
function answer(step: WizardStep, keyType: KeyType): void {
  if (step.kind === 'input') step.accept(step.value());
  else step.accept(keyType);
}

describe('keys made while the Generate wizard asks', () => {
  let workspace = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  before(async () => {
    ({ dir: workspace, cleanup } = await makeTempDir('keys-during-wizard'));
  });
  after(() => cleanup());

  it('a wizard cancelled after switching the key type writes nothing and keeps no key', async () => {
    const wizard = openWizard();
    // Folder, CN, SANs, then ECDSA P-384 instead of the preselected P-256; Escape on the client CN.
    for (const step of wizard.steps.slice(0, 4)) {
      answer(step, 'ecdsa-p384');
      assert.deepEqual(await readdir(workspace), [], `nothing written after "${step.title}"`);
    }
    assert.deepEqual(
      wizard.made.map((entry) => entry.keyType),
      ['ecdsa-p256', 'ecdsa-p384'],
    );
    wizard.keys.dispose();
    await wizard.allMade();
    assert.deepEqual(await readdir(workspace), []);
    assert.equal(await liveAfterCollection(wizard.made.flatMap((entry) => entry.privateKeys)), 0, 'no private key is reachable');
  });

  it('a finished wizard writes the keys made during its questions, only after the last answer', async () => {
    const wizard = openWizard();
    for (const step of wizard.steps) answer(step, 'ecdsa-p256');
    assert.deepEqual(await readdir(workspace), []);
    const options = certificateSetOptionsFrom(wizard.state, wizard.context);
    const outputDir = join(workspace, wizard.state.outputFolder);
    const written = await generateAndWriteSet({ options, outputDir, mode: 'create', keys: wizard.keys.take(options.keyType) });
    wizard.keys.dispose();
    assert.equal(written?.paths.length, 9);
    assert.deepEqual(
      wizard.made.map((entry) => entry.keyType),
      ['ecdsa-p256'],
      'no key was made after the questions',
    );
    const serverKey = createPrivateKey(await readFile(join(outputDir, 'server.key'), 'utf8'));
    assert.ok(
      wizard.made[0]?.privateKeys.some((ref) => serverKey.equals(ref.deref() as typeof serverKey)),
      'server.key was made during the questions',
    );
  });
});
