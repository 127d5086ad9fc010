/** The core's ranges as VS Code ranges: offsets through the document, lines and characters as they are. */

import * as vscode from 'vscode';
import type { LineRange, SourceRange } from '../core/model/source';

export function fromLineRange(range: LineRange): vscode.Range {
  return new vscode.Range(range.startLine, range.startCharacter, range.endLine, range.endCharacter);
}

export function toRange(document: vscode.TextDocument, range: SourceRange): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}
