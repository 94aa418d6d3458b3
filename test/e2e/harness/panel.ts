// The bottom panel (Problems, Output…), maximized when a test must read more than its few default lines:
// Monaco draws only the visible lines of the Output channel.
import type { Page } from 'playwright-core';
import { runCommand } from './palette';

/**
 * Maximizes the panel ("View: Toggle Maximized Panel") unless it already is, and waits until it is. The
 * panel's title bar has a checkbox action that says which: "Maximize Panel Size" (not checked) or
 * "Restore Panel Size" (checked) once the panel is maximized.
 */
export async function maximizePanel(page: Page, timeoutMs = 15_000): Promise<void> {
  const maximized = page.getByRole('checkbox', { name: 'Restore Panel Size', checked: true });
  if (await maximized.isVisible()) return;
  await runCommand(page, 'View: Toggle Maximized Panel');
  await maximized.waitFor({ state: 'visible', timeout: timeoutMs });
}
