/** Offsets (what the core reports) to VS Code ranges, through the document. */

import * as vscode from 'vscode';
import type { SourceRange } from '../core/model/source';

export function toRange(document: vscode.TextDocument, range: SourceRange): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}
