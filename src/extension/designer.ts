/**
 * The designer: a custom text editor for `.vtopo` files (offered under "Open With..." and
 * as "Open Designer to the Side"; the text editor stays the default). The document is the
 * single source of truth, as in VS Code's custom editor sample: the canvas renders what the
 * host sends and asks for changes as versioned intents; the host checks the version, turns
 * the intent into a minimal WorkspaceEdit (src/core/edit/intents.ts) and lets the new text
 * flow back. Undo, dirty state, save and hot exit are VS Code's own. Opening the designer
 * never edits the document. Every message from the webview is validated before use.
 */

import * as vscode from 'vscode';
import { editsForIntent, type DesignIntent } from '../core/edit/intents';
import type { ComponentRef } from '../core/simulation/types';
import { elementDetails } from '../core/view/designer-details';
import { playbackFromResult } from '../core/view/designer-playback';
import { DESIGNER_PROTOCOL_VERSION, type DesignerToHostMessage, type HostToDesignerMessage } from '../core/view/designer-protocol';
import { DESIGNER_CSS, designerBody } from '../core/view/designer-style';
import { innermostDeclarationAt } from '../core/view/designer-select';
import { parseDesignerMessage, requestIdOf } from '../core/view/designer-validate';
import { buildDiagram } from '../core/view/diagram';
import { suggestedCables, withSuggestedCables } from '../core/view/diagram-suggestions';
import type { DocumentAnalyses } from './analyses';
import { onDidRunSimulation, type SimulationRun } from './simulation-commands';
import { escapeHtml, webviewHtml } from './webview-html';
import { saveThroughDialog } from './save-file';
import { basename } from './uris';
import { activeDesignUri } from './active-design';
import { DESIGNER_VIEW_TYPE, OPEN_DESIGNER_COMMAND, SIMULATION_COMMANDS, type CommandHandlers } from './contributions';

/** Typing in the text beside the canvas redraws it at most this often. */
const REDRAW_DELAY_MS = 100;

/** The designer's editor provider and command (activation registers them: contributions.ts). */
export function designerFeature(extensionUri: vscode.Uri, analyses: DocumentAnalyses, log: vscode.LogOutputChannel): {
  readonly provider: vscode.CustomTextEditorProvider;
  readonly commands: CommandHandlers<typeof OPEN_DESIGNER_COMMAND>;
} {
  return {
    provider: new DesignerEditorProvider(extensionUri, analyses, log),
    commands: { [OPEN_DESIGNER_COMMAND]: (uri?: unknown) => openDesigner(uri instanceof vscode.Uri ? uri : undefined) },
  };
}

async function openDesigner(uri: vscode.Uri | undefined): Promise<void> {
  const target = uri ?? activeDesignUri();
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a .vtopo file first, then run "VTopo: {command}".', { command: vscode.l10n.t('Open Designer to the Side') }));
    return;
  }
  await vscode.commands.executeCommand('vscode.openWith', target, DESIGNER_VIEW_TYPE, vscode.ViewColumn.Beside);
}

export type DesignerIntentOutcome = { readonly applied: true; readonly dangling: readonly string[] } | { readonly applied: false; readonly reason: string };

/** Intents on one document run one at a time, so each is checked against the text it edits. */
const pendingByDocument = new Map<string, Promise<unknown>>();

/**
 * Carries out an intent on the document as one WorkspaceEdit (one undo step), or says why
 * not: the document changed since the canvas saw it, or the intent cannot be done.
 * `dangling` lists the elements left naming something the intent deleted.
 */
export function applyDesignerIntent(document: vscode.TextDocument, intent: DesignIntent): Promise<DesignerIntentOutcome> {
  const key = document.uri.toString();
  const previous = pendingByDocument.get(key) ?? Promise.resolve();
  const outcome = previous.then(() => applyNow(document, intent));
  const settled = outcome.catch(() => undefined);
  pendingByDocument.set(key, settled);
  void settled.then(() => {
    if (pendingByDocument.get(key) === settled) pendingByDocument.delete(key);
  });
  return outcome;
}

