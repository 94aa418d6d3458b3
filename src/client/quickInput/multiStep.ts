// Renders a wizard (quickInput/steps.ts) as one QuickInput per step, with a Back button and a
// "Step n/N" counter. Going back shows the earlier step with the value the user accepted there.
import * as vscode from 'vscode';
import type { InputStep, PickStep, StepOutcome, WizardStep } from './steps';
import { stepTitle } from './steps';

/** Runs the steps in order. Resolves true when the last step was accepted, false on cancel (Escape). */
export async function runWizard(wizardTitle: string, steps: readonly WizardStep[]): Promise<boolean> {
  let index = 0;
  while (index < steps.length) {
    const step = steps[index];
    if (!step) break;
    const title = stepTitle(wizardTitle, index, steps.length, step.title);
    const canGoBack = index > 0;
    const outcome = step.kind === 'input' ? await showInputStep(step, title, canGoBack) : await showPickStep(step, title, canGoBack);
    if (outcome === 'cancel') return false;
    index += outcome === 'back' ? -1 : 1;
  }
  return true;
}

/** Shows one quick input and settles on accept, Back or hide, always disposing what it created. */
function runQuickInput(
  input: vscode.QuickInput,
  wire: (settle: (outcome: StepOutcome) => void) => vscode.Disposable[],
): Promise<StepOutcome> {
  return new Promise<StepOutcome>((resolve) => {
    let settled = false;
    const disposables: vscode.Disposable[] = [];
    const settle = (outcome: StepOutcome): void => {
      if (settled) return;
      settled = true;
      for (const disposable of disposables) disposable.dispose();
      input.dispose();
      resolve(outcome);
    };
    disposables.push(
      ...wire(settle),
      input.onDidHide(() => settle('cancel')),
    );
    input.show();
  });
}

function showInputStep(step: InputStep, title: string, canGoBack: boolean): Promise<StepOutcome> {
  const box = vscode.window.createInputBox();
  box.title = title;
  box.prompt = step.prompt;
  box.placeholder = step.placeholder;
  box.value = step.value();
  box.ignoreFocusOut = true;
  box.buttons = canGoBack ? [vscode.QuickInputButtons.Back] : [];
  box.validationMessage = step.validate(box.value);
  return runQuickInput(box, (settle) => [
    box.onDidChangeValue((value) => {
      box.validationMessage = step.validate(value);
    }),
    box.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) settle('back');
    }),
    box.onDidAccept(() => {
      const error = step.validate(box.value);
      box.validationMessage = error;
      if (error !== undefined) return;
      step.accept(box.value);
      settle('next');
    }),
  ]);
}

interface ValueItem extends vscode.QuickPickItem {
  value: unknown;
}

function showPickStep(step: PickStep, title: string, canGoBack: boolean): Promise<StepOutcome> {
  const pick = vscode.window.createQuickPick<ValueItem>();
  pick.title = title;
  pick.placeholder = step.placeholder;
  pick.ignoreFocusOut = true;
  pick.buttons = canGoBack ? [vscode.QuickInputButtons.Back] : [];
  const items: ValueItem[] = step.options().map((option) => ({ ...option }));
  pick.items = items;
  const active = step.active();
  pick.activeItems = items.filter((item) => item.value === active);
  return runQuickInput(pick, (settle) => [
    pick.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) settle('back');
    }),
    pick.onDidAccept(() => {
      const [chosen] = pick.selectedItems.length > 0 ? pick.selectedItems : pick.activeItems;
      if (!chosen) return;
      step.accept(chosen.value);
      settle('next');
    }),
  ]);
}
