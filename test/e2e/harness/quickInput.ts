// Answering quick inputs (quick picks and input boxes), one step at a time. The quick input is found by
// its ARIA roles (aria.ts): a textbox that controls a listbox; its label holds the placeholder and title.
import type { Locator, Page } from 'playwright-core';
import { QUICK_INPUT_BOX, QUICK_INPUT_LIST } from './aria';

/**
 * What the quick input shows now, as one string; changes whenever a step changes. The textbox's
 * aria-label is "<placeholder> - <title>" (or the title alone, for an input box without placeholder;
 * quickInput.ts), its aria-describedby element holds the prompt or validation message, and its
 * aria-activedescendant names the focused option.
 */
const STATE = `(() => {
  const input = document.querySelector(${JSON.stringify(QUICK_INPUT_BOX)});
  if (!input || input.getClientRects().length === 0) return null;
  const label = input.getAttribute('aria-label') ?? '';
  const placeholder = input.getAttribute('placeholder') ?? '';
  const prefixes = [placeholder, 'Type to narrow down results.'].filter((text) => text !== '').map((text) => text + ' - ');
  const prefix = prefixes.find((text) => label.startsWith(text));
  const title = prefix !== undefined ? label.slice(prefix.length)
    : (placeholder === '' && label !== 'input' && label !== 'Type to narrow down results.' ? label : '');
  const byId = (id) => (id ? document.getElementById(id) : null);
  const list = document.querySelector(${JSON.stringify(QUICK_INPUT_LIST)});
  const listShown = !!list && list.getClientRects().length > 0;
  return JSON.stringify({
    title,
    placeholder,
    value: input.value ?? '',
    active: listShown ? (byId(input.getAttribute('aria-activedescendant'))?.getAttribute('aria-label') ?? '') : '',
    message: (byId(input.getAttribute('aria-describedby'))?.textContent ?? '').trim(),
    rows: listShown ? list.querySelectorAll('[role="option"]').length : 0,
  });
})()`;

export interface QuickInputStep {
  readonly title: string;
  readonly placeholder: string;
  readonly value: string;
  /** The focused item's label (quick picks); empty for an input box. */
  readonly active: string;
  /** The prompt under the input box, or its validation message. */
  readonly message?: string;
}

/** The quick input's text field (visible or not): type into it, press keys in it. */
export function quickInputBox(page: Page): Locator {
  return page.locator(QUICK_INPUT_BOX);
}

/** The items of the open quick pick whose label matches `name` (the label is "<label>, <description>…"). */
export function quickInputOption(page: Page, name: RegExp): Locator {
  return page.locator(QUICK_INPUT_LIST).getByRole('option', { name });
}

/** The open quick input, or undefined when none is shown. */
export async function readQuickInput(page: Page): Promise<QuickInputStep | undefined> {
  const state = await page.evaluate<string | null>(STATE);
  return state === null ? undefined : (JSON.parse(state) as QuickInputStep);
}

/** Waits until a quick input is shown. */
export async function waitForQuickInput(page: Page, timeoutMs = 30_000): Promise<QuickInputStep> {
  await page.locator(`${QUICK_INPUT_BOX} >> visible=true`).waitFor({ state: 'visible', timeout: timeoutMs });
  const step = await readQuickInput(page);
  if (!step) throw new Error('quick input closed as soon as it opened');
  return step;
}

/**
 * Answers the current step: types `value` when given (replacing the proposed one), then Enter, and waits
 * until the step changed (next step, or the quick input closed).
 */
export async function answerQuickInput(page: Page, value?: string, timeoutMs = 30_000): Promise<void> {
  const input = quickInputBox(page);
  if (value !== undefined) await input.fill(value);
  const before = await page.evaluate<string | null>(STATE);
  if (before === null) throw new Error('no quick input to answer');
  await input.press('Enter');
  await page.waitForFunction(`${STATE} !== ${JSON.stringify(before)}`, undefined, { timeout: timeoutMs, polling: 'raf' });
}

/**
 * Presses Enter on every step (accepting what each proposes) until `done` is visible. Returns the steps
 * seen, so that a test can report them. Fails if more than `maxSteps` steps pass without `done`.
 */
export async function acceptDefaultsUntil(
  page: Page,
  done: Locator,
  options: {
    maxSteps?: number;
    timeoutMs?: number;
    /** Called on each step before it is answered, e.g. to take a screenshot of one of them. */
    onStep?: (step: QuickInputStep, index: number) => Promise<void>;
  } = {},
): Promise<QuickInputStep[]> {
  const maxSteps = options.maxSteps ?? 12;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const steps: QuickInputStep[] = [];
  const visibleInput = page.locator(`${QUICK_INPUT_BOX} >> visible=true`);
  for (;;) {
    await done.or(visibleInput).first().waitFor({ state: 'visible', timeout: timeoutMs });
    if (await done.first().isVisible()) return steps;
    const step = await readQuickInput(page);
    if (!step) continue; // closed between the two looks: wait again
    if (steps.length >= maxSteps) {
      throw new Error(`still asking after ${maxSteps} steps; last: ${JSON.stringify(step)}`);
    }
    steps.push(step);
    await options.onStep?.(step, steps.length - 1);
    await answerQuickInput(page, undefined, timeoutMs);
  }
}
