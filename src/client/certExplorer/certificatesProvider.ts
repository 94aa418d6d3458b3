// Maps the plain tree model to TreeItems. Holds no logic of its own beyond that mapping: what the
// tree shows is decided in treeModel.ts.
import * as vscode from 'vscode';
import type { CertificateTree, TreeNode } from './treeModel';

const EMPTY_TREE: CertificateTree = { roots: [], nodes: new Map(), nodeOfCertificate: new Map() };

const COLLAPSE: Record<TreeNode['collapse'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export class CertificatesProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  #tree: CertificateTree = EMPTY_TREE;
  readonly #onDidChangeTreeData = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.#onDidChangeTreeData.event;

  get tree(): CertificateTree {
    return this.#tree;
  }

  update(tree: CertificateTree): void {
    this.#tree = tree;
    this.#onDidChangeTreeData.fire(undefined);
  }

  /** The current node showing an inspected certificate, for reveal. */
  nodeOfCertificate(certificateId: string): TreeNode | undefined {
    const id = this.#tree.nodeOfCertificate.get(certificateId);
    return id === undefined ? undefined : this.#tree.nodes.get(id);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, COLLAPSE[node.collapse]);
    // Stable ids keep expansion and selection across rescans, and make reveal() work.
    item.id = node.id;
    item.description = node.description;
    const tooltip = new vscode.MarkdownString(node.tooltip, true);
    tooltip.isTrusted = false;
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color === undefined ? undefined : new vscode.ThemeColor(node.icon.color));
    item.contextValue = node.contextValue;
    if (node.file !== undefined) {
      const line = node.line ?? 0;
      item.command = {
        command: 'vscode.open',
        title: 'Open File',
        arguments: [vscode.Uri.file(node.file), { selection: new vscode.Range(line, 0, line, 0), preview: true }],
      };
    }
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    const ids = node === undefined ? this.#tree.roots : node.childIds;
    return ids.map((id) => this.#tree.nodes.get(id)).filter((child): child is TreeNode => child !== undefined);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parentId === undefined ? undefined : this.#tree.nodes.get(node.parentId);
  }

  dispose(): void {
    this.#onDidChangeTreeData.dispose();
  }
}
