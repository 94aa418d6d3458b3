import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { validateCertificateSetOptions } from '../../../src/core/pki/validate';
import { GENERATE_SETTING_DEFAULTS } from '../../../src/client/generate/generateSettings';
import {
  certificateSetOptionsFrom,
  generateWizardSteps,
  initialWizardState,
  validateOutputFolder,
  type GenerateWizardContext,
  type GenerateWizardState,
} from '../../../src/client/generate/generateWizard';
import type { InputStep, PickStep, WizardStep } from '../../../src/client/quickInput/steps';

function context(overrides: Partial<GenerateWizardContext> = {}): GenerateWizardContext {
  return {
    settings: { ...GENERATE_SETTING_DEFAULTS },
    composeNames: [],
    workspaceFolderName: 'project',
    folderPurpose: 'Folder for the nine files',
    ...overrides,
  };
}

/** Presses Enter on a step: accepts what it shows, as the user would without typing. */
function pressEnter(step: WizardStep): void {
  if (step.kind === 'input') {
    const value = step.value();
    assert.equal(step.validate(value), undefined, `default of "${step.title}" must be valid`);
    step.accept(value);
  } else {
    step.accept(step.active());
  }
}

function inputStep(steps: WizardStep[], title: string): InputStep {
  const step = steps.find((s) => s.title === title);
  assert.ok(step?.kind === 'input', `no input step "${title}"`);
  return step;
}

function setup(ctx = context()): { state: GenerateWizardState; steps: WizardStep[]; ctx: GenerateWizardContext } {
  const state = initialWizardState(ctx.settings);
  return { state, steps: generateWizardSteps(state, ctx), ctx };
}

describe('generate wizard', () => {
  it('has six steps and Enter through all of them gives the default, valid set', () => {
    const { state, steps, ctx } = setup();
    assert.equal(steps.length, 6);
    steps.forEach(pressEnter);
    assert.equal(state.outputFolder, 'tls');
    const options = certificateSetOptionsFrom(state, ctx);
    assert.deepEqual(options, {
      keyType: 'rsa2048',
      subject: {},
      caCommonName: 'Milvus TLS CA',
      serverCommonName: 'localhost',
      serverSans: ['localhost', '127.0.0.1', '::1'],
      clientCommonName: 'milvus-client',
      caDays: 3650,
      leafDays: 825,
    });
    assert.deepEqual(validateCertificateSetOptions(options), []);
  });

  it('adds the compose service and container names to the default SANs', () => {
    const { state, steps, ctx } = setup(context({ composeNames: ['standalone', 'milvus-standalone'] }));
    assert.match(inputStep(steps, 'Server subject alternative names').prompt, /standalone, milvus-standalone/);
    steps.forEach(pressEnter);
    assert.deepEqual(certificateSetOptionsFrom(state, ctx).serverSans, [
      'localhost',
      '127.0.0.1',
      '::1',
      'standalone',
      'milvus-standalone',
    ]);
  });

  it('takes defaults from the settings', () => {
    const settings = {
      ...GENERATE_SETTING_DEFAULTS,
      outputFolder: 'certs',
      keyType: 'ecdsa-p256' as const,
      country: 'DE',
      organization: 'Acme, Inc.',
      clientCommonName: 'app',
      caDays: 100,
      days: 30,
    };
    const { state, steps, ctx } = setup(context({ settings }));
    const keyStep = steps.find((s): s is PickStep => s.kind === 'pick');
    assert.equal(keyStep?.active(), 'ecdsa-p256');
    assert.equal(inputStep(steps, 'Subject fields').value(), 'C=DE, O=Acme\\, Inc.');
    steps.forEach(pressEnter);
    const options = certificateSetOptionsFrom(state, ctx);
    assert.equal(state.outputFolder, 'certs');
    assert.equal(options.keyType, 'ecdsa-p256');
    assert.deepEqual(options.subject, { country: 'DE', organization: 'Acme, Inc.' });
    assert.equal(options.clientCommonName, 'app');
    assert.equal(options.caDays, 100);
    assert.equal(options.leafDays, 30);
  });

  it('lets the default SANs follow a changed server name, but keeps SANs the user typed', () => {
    const { state, steps, ctx } = setup();
    const name = inputStep(steps, 'Server CommonName');
    const sans = inputStep(steps, 'Server subject alternative names');
    sans.accept(sans.value()); // Enter on the defaults...
    name.accept('milvus.example.com'); // ...then Back and rename the server
    assert.equal(sans.value(), 'milvus.example.com, localhost, 127.0.0.1, ::1');
    sans.accept('milvus.example.com, 10.0.0.5');
    name.accept('other.example.com');
    assert.equal(sans.value(), 'milvus.example.com, 10.0.0.5');
    assert.deepEqual(certificateSetOptionsFrom(state, ctx).serverSans, ['milvus.example.com', '10.0.0.5']);
  });

  it('explains what is wrong at each step', () => {
    const { steps } = setup();
    const name = inputStep(steps, 'Server CommonName');
    assert.match(name.validate('') ?? '', /^The common name is empty/);
    assert.match(name.validate('Milvus TLS CA') ?? '', /CA's name/);
    assert.match(name.validate('x'.repeat(65)) ?? '', /at most 64/);
    const sans = inputStep(steps, 'Server subject alternative names');
    assert.match(sans.validate('') ?? '', /at least one/);
    assert.match(sans.validate('localhost, bad name!') ?? '', /^"bad"|^"name!"/);
    assert.match(sans.validate('a..b') ?? '', /empty label/);
    assert.equal(sans.validate('*.example.com 10.0.0.5, ::1'), undefined);
    const subject = inputStep(steps, 'Subject fields');
    assert.equal(subject.validate(''), undefined);
    assert.match(subject.validate('C=Germany') ?? '', /two-letter/);
    assert.match(subject.validate('X=1') ?? '', /Unknown field "X"/);
    assert.match(subject.validate('CN=a') ?? '', /CN is not set here/);
    assert.match(inputStep(steps, 'Output folder').validate(' ') ?? '', /Give a folder/);
  });

  it('accepts relative and absolute output folders but not ones above the workspace', () => {
    assert.equal(validateOutputFolder('tls'), undefined);
    assert.equal(validateOutputFolder('deploy/certs'), undefined);
    assert.equal(validateOutputFolder('/etc/milvus/tls'), undefined);
    assert.match(validateOutputFolder('../elsewhere') ?? '', /inside the workspace/);
    assert.match(validateOutputFolder('a/../../b') ?? '', /inside the workspace/);
  });
});
