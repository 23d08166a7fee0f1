/**
 * Confirmation of what cannot be undone (destroy, shut down, reboot, remove a
 * host), as a quick pick whose first, highlighted item is Cancel: Enter and
 * Escape both leave everything as it is. A modal dialog would focus the action
 * button, so that Enter destroys.
 */
import * as vscode from 'vscode';

export async function confirmAction(question: string, detail: string, actionLabel: string): Promise<boolean> {
  const cancel: vscode.QuickPickItem = { label: 'Cancel', description: 'do nothing' };
  const act: vscode.QuickPickItem = { label: `$(warning) ${actionLabel}`, description: detail };
  const picked = await vscode.window.showQuickPick([cancel, act], { title: question, placeHolder: detail, ignoreFocusOut: true });
  return picked === act;
}
