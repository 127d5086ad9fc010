/**
 * Activation's handle on the features loaded on first use (on-demand.ts): it registers their
 * commands and the designer at once, with handlers that load the module the first time one
 * runs, tell it the user's language, and start the features. The log says when it loaded
 * and how long that took.
 */

import * as vscode from 'vscode';
import { DESIGNER_OPTIONS, DESIGNER_VIEW_TYPE, ON_DEMAND_COMMANDS } from './contributions';
import type { OnDemandFeatures } from './on-demand';

export type OnDemandModule = typeof import('./on-demand');

/** Loads on-demand.ts: `require` of its bundle on the desktop, the module itself in the web build. */
export type LoadOnDemand = () => OnDemandModule;

export class OnDemand implements vscode.Disposable {
  private loaded: OnDemandModule | undefined;
  private started: OnDemandFeatures | undefined;

  constructor(
    private readonly load: LoadOnDemand,
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The module, loaded on the first call. */
  get module(): OnDemandModule {
    if (!this.loaded) {
      const started = performance.now();
      const loaded = this.load();
      loaded.useLanguage(vscode.env.language, vscode.l10n.bundle);
      this.loaded = loaded;
      this.log.info(`Loaded the designer, simulations, import and in-host analysis in ${(performance.now() - started).toFixed(0)} ms`);
    }
    return this.loaded;
  }

  /** The features, started on the first call. */
  get features(): OnDemandFeatures {
    this.started ??= this.module.startFeatures(this.context, this.log);
    return this.started;
  }

  /** The commands and the designer, each loading the features when first used. */
  register(): vscode.Disposable[] {
    const provider: vscode.CustomTextEditorProvider = {
      resolveCustomTextEditor: (document, panel, token) => this.features.designer.resolveCustomTextEditor(document, panel, token),
    };
    return [
      ...ON_DEMAND_COMMANDS.map((command) => vscode.commands.registerCommand(command, (...args: unknown[]) => this.features.commands[command](...args))),
      vscode.window.registerCustomEditorProvider(DESIGNER_VIEW_TYPE, provider, DESIGNER_OPTIONS),
    ];
  }

  /** A document closed: what the features read of it is let go (nothing is loaded for it). */
  forget(uri: vscode.Uri): void {
    this.started?.forget(uri);
  }

  /** Settings changed. */
  invalidate(): void {
    this.started?.invalidate();
  }

  dispose(): void {
    this.started?.dispose();
  }
}
