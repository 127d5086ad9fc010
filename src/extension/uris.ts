/** The file name of a URI (its last path segment), for titles and messages. */

import type * as vscode from 'vscode';

export function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}
