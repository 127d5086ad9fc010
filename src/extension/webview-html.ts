/**
 * The HTML shell of every VTopo webview: a strict Content Security Policy (nothing but the
 * extension's own script, the inline style and the page's own stylesheets, all carrying a
 * fresh nonce; fonts only from the extension, when a stylesheet needs one; images only the
 * extension's and data: URIs), the theme's fonts and colours, and a body that holds no file
 * data (the script fills it with textContent). The page carries the user's language and
 * the translations of the texts, as data the script reads first (webview/common/language.ts).
 */

import * as vscode from 'vscode';

export interface WebviewPage {
  readonly webview: vscode.Webview;
  /** The bundled script, under a folder listed in the panel's localResourceRoots. */
  readonly script: vscode.Uri;
  readonly title: string;
  /** CSS rules; file data never goes here. */
  readonly css: string;
  /** Static markup; file data never goes here. */
  readonly body: string;
  /**
   * Stylesheets shipped with the extension (under localResourceRoots), loaded with the
   * nonce; the fonts they name may come from the extension too (the codicon font).
   */
  readonly stylesheets?: readonly vscode.Uri[];
}

export function webviewHtml(page: WebviewPage): string {
  const nonce = makeNonce();
  const stylesheets = page.stylesheets ?? [];
  const csp = [
    "default-src 'none'",
    `img-src ${page.webview.cspSource} data:`,
    ...(stylesheets.length > 0 ? [`font-src ${page.webview.cspSource}`] : []),
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const language = JSON.stringify({ language: vscode.env.language, bundle: vscode.l10n.bundle ?? {} }).replace(/</g, '\\u003c');
  const links = stylesheets.map((sheet) => `<link rel="stylesheet" nonce="${nonce}" href="${page.webview.asWebviewUri(sheet).toString()}">\n`).join('');
  return `<!DOCTYPE html>
<html lang="${vscode.env.language === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${links}<style nonce="${nonce}">
${page.css}
</style>
<title>${page.title}</title>
</head>
<body>
<script type="application/json" id="vtopo-language">${language}</script>
${page.body}
<script nonce="${nonce}" src="${page.webview.asWebviewUri(page.script).toString()}"></script>
</body>
</html>`;
}

/** A text in HTML, as element content or an attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