async function applyNow(document: vscode.TextDocument, intent: DesignIntent): Promise<DesignerIntentOutcome> {
  if (document.isClosed) return { applied: false, reason: 'the document is closed' };
  if (intent.baseVersion !== document.version) {
    return { applied: false, reason: `the design changed meanwhile (version ${document.version}, the canvas showed ${intent.baseVersion}); try again on the redrawn design` };
  }
  const result = editsForIntent(document.getText(), intent);
  if ('rejected' in result) return { applied: false, reason: result.rejected };
  const dangling = [...new Set((result.dangling ?? []).flatMap((reference) => (reference.fromId !== undefined ? [reference.fromId] : [])))];
  if (result.edits.length === 0) return { applied: true, dangling };
  const edit = new vscode.WorkspaceEdit();
  for (const change of result.edits) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(change.range.start), document.positionAt(change.range.end)), change.newText);
  }
  if (!(await vscode.workspace.applyEdit(edit))) return { applied: false, reason: 'VS Code did not apply the edit (is the file read-only?)' };
  return { applied: true, dangling };
}

class DesignerEditorProvider implements vscode.CustomTextEditorProvider {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly analyses: DocumentAnalyses,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const mediaRoot = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, localResourceRoots: [mediaRoot] };
    panel.webview.html = designerHtml(panel.webview, mediaRoot);
    const session = new DesignerSession(document, panel.webview, this.analyses, this.log);
    panel.onDidDispose(() => session.dispose());
  }
}

/** One designer editor: keeps its canvas in step with the document and answers its requests. */
class DesignerSession implements vscode.Disposable {
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[];
  /** Ids the canvas draws (from the last document sent): the text cursor selects only these. */
  private shownIds: ReadonlySet<string> = new Set();
  /** The element last selected from the text cursor: moving inside it sends nothing again. */
  private lastCursorElement: string | undefined;

