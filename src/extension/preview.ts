/**
 * "VTopo: Open Design Preview": a read-only picture of the active .vtopo document, redrawn
 * as the text changes. Clicking an element reveals its text. The webview runs under a
 * strict CSP and everything it sends is validated (src/core/view/protocol.ts).
 */

import * as vscode from 'vscode';
import { activeDesignDocument } from './active-design';
import { buildDiagram } from '../core/view/diagram';
import { containerView } from '../core/view/designer-containers';
import { parsePreviewMessage, type HostToPreviewMessage } from '../core/view/protocol';
import type { DocumentAnalyses } from './analyses';
import { escapeHtml, webviewHtml } from './webview-html';
import { basename } from './uris';
import { OPEN_PREVIEW_COMMAND, type CommandHandlers } from './contributions';

const VIEW_TYPE = 'vtopo.preview';
const REDRAW_DELAY_MS = 300;

export function previewCommands(context: vscode.ExtensionContext, analyses: DocumentAnalyses, log: vscode.LogOutputChannel): CommandHandlers<typeof OPEN_PREVIEW_COMMAND> {
  return { [OPEN_PREVIEW_COMMAND]: (uri?: unknown) => openPreview(context, analyses, log, uri instanceof vscode.Uri ? uri : undefined) };
}

async function openPreview(context: vscode.ExtensionContext, analyses: DocumentAnalyses, log: vscode.LogOutputChannel, uri: vscode.Uri | undefined): Promise<void> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : await activeDesignDocument();
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a .vtopo file first, then run "VTopo: {command}".', { command: vscode.l10n.t('Open Design Preview') }));
    return;
  }
  const mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
  const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Preview {file}', { file: basename(document.uri) }), vscode.ViewColumn.Beside, {
    enableScripts: true,
    localResourceRoots: [mediaRoot],
    retainContextWhenHidden: false,
  });
  panel.webview.html = previewHtml(panel.webview, mediaRoot);

  const send = () => {
    try {
      const analysis = analyses.current(document)?.analysis;
      if (!analysis) return;
      const message: HostToPreviewMessage = {
        type: 'diagram',
        documentVersion: document.version,
        title: basename(document.uri),
        // Sites and racks are drawn as boxes; the power feeds only in the designer's overlay.
        diagram: containerView(buildDiagram(analysis.topology, analysis.findings), { power: false, collapsed: new Set() }).diagram,
      };
      void panel.webview.postMessage(message);
    } catch (error) {
      log.error(`preview of ${document.uri.toString()} failed: ${String(error)}`);
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const subscriptions = [
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== document) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(send, REDRAW_DELAY_MS);
    }),
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = parsePreviewMessage(raw);
      if (!message) {
        log.warn('preview sent an invalid message; ignored');
        return;
      }
      if (message.type === 'ready') send();
      else void reveal(document, analyses, message.elementId);
    }),
  ];
  panel.onDidDispose(() => {
    if (timer) clearTimeout(timer);
    for (const subscription of subscriptions) subscription.dispose();
  });
}

async function reveal(document: vscode.TextDocument, analyses: DocumentAnalyses, elementId: string): Promise<void> {
  const declaration = analyses.current(document)?.topology.declarations.get(elementId);
  if (!declaration) return;
  const range = new vscode.Range(document.positionAt(declaration.idRange.start), document.positionAt(declaration.idRange.end));
  const column = vscode.window.visibleTextEditors.find((editor) => editor.document === document)?.viewColumn ?? vscode.ViewColumn.One;
  await vscode.window.showTextDocument(document, { viewColumn: column, selection: range, preserveFocus: true });
}

function previewHtml(webview: vscode.Webview, mediaRoot: vscode.Uri): string {
  return webviewHtml({
    webview,
    script: vscode.Uri.joinPath(mediaRoot, 'main.js'),
    title: escapeHtml(vscode.l10n.t('VTopo preview')),
    css: `
  html, body { height: 100%; margin: 0; padding: 0; color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  #status { padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border); }
  #canvas { position: absolute; top: 28px; left: 0; right: 0; bottom: 0; }
  #details { position: absolute; right: 8px; bottom: 8px; max-width: 40%; padding: 6px 8px; background: var(--vscode-editorWidget-background); border: 1px solid var(--vscode-editorWidget-border); }
  #details:empty { display: none; }`,
    body: `<div id="status" role="status" aria-live="polite">${escapeHtml(vscode.l10n.t('Loading the design...'))}</div>
<div id="canvas" role="img" aria-label="${escapeHtml(vscode.l10n.t('Design diagram'))}"></div>
<div id="details" aria-live="polite"></div>`,
  });
}
