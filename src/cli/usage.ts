/** What every command's argument reader shares: the command names and the usage error (exit 2). */

export const COMMANDS = ['check', 'simulate', 'report', 'import', 'rules', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];

export type HelpCommand = { readonly name: 'help'; readonly topic?: CommandName };

export class UsageError extends Error {
  /** The help page that explains the mistake. */
  constructor(message: string, readonly topic?: CommandName) {
    super(message);
  }
}
