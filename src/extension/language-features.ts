/**
 * Completion, hover, go to definition and the outline: thin adapters from the pure
 * language service (src/core/language) to the VS Code API.
 */

import * as vscode from 'vscode';
import type { completeAt, CompletionEntry } from '../core/language/completion';
import { DeclaredIds } from '../core/language/declared-ids';
import type { LineSource, SourceLine } from '../core/language/cursor';
import type { DocumentReport } from '../core/analysis/document-report';
import { sameOutline, unpackOutline, type OutlineEntry, type PackedOutline } from '../core/language/packed-outline';
import type { ElementKind } from '../core/model/schema';
import type { QueryClient } from './query-client';
import { VTOPO_LANGUAGE, type DiagnosticsController } from './diagnostics';
import { fromLineRange, toRange } from './ranges';

const SELECTOR: vscode.DocumentSelector = { language: VTOPO_LANGUAGE };

const convertedSymbols = new WeakMap<DocumentReport, vscode.DocumentSymbol[]>();

/** ` ` after `key:` or in indentation, `/` inside a port id, `,` and `[` in flow lists. */
const TRIGGER_CHARACTERS = [' ', '/', ',', '['];

/** `completion` loads the completion of core/language (with the rule catalog) on first use (on-demand.ts). */
export function registerLanguageFeatures(queries: QueryClient, diagnostics: DiagnosticsController, completion: () => typeof completeAt): vscode.Disposable[] {
  /** The last outline converted, by document: typing within a line leaves the outline as it was. */
  const lastOutlines = new Map<string, { readonly outline: PackedOutline; readonly symbols: vscode.DocumentSymbol[] }>();
  return [
    vscode.workspace.onDidCloseTextDocument((document) => lastOutlines.delete(document.uri.toString())),
    vscode.languages.registerCompletionItemProvider(SELECTOR, {
      // The ids come with the last report from the analysis worker: completion never reads the design here.
      provideCompletionItems(document, position) {
        const report = diagnostics.lastReport(document);
        const entries = completion()(documentLines(document), document.offsetAt(position), report && new DeclaredIds(report.ids));
        return entries.map((entry) => toCompletionItem(document, entry));
      },
    }, ...TRIGGER_CHARACTERS),
    // Hover and definition are answered by the query worker (query-client.ts), from the
    // version it read last when the text asked about was not edited since.
    vscode.languages.registerHoverProvider(SELECTOR, {
      async provideHover(document, position) {
        const hover = await queries.hover(document, document.offsetAt(position));
        return hover && new vscode.Hover(new vscode.MarkdownString(hover.markdown), toRange(document, hover.range));
      },
    }),
    vscode.languages.registerDefinitionProvider(SELECTOR, {
      async provideDefinition(document, position) {
        const definition = await queries.definition(document, document.offsetAt(position));
        if (!definition) return undefined;
        const link: vscode.LocationLink = {
          originSelectionRange: toRange(document, definition.origin),
          targetUri: document.uri,
          targetRange: toRange(document, definition.target),
          targetSelectionRange: toRange(document, definition.targetId),
        };
        return [link];
      },
    }),
    // The outline comes with the diagnostics, from the analysis worker. The outline view and
    // the breadcrumbs both ask for it after each edit: each report is converted once.
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, {
      async provideDocumentSymbols(document, token) {
        const report = await diagnostics.reportOn(document, token);
        if (!report) return [];
        let symbols = convertedSymbols.get(report);
        if (!symbols) {
          const last = lastOutlines.get(report.uri);
          symbols = last && sameOutline(last.outline, report.outline) ? last.symbols : unpackOutline(report.outline, toDocumentSymbol);
          convertedSymbols.set(report, symbols);
          lastOutlines.set(report.uri, { outline: report.outline, symbols });
        }
        return symbols;
      },
    }, { label: 'VTopo' }),
  ];
}

/**
 * The document's lines as completion reads them, one at a time: `getText()` would join a big
 * design's lines into one string on every keystroke that asks for completion (about 8 MB
 * of UTF-16 for the bench's large design, left for the collector each time). The cursor
 * context walks from the cursor's line up (and down) a line at a time: each line's start is
 * worked out from its neighbour's (a document has one kind of line break), not looked up.
 */
function documentLines(document: vscode.TextDocument): LineSource {
  const breakLength = document.eol === vscode.EndOfLine.CRLF ? 2 : 1;
  const lastLine = document.lineCount - 1;
  const lineOf = (line: number, start: number): SourceLine => {
    const text = document.lineAt(line).text;
    return { start, text, next: line < lastLine ? start + text.length + breakLength : undefined };
  };
  let known: { readonly line: number; readonly at: SourceLine } | undefined;
  const remember = (line: number, at: SourceLine) => {
    known = { line, at };
    return at;
  };
  return {
    length: document.offsetAt(document.lineAt(lastLine).range.end),
    lineAt(offset) {
      if (known && offset === known.at.start - 1 && known.line > 0) {
        const text = document.lineAt(known.line - 1).text;
        return remember(known.line - 1, { start: known.at.start - breakLength - text.length, text, next: known.at.start });
      }
      if (known && offset === known.at.next) return remember(known.line + 1, lineOf(known.line + 1, offset));
      const { line } = document.positionAt(offset);
      return remember(line, lineOf(line, document.offsetAt(new vscode.Position(line, 0))));
    },
  };
}

const COMPLETION_KINDS: Readonly<Record<CompletionEntry['kind'], vscode.CompletionItemKind>> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  element: vscode.CompletionItemKind.Reference,
};

function toCompletionItem(document: vscode.TextDocument, entry: CompletionEntry): vscode.CompletionItem {
  const item = new vscode.CompletionItem(entry.label, COMPLETION_KINDS[entry.kind]);
  item.detail = entry.detail;
  if (entry.documentation !== undefined) item.documentation = new vscode.MarkdownString(entry.documentation);
  item.insertText = new vscode.SnippetString(entry.snippet);
  item.range = toRange(document, entry.replace);
  item.sortText = entry.sortText;
  if (entry.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: vscode.l10n.t('Suggest values') };
  return item;
}

const SYMBOL_KINDS: Readonly<Record<ElementKind, vscode.SymbolKind>> = {
  cluster: vscode.SymbolKind.Namespace,
  hostProfile: vscode.SymbolKind.Interface,
  host: vscode.SymbolKind.Class,
  adapter: vscode.SymbolKind.Module,
  port: vscode.SymbolKind.Interface,
  virtualSwitch: vscode.SymbolKind.Struct,
  portGroup: vscode.SymbolKind.Interface,
  vmkernelPort: vscode.SymbolKind.Interface,
  switch: vscode.SymbolKind.Struct,
  array: vscode.SymbolKind.Package,
  controller: vscode.SymbolKind.Module,
  datastore: vscode.SymbolKind.File,
  vm: vscode.SymbolKind.Object,
  guestCluster: vscode.SymbolKind.Namespace,
  rule: vscode.SymbolKind.Event,
  site: vscode.SymbolKind.Namespace,
  rack: vscode.SymbolKind.Package,
  chassis: vscode.SymbolKind.Package,
  powerFeed: vscode.SymbolKind.Event,
  siteLink: vscode.SymbolKind.Event,
};

function toDocumentSymbol(entry: OutlineEntry, children: vscode.DocumentSymbol[]): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(entry.name, entry.detail, SYMBOL_KINDS[entry.kind], fromLineRange(entry.range), fromLineRange(entry.selectionRange));
  symbol.children = children;
  return symbol;
}
