/**
 * The VS Code theme as the webviews see it: the colours VS Code sets as CSS variables on the
 * page's body, and its theme changes (VS Code changes the body's class).
 */

/** A theme colour by its CSS variable (`--vscode-editor-foreground`), or `fallback` outside VS Code. */
export function themeColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.body).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

/** Calls `restyle` whenever the user switches theme (light, dark, high contrast). */
export function onThemeChange(restyle: () => void): void {
  new MutationObserver(() => restyle()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
