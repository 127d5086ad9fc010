/**
 * A worker as both clients hold it (analysis-client.ts, query-client.ts): started on first
 * use, told the user's language, and given up for good when it cannot start or dies, after
 * which the client does the work in the extension host. The log says which, once.
 */

import type * as vscode from 'vscode';
import type { LanguageSetting } from '../core/analysis/document-report';
import type { WorkerFactory, WorkerMessage, WorkerPort, WorkerRole } from './analysis-client';

export interface WorkerSlotOptions {
  readonly role: WorkerRole;
  /** The worker in words, for the log: `the analysis worker`. */
  readonly name: string;
  /** Logged once it runs. */
  readonly started: string;
  /** What happens without it, for the log: `designs are analyzed in the extension host`. */
  readonly without: string;
  readonly onReply: (reply: unknown) => void;
  /** It died: the client answers what it was waiting for in the extension host. */
  readonly onLost: () => void;
}

export class WorkerSlot implements vscode.Disposable {
  private port: Promise<WorkerPort | undefined> | undefined;
  private given = false;
  private disposed = false;

  constructor(
    private readonly factory: WorkerFactory | undefined,
    private readonly log: vscode.LogOutputChannel,
    /** Sent to the worker before anything else (none for English). */
    private readonly language: LanguageSetting | undefined,
    private readonly options: WorkerSlotOptions,
  ) {}

  /** Whether the work is done in the extension host from now on. */
  get givenUp(): boolean {
    return this.given;
  }

  /** The worker, started if it is not yet; undefined once given up. */
  worker(): Promise<WorkerPort | undefined> {
    if (this.given) return Promise.resolve(undefined);
    this.port ??= this.start();
    return this.port;
  }

  /** Sends a message to the worker if it was started, and starts nothing. */
  tell(message: WorkerMessage): void {
    void this.port?.then((port) => port?.post(message));
  }

  dispose(): void {
    this.disposed = true;
    void this.port?.then((port) => port?.terminate());
  }

  private async start(): Promise<WorkerPort | undefined> {
    const { name } = this.options;
    if (!this.factory) return this.giveUp('this extension host cannot start workers');
    try {
      const port = await this.factory(this.options.role);
      if (this.language) port.post(this.language);
      this.log.info(this.options.started);
      port.onReply(this.options.onReply);
      port.onFailure((reason) => {
        if (this.disposed) return;
        this.giveUp(`${name} stopped: ${reason}`);
        port.terminate();
        this.options.onLost();
      });
      return port;
    } catch (error) {
      return this.giveUp(`${name} could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private giveUp(reason: string): undefined {
    if (!this.given) this.log.warn(`${reason}; ${this.options.without} from now on.`);
    this.given = true;
    return undefined;
  }
}
