// Answering quick inputs (quick picks and input boxes), one step at a time.
import type { Locator, Page } from 'playwright-core';

const WIDGET = '.quick-input-widget';

/** What the quick input shows now, as one string; changes whenever a step changes. */
const STATE = `(() => {
  const widget = document.querySelector(${JSON.stringify(WIDGET)});
  if (!widget || widget.style.display === 'none') return null;
  const text = (selector) => (widget.querySelector(selector)?.textContent ?? '');
  const input = widget.querySelector('.quick-input-box input');
  return JSON.stringify({
    title: text('.quick-input-titlebar'),
    placeholder: input?.placeholder ?? '',
    value: input?.value ?? '',
    active: text('.monaco-list-row.focused'),
    rows: widget.querySelectorAll('.monaco-list-row').length,
  });
})()`;

export interface QuickInputStep {
  readonly title: string;
  readonly placeholder: string;
  readonly value: string;
  readonly active: string;
}

/** The open quick input, or undefined when none is shown. */
export async function readQuickInput(page: Page): Promise<QuickInputStep | undefined> {
  const state = await page.evaluate<string | null>(STATE);
  return state === null ? undefined : JSON.parse(state) as QuickInputStep;
}

/** Waits until a quick input is shown. */
export async function waitForQuickInput(page: Page, timeoutMs = 30_000): Promise<QuickInputStep> {
  await page.locator(`${WIDGET} >> visible=true`)
    .waitFor({ state: 'visible', timeout: timeoutMs });
  const step = await readQuickInput(page);
  if (!step) throw new Error('quick input closed as soon as it opened');
  return step;
}

/**
 * Answers the current step: types `value` when given (replacing the proposed one), then Enter, and waits
 * until the step changed (next step, or the quick input closed).
 */
export async function answerQuickInput(page: Page, value?: string, timeoutMs = 30_000): Promise<void> {
  const input = page.locator(`${WIDGET} .quick-input-box input`);
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
export async function acceptDefaultsUntil(page: Page, done: Locator, options: {
  maxSteps?: number;
  timeoutMs?: number;
  /** Called on each step before it is answered, e.g. to take a screenshot of one of them. */
  onStep?: (step: QuickInputStep, index: number) => Promise<void>;
} = {}): Promise<QuickInputStep[]> {
  const maxSteps = options.maxSteps ?? 12;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const steps: QuickInputStep[] = [];
  const visibleWidget = page.locator(`${WIDGET} >> visible=true`);
  for (;;) {
    await done.or(visibleWidget).first().waitFor({ state: 'visible', timeout: timeoutMs });
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
