// Where the workbench's parts are found by their ARIA roles and labels, which VS Code keeps for screen
// readers (and changes far less often than its CSS classes). Each selector says where VS Code sets the
// role or label (VS Code 1.100 sources, code-server 4.100.3). A private CSS class is used only where
// the workbench gives no role or label; the modules that do so say why.

/** The quick input's text field: role textbox, and it controls the quick input list (quickInputController.ts). */
export const QUICK_INPUT_BOX = 'input[role="textbox"][aria-controls="quickInput_list"]';

/** The quick input's list of items (quick picks, the command palette): a listbox of options. */
export const QUICK_INPUT_LIST = '#quickInput_list[role="listbox"]';

/** The code action (quick fix) menu: a listbox named "Action Widget" (actionList.ts), one option per action. */
export const ACTION_LIST = '[role="listbox"][aria-label="Action Widget"]';

/**
 * Notification toasts (and the notification center's rows): role dialog, labelled
 * "<message>, source: <extension>, notification[, <hint>]" (notificationsList.ts).
 */
export const NOTIFICATION = '[role="dialog"][aria-label*=", notification"]';

/** A modal dialog (showWarningMessage with modal: true, VS Code's own questions): aria-modal (dialog.ts). */
export const MODAL_DIALOG = '[role="dialog"][aria-modal="true"]';

/** The status bar: the footer of role status (statusbarPart.ts). */
export const STATUS_BAR = 'footer[role="status"]';

/** Items of the status bar: buttons labelled by their text. */
export const STATUS_BAR_ITEM = `${STATUS_BAR} [role="button"]`;

/** The editor hover and the workbench's hovers: role tooltip (hoverWidget.ts). */
export const TOOLTIP = '[role="tooltip"]';

/** The workbench root. */
export const WORKBENCH = '[role="application"]';

/** The editor area (role main), which holds the editor groups and their tabs. */
export const EDITOR_AREA = '[role="main"]';

/** The file explorer's tree. */
export const FILES_EXPLORER = '[role="tree"][aria-label="Files Explorer"]';

/** The rows of a tree view (side bar views, the explorer, Problems). */
export const TREE_ITEM = '[role="treeitem"]';

/** The tree of a contributed view, by the view's name (e.g. "Certificates"): tree views take the view's name as label. */
export function treeOfView(viewName: string): string {
  return `[role="tree"][aria-label=${JSON.stringify(viewName)}]`;
}

/** Escapes text for a RegExp that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
