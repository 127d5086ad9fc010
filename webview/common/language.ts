/**
 * The user's language in a webview: the extension writes it into the page, with the
 * translations of the texts (src/extension/webview-html.ts), as a JSON data block that is
 * never executed. Imported first by every webview entry, so that the catalogs of
 * src/core/view answer in that language from the first text on (docs/l10n.md).
 */

import { useLanguage } from '../../src/core/l10n/messages';

function readLanguage(): void {
  if (typeof document === 'undefined') return; // imported outside a page (the start-up test)
  const element = document.getElementById('vtopo-language');
  if (!element?.textContent) return;
  let data: unknown;
  try {
    data = JSON.parse(element.textContent);
  } catch {
    return;
  }
  if (typeof data !== 'object' || data === null) return;
  const { language, bundle } = data as { language?: unknown; bundle?: unknown };
  if (typeof language !== 'string' || typeof bundle !== 'object' || bundle === null) return;
  const texts: Record<string, string> = {};
  for (const [english, translated] of Object.entries(bundle)) if (typeof translated === 'string') texts[english] = translated;
  useLanguage(language, Object.keys(texts).length > 0 ? texts : undefined);
}

readLanguage();
