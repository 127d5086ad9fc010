/**
 * The designer webview's page: its CSS rules and static body markup, for the extension's
 * `webviewHtml({ css: DESIGNER_CSS, body: designerBody(), ... })`. No file data goes here;
 * the script (webview/designer.ts) builds the toolbar, panel and status line with
 * textContent inside `#designer`, and sets no inline style attributes (the CSP allows
 * styles only through the nonce'd sheet or the CSSOM).
 */

import { ICON_MASK_CSS } from './designer-icons';
import { DESIGNER_TEXTS } from './designer-texts';

export const DESIGNER_CSS = `
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); }
#designer { position: absolute; inset: 0; display: grid; grid-template-rows: auto 1fr auto; grid-template-columns: 1fr 280px; }
.vt-toolbar { grid-column: 1 / 3; display: flex; flex-wrap: wrap; gap: 2px; align-items: center; padding: 3px 4px; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
.vt-toolbar .vt-group { display: flex; gap: 1px; align-items: center; padding-right: 4px; margin-right: 2px; border-right: 1px solid var(--vscode-panel-border, #8884); }
.vt-toolbar button.vt-icon-button { display: inline-flex; align-items: center; justify-content: center; width: 26px; height: 24px; padding: 0; color: var(--vscode-icon-foreground, var(--vscode-foreground, inherit)); background: transparent; border: 1px solid transparent; border-radius: 4px; }
.vt-toolbar button.vt-icon-button:hover { background: var(--vscode-toolbar-hoverBackground, #8883); }
.vt-toolbar button.vt-icon-button[aria-pressed="true"] { color: var(--vscode-inputOption-activeForeground, inherit); background: var(--vscode-inputOption-activeBackground, #8884); border-color: var(--vscode-inputOption-activeBorder, transparent); }
.vt-toolbar .vt-group:last-child { border-right: none; }
.vt-toolbar button, .vt-panel button { color: var(--vscode-button-secondaryForeground, inherit); background: var(--vscode-button-secondaryBackground, #8882); border: 1px solid var(--vscode-button-border, transparent); padding: 2px 8px; border-radius: 2px; cursor: pointer; font: inherit; }
.vt-toolbar button:hover, .vt-panel button:hover { background: var(--vscode-button-secondaryHoverBackground, #8884); }
.vt-toolbar button[aria-pressed="true"] { color: var(--vscode-button-foreground, #fff); background: var(--vscode-button-background, #0e639c); }
.vt-toolbar button:focus-visible, .vt-panel button:focus-visible, .vt-panel input:focus-visible, .vt-panel select:focus-visible, #vt-canvas:focus-visible { outline: 1px solid var(--vscode-focusBorder, #007fd4); outline-offset: -1px; }
.vt-toolbar input, .vt-panel input, .vt-panel select { color: var(--vscode-input-foreground, inherit); background: var(--vscode-input-background, transparent); border: 1px solid var(--vscode-input-border, #8886); padding: 2px 4px; font: inherit; }
.vt-toolbar input[type="search"] { width: 72px; margin-right: 2px; }
#vt-canvas { grid-column: 1; grid-row: 2; position: relative; min-height: 0; min-width: 0; }
.vt-panel { grid-column: 2; grid-row: 2; overflow: auto; padding: 6px 8px; border-left: 1px solid var(--vscode-panel-border, #8884); background: var(--vscode-sideBar-background, transparent); }
.vt-panel h2 { font-size: 1.05em; margin: 2px 0 6px; word-break: break-all; }
.vt-panel .vt-kind { opacity: 0.75; margin-bottom: 6px; }
.vt-panel .vt-facts div { opacity: 0.85; }
.vt-panel .vt-field { margin: 6px 0; }
.vt-panel .vt-field label { display: block; font-weight: 600; }
.vt-panel .vt-field input, .vt-panel .vt-field select { width: 100%; box-sizing: border-box; }
.vt-panel .vt-field .vt-help { font-size: 0.9em; opacity: 0.7; }
.vt-panel .vt-field .vt-error { color: var(--vscode-errorForeground, #f48771); }
.vt-panel .vt-field .vt-error:empty { display: none; }
.vt-panel .vt-actions { display: flex; gap: 4px; margin: 6px 0; }
.vt-status { grid-column: 1 / 3; grid-row: 3; padding: 2px 8px; border-top: 1px solid var(--vscode-panel-border, #8884); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.vt-status.vt-rejected { color: var(--vscode-errorForeground, #f48771); }
.vt-rename { position: absolute; z-index: 10; min-width: 120px; color: var(--vscode-input-foreground, inherit); background: var(--vscode-input-background, #fff); border: 1px solid var(--vscode-focusBorder, #007fd4); font: inherit; }
.vt-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.vt-help-list { margin: 4px 0; padding-left: 16px; }
.vt-hidden { display: none !important; }
.vt-panel .vt-vm-list { list-style: none; margin: 4px 0; padding: 0; max-height: 40vh; overflow: auto; }
.vt-panel .vt-vm-list button { width: 100%; text-align: left; margin: 1px 0; }
#vt-drop-outline { position: absolute; z-index: 4; pointer-events: none; box-sizing: border-box; border: 3px solid var(--vscode-focusBorder, #007fd4); border-radius: 4px; }
${ICON_MASK_CSS}
.vt-legend { position: absolute; left: 8px; bottom: 8px; z-index: 6; max-height: calc(100% - 16px); max-width: calc(100% - 16px); overflow: auto; box-sizing: border-box; padding: 4px 8px 6px; font-size: 11px; color: var(--vscode-editorWidget-foreground, var(--vscode-editor-foreground)); background: var(--vscode-editorWidget-background, var(--vscode-editor-background, #fff)); border: 1px solid var(--vscode-editorWidget-border, var(--vscode-contrastBorder, var(--vscode-panel-border, #8888))); border-radius: 4px; }
.vt-legend h2 { font-size: 12px; margin: 0 0 2px; }
.vt-legend h3 { font-size: 11px; font-weight: 600; margin: 4px 0 1px; opacity: 0.8; }
.vt-legend ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(2, auto); gap: 1px 12px; }
.vt-legend li { display: flex; gap: 6px; align-items: center; white-space: nowrap; }
.vt-swatch { display: inline-block; flex: none; box-sizing: border-box; }
.vt-swatch-line { width: 22px; height: 0; border-top: 2px solid var(--vscode-descriptionForeground, #717171); }
.vt-swatch-box { width: 18px; height: 12px; border: 2px solid var(--vscode-descriptionForeground, #717171); border-radius: 2px; }
/* The colours of graph-style.ts themeColours(): the same theme variables and fallbacks. */
.vt-swatch-fabric-a, .vt-swatch-switch-a { border-color: var(--vscode-charts-blue, #1a85ff); }
.vt-swatch-fabric-b, .vt-swatch-switch-b { border-color: var(--vscode-charts-purple, #b180d7); }
.vt-swatch-storage { border-top-style: dashed; }
.vt-swatch-suggested { border-top-style: dashed; border-top-color: var(--vscode-editorWarning-foreground, #bf8803); }
.vt-swatch-power { border-top-style: dashed; border-top-color: var(--vscode-charts-yellow, #cca700); }
.vt-swatch-fed-from { border-top-color: var(--vscode-charts-yellow, #cca700); }
.vt-swatch-cluster { border-style: dashed; border-width: 1.5px; }
.vt-swatch-error { border: 3px double var(--vscode-editorError-foreground, #e51400); }
.vt-swatch-warning { border-color: var(--vscode-editorWarning-foreground, #bf8803); }
.vt-swatch-info { border-color: var(--vscode-editorInfo-foreground, #1a85ff); }
.vt-menu { position: fixed; z-index: 20; min-width: 160px; padding: 4px 0; display: flex; flex-direction: column; color: var(--vscode-menu-foreground, var(--vscode-editor-foreground)); background: var(--vscode-menu-background, var(--vscode-editorWidget-background, #fff)); border: 1px solid var(--vscode-menu-border, var(--vscode-contrastBorder, var(--vscode-panel-border, #8888))); border-radius: 5px; box-shadow: 0 2px 8px var(--vscode-widget-shadow, #0004); }
.vt-menu .vt-menu-item { text-align: left; padding: 3px 14px; color: inherit; background: transparent; border: 1px solid transparent; font: inherit; cursor: pointer; white-space: nowrap; }
.vt-menu .vt-menu-item:hover, .vt-menu .vt-menu-item:focus { color: var(--vscode-menu-selectionForeground, inherit); background: var(--vscode-menu-selectionBackground, #8884); outline: 1px solid var(--vscode-menu-selectionBorder, transparent); outline-offset: -1px; }
/* A narrow editor (the designer beside the text): the panel goes under the canvas, so the canvas keeps the width. */
@media (max-width: 760px) {
  #designer { grid-template-columns: 1fr; grid-template-rows: auto 1fr auto auto; }
  .vt-toolbar, .vt-status { grid-column: 1; }
  .vt-panel { grid-column: 1; grid-row: 3; max-height: 28vh; border-left: none; border-top: 1px solid var(--vscode-panel-border, #8884); }
  .vt-status { grid-row: 4; }
  .vt-legend ul { grid-template-columns: auto; }
}
#vt-minimap { position: absolute; right: 8px; bottom: 8px; z-index: 5; width: 200px; height: 140px; border: 1px solid var(--vscode-panel-border, #8888); background: var(--vscode-editor-background, #fff); opacity: 0.92; cursor: crosshair; }
.vt-toolbar .vt-sim { gap: 4px; }
.vt-toolbar .vt-sim input[type="range"] { width: 180px; }
.vt-toolbar .vt-sim .vt-sim-clock { min-width: 90px; font-variant-numeric: tabular-nums; }
`;

/** The page's body, named in the user's language: asked for per page, as the extension builds one. */
export function designerBody(): string {
  const name = DESIGNER_TEXTS.designerName({}).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<div id="designer" aria-label="${name}"></div>`;
}
