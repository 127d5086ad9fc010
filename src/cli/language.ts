/**
 * The language of the CLI's texts (docs/l10n.md): `--lang en|zh-cn` anywhere on the command
 * line, else the environment's locale (LC_ALL, LC_MESSAGES, LANG: `zh_CN.UTF-8` and any
 * other Chinese locale read as zh-cn), else English. The bundle is the one VS Code loads.
 */

import zhCn from '../../l10n/bundle.l10n.zh-cn.json';
import { UsageError } from './usage';
import { defineMessages } from '../core/l10n/messages';
import { formatList } from '../core/l10n/format';

const MESSAGES = defineMessages('cli.language', {
  needsValue: 'option --lang needs a value: en or zh-cn',
  invalid: 'invalid value "{value}" for --lang: expected {allowed}',
});

export const CLI_LANGUAGES = ['en', 'zh-cn'] as const;
export type CliLanguage = (typeof CLI_LANGUAGES)[number];

export const BUNDLES: Readonly<Record<CliLanguage, Readonly<Record<string, string>> | undefined>> = { en: undefined, 'zh-cn': zhCn };

/** The language asked for and the arguments without `--lang`. */
export function chooseLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): { readonly language: CliLanguage; readonly args: readonly string[] } {
  const args: string[] = [];
  let asked: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--') {
      args.push(...argv.slice(index));
      break;
    }
    if (arg === '--lang') {
      asked = argv[index + 1];
      if (asked === undefined) throw new UsageError(MESSAGES.needsValue({}));
      index++;
    } else if (arg.startsWith('--lang=')) {
      asked = arg.slice('--lang='.length);
    } else {
      args.push(arg);
    }
  }
  if (asked !== undefined) {
    const language = CLI_LANGUAGES.find((candidate) => candidate === asked.toLowerCase());
    if (language === undefined) throw new UsageError(MESSAGES.invalid({ value: asked, allowed: formatList(CLI_LANGUAGES) }));
    return { language, args };
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return { language: /^zh([_-]|$)/i.test(locale) ? 'zh-cn' : 'en', args };
}
