// Reading notification toasts (bottom right), where messages and progress appear. A toast is a dialog
// labelled "<message>, source: <extension>, notification…" (aria.ts): the message is read from that label.
//
// VS Code hides an information toast 15 s after it appears while the window has focus, into the closed
// notification center. On a loaded machine a test can reach its wait later than that, so every message
// is also recorded as it appears (installNotificationRecorder), and a wait is satisfied by a toast shown
// now or by one recorded since the last clearNotifications().
import type { Locator, Page } from 'playwright-core';
import { runCommand } from './palette';
import { NOTIFICATION } from './aria';
import { plainText, regExpSource } from './dom';

/** Browser-side source: the message of a notification element, cut from its label. */
const MESSAGE_OF = `((node) => {
  const label = node.getAttribute('aria-label') ?? '';
  const end = label.lastIndexOf(', notification');
  const head = end >= 0 ? label.slice(0, end) : label;
  const source = head.lastIndexOf(', source: ');
  return source >= 0 ? head.slice(0, source) : head;
})`;

/** Browser-side: records each notification message once, with when it appeared, from the page's start. */
const RECORDER = `(() => {
  const record = [];
  window.__milvusTlsNotifications = record;
  const messageOf = ${MESSAGE_OF};
  const note = (node) => {
    if (!(node instanceof Element) || !node.matches(${JSON.stringify(NOTIFICATION)})) return;
    const message = messageOf(node);
    if (message !== '' && !record.some((entry) => entry.message === message)) record.push({ message, at: Date.now() });
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') note(mutation.target);
      for (const added of mutation.addedNodes) {
        if (!(added instanceof Element)) continue;
        note(added);
        for (const inner of added.querySelectorAll(${JSON.stringify(NOTIFICATION)})) note(inner);
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
})()`;

/** Starts recording notifications in every document the page loads; call before it opens VS Code. */
export async function installNotificationRecorder(page: Page): Promise<void> {
  await page.addInitScript(RECORDER);
}

/** Closes every notification and forgets the recorded ones: a later wait needs a new one. */
export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.evaluate('window.__milvusTlsNotifications && (window.__milvusTlsNotifications.length = 0)');
}

/** The toasts whose message matches `pattern` (a locator: wait on it, or combine it with others). */
export function notificationToast(page: Page, pattern: RegExp): Locator {
  // getByRole skips hidden elements: the closed notification center's rows carry the same labels.
  return page.getByRole('dialog', { name: pattern }).and(page.locator(NOTIFICATION));
}

/** Browser-side source: the messages of the notifications shown now, cut from their labels. */
const MESSAGES = `Array.from(document.querySelectorAll(${JSON.stringify(NOTIFICATION)}))
  .filter((node) => node.getClientRects().length > 0)
  .map(${MESSAGE_OF})`;

/** Browser-side source: the recorded messages since the last clear, hidden or not. */
const RECORDED = `(window.__milvusTlsNotifications ?? []).map((entry) => entry.message)`;

/** How long a wait looks at toasts before it also opens the notification center. */
const TOAST_PHASE_MS = 20_000;

/** Browser-side: the first message matching `pattern` shown now, else recorded; false when none. */
function matchSource(pattern: RegExp): string {
  return `(() => {
    const pattern = ${regExpSource(pattern)};
    const shown = ${MESSAGES}.find((message) => pattern.test(message));
    if (shown !== undefined) return { message: shown, hidden: false };
    const recorded = ${RECORDED}.find((message) => pattern.test(message));
    return recorded !== undefined ? { message: recorded, hidden: true } : false;
  })()`;
}

async function waitForMatch(page: Page, pattern: RegExp, timeoutMs: number): Promise<{ message: string; hidden: boolean } | undefined> {
  try {
    const handle = await page.waitForFunction(matchSource(pattern), undefined, { timeout: Math.max(1, timeoutMs), polling: 'raf' });
    return (await handle.jsonValue()) as { message: string; hidden: boolean };
  } catch {
    return undefined;
  }
}

/**
 * Waits for a notification whose message matches, and returns the message. A toast shown now or one
 * recorded since the last clear satisfies it; after TOAST_PHASE_MS it also looks in the notification
 * center (VS Code adds every notification there, and on a loaded machine its toast may never have
 * been drawn), and closes the center again, since toasts are not drawn while it is open.
 */
export async function waitForNotification(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let found = await waitForMatch(page, pattern, Math.min(timeoutMs, TOAST_PHASE_MS));
  if (!found && Date.now() < deadline) {
    await runCommand(page, 'Notifications: Show Notifications');
    try {
      found = await waitForMatch(page, pattern, deadline - Date.now());
      if (found) console.log(`(notification found in the notification center, no toast seen: ${plainText(found.message)})`);
    } finally {
      await runCommand(page, 'Notifications: Hide Notifications').catch(() => page.keyboard.press('Escape'));
    }
  }
  if (found) {
    // Worth knowing in a test log: the wait came after VS Code had hidden the toast.
    if (found.hidden) console.log(`(notification found in the record, its toast already hidden: ${plainText(found.message)})`);
    return plainText(found.message);
  }
  const seen = await notificationMessages(page).catch(() => []);
  const recorded = await page
    .evaluate<string[]>(`(window.__milvusTlsNotifications ?? []).map((entry) => new Date(entry.at).toISOString() + ' ' + entry.message)`)
    .catch(() => []);
  throw new Error(
    `no notification matched ${String(pattern)} within ${timeoutMs} ms, toasts or notification center; shown:\n${seen.join('\n---\n')}\nrecorded since the last clear:\n${recorded.join('\n---\n')}`,
  );
}

/** The messages of the toasts shown now. */
export async function notificationMessages(page: Page): Promise<string[]> {
  return (await page.evaluate<string[]>(MESSAGES)).map(plainText);
}

/** The notification center's own "Hide Notifications" action: visible exactly while the center is open. */
function hideCenterAction(page: Page): Locator {
  return page.getByRole('button', { name: /^Hide Notifications/ });
}

/**
 * Clicks a button of the notification whose message matches: on its toast, or, when the toast has
 * already been hidden (see the top of this file), in the notification center, opened for it.
 *
 * The center is never closed through the command palette after the click: the button's command may
 * open a quick input, and the palette would replace (and so cancel) it. A notification closes when one
 * of its buttons is clicked, and VS Code hides the center by itself when its last notification goes;
 * only when others remain is the center's own hide action clicked.
 */
export async function clickNotificationButton(page: Page, pattern: RegExp, button: string): Promise<void> {
  const target = notificationToast(page, pattern).getByRole('button', { name: button }).first();
  if (await target.isVisible()) {
    await target.click();
    return;
  }
  await runCommand(page, 'Notifications: Show Notifications');
  await target.click();
  // notificationToast also finds the open center's rows (both are visible dialogs with that label).
  await notificationToast(page, pattern).first().waitFor({ state: 'hidden', timeout: 10_000 });
  const hide = hideCenterAction(page).first();
  // Usually the center is hiding itself now (its last notification went); click only when it stays.
  const closedItself = await hide.waitFor({ state: 'hidden', timeout: 3_000 }).then(
    () => true,
    () => false,
  );
  if (!closedItself) await hide.click();
}