  constructor(
    private readonly document: vscode.TextDocument,
    private readonly webview: vscode.Webview,
    private readonly analyses: DocumentAnalyses,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === document.uri.toString() && event.contentChanges.length > 0) this.scheduleRedraw();
      }),
      webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      vscode.window.onDidChangeTextEditorSelection((event) => this.onTextSelection(event)),
      onDidRunSimulation((run) => this.onSimulation(run)),
    ];
  }

  /** The cursor moved in a text editor of this document (typing, clicking, a problem picked in the Problems panel). */
  private onTextSelection(event: vscode.TextEditorSelectionChangeEvent): void {
    if (event.textEditor.document.uri.toString() !== this.document.uri.toString()) return;
    const cursor = event.selections[0]?.active;
    const declarations = this.analyses.current(this.document)?.topology.declarations;
    if (!cursor || !declarations) return;
    const element = innermostDeclarationAt(declarations.values(), this.document.offsetAt(cursor), (id) => this.shownIds.has(id));
    if (!element || element.id === this.lastCursorElement) {
      this.lastCursorElement = element?.id;
      return;
    }
    this.lastCursorElement = element.id;
    this.post({ type: 'select', elementId: element.id });
  }

  private onSimulation(run: SimulationRun): void {
    if (run.uri.toString() !== this.document.uri.toString()) return;
    try {
      this.post({ type: 'simulation', result: playbackFromResult(run.result, this.analyses.current(this.document)?.topology) });
    } catch (error) {
      this.log.error(`designer: the simulation playback failed: ${String(error)}`);
    }
  }

  dispose(): void {
    if (this.redrawTimer) clearTimeout(this.redrawTimer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private receive(raw: unknown): void {
    const message = parseDesignerMessage(raw);
    if (!message) {
      this.log.warn('the designer sent an invalid message; ignored');
      const requestId = requestIdOf(raw);
      if (requestId !== undefined) {
        this.post({ type: 'rejected', requestId, reason: 'the designer sent a request the extension does not accept' });
        this.sendDocument();
      }
      return;
    }
    void this.handle(message).catch((error: unknown) => this.log.error(`designer: ${message.type} failed: ${String(error)}`));
  }

  private async handle(message: DesignerToHostMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.sendDocument();
        return;
      case 'intent': {
        const outcome = await applyDesignerIntent(this.document, message.intent);
        if (outcome.applied) {
          this.post({ type: 'applied', requestId: message.requestId, dangling: outcome.dangling });
        } else {
          this.post({ type: 'rejected', requestId: message.requestId, reason: outcome.reason });
          this.sendDocument();
        }
        return;
      }
      case 'reveal':
        await this.reveal(message.elementId);
        return;
      case 'details':
        this.sendDetails(message.elementId);
        return;
      case 'export-image':
        await this.exportImage(message.format, message.data);
        return;
      case 'simulate-failure': {
        // The palette's command, on this designer's file: its results panel opens and the canvas plays it.
        const target: ComponentRef = message.target;
        await vscode.commands.executeCommand(SIMULATION_COMMANDS.componentFailure, this.document.uri, target);
        return;
      }
    }
  }

  private scheduleRedraw(): void {
    if (this.redrawTimer) clearTimeout(this.redrawTimer);
    this.redrawTimer = setTimeout(() => {
      this.redrawTimer = undefined;
      this.sendDocument();
    }, REDRAW_DELAY_MS);
  }

  private sendDocument(): void {
    if (this.document.isClosed) return;
    try {
      const analysis = this.analyses.current(this.document)?.analysis;
      if (!analysis) return;
      const text = this.document.getText();
      // The cables the quick fixes would add, drawn dashed (issue 5: "the cable that is missing suggested").
      const diagram = withSuggestedCables(buildDiagram(analysis.topology, analysis.findings), suggestedCables(text, analysis.topology, analysis.findings), analysis.topology);
      this.shownIds = new Set(diagram.nodes.map((node) => node.id));
      this.post({
        type: 'document',
        protocol: DESIGNER_PROTOCOL_VERSION,
        version: this.document.version,
        title: basename(this.document.uri),
        diagram,
      });
    } catch (error) {
      this.log.error(`designer view of ${this.document.uri.toString()} failed: ${String(error)}`);
    }
  }

  /** The property panel's fields of one element, at the document's current version (nothing for an unknown id). */
  private sendDetails(elementId: string): void {
    if (this.document.isClosed) return;
    const analysis = this.analyses.current(this.document)?.analysis;
    const details = analysis ? elementDetails(analysis.topology, this.document.getText(), elementId) : undefined;
    if (details) this.post({ type: 'details', version: this.document.version, details });
  }

  private post(message: HostToDesignerMessage): void {
    void this.webview.postMessage(message);
  }

  /** Shows the element's id in a text editor beside the canvas (the one already open, if any). */
  private async reveal(elementId: string): Promise<void> {
    const declaration = this.analyses.current(this.document)?.topology.declarations.get(elementId);
    if (!declaration) return;
    // The cursor lands on the element the canvas already shows selected: no 'select' back.
    this.lastCursorElement = elementId;
    const selection = new vscode.Range(this.document.positionAt(declaration.idRange.start), this.document.positionAt(declaration.idRange.end));
    const open = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.document.uri.toString());
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: open?.viewColumn ?? vscode.ViewColumn.Beside, selection });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async exportImage(format: 'svg' | 'png', data: string): Promise<void> {
    const name = basename(this.document.uri).replace(/\.vtopo$/, '');
    await saveThroughDialog({
      defaultUri: vscode.Uri.joinPath(this.document.uri, '..', `${name}.${format}`),
      filterName: format === 'svg' ? vscode.l10n.t('SVG image') : vscode.l10n.t('PNG image'),
      extension: format,
      title: vscode.l10n.t('Export the design as {format}', { format: format.toUpperCase() }),
      what: vscode.l10n.t('design'),
      bytes: () => (format === 'svg' ? new TextEncoder().encode(data) : pngBytes(data)),
    }, this.log);
  }
}

/** The bytes of a `data:image/png;base64,...` URL (checked by parseDesignerMessage). */
function pngBytes(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function designerHtml(webview: vscode.Webview, mediaRoot: vscode.Uri): string {
  return webviewHtml({
    webview,
    script: vscode.Uri.joinPath(mediaRoot, 'designer.js'),
    title: escapeHtml(vscode.l10n.t('VTopo designer')),
    css: DESIGNER_CSS,
    body: designerBody(),
    // The toolbar's icons: the codicon font, shipped in dist/webview/codicons (scripts/build.mjs).
    stylesheets: [vscode.Uri.joinPath(mediaRoot, 'codicons', 'codicon.css')],
  });
}
