// What the test pages keep on `window`, as the functions the .mjs tests pass to Playwright's
// page.evaluate() see it (tsconfig.scripts.json): the designer webview's test hook, the fake
// host's records (test/webview/designer-messages.ts writes fake-host.js) and the tests' own.
import type { DesignerToHostMessage, ElementDetails } from '../src/core/view/designer-protocol';
import type { DesignerTestHook } from '../webview/designer/test-hook';

declare global {
  interface Window {
    /** Set by webview/designer/test-hook.ts. */
    readonly vtopoDesigner: DesignerTestHook;
    /** The fake host: what the canvas posted (JSON copies), in order. */
    __posted: DesignerToHostMessage[];
    /** The fake host: Content-Security-Policy violations ("directive blocked-URI"). */
    __violations: string[];
    /** The fake host answers the canvas's 'details' requests from these, by element id. */
    __details: Record<string, ElementDetails>;
    /** The fake host: the version of the last document. */
    __version: number;
    /** designer.fake-host.mjs: animation frame times during a drag, and whether to keep counting. */
    __frames: number[];
    __framesOn: boolean;
    /** designer.fake-host.mjs: the canvas's render count before a drag. */
    __rendersBefore: number;
    /** designer.fake-host.mjs: the big design's document message. */
    __big: unknown;
    /** designer.e2e.mjs: the alerts, confirms and prompts the designer page tried to show. */
    __vtopoAlerts: string[];
  }
}

export {};
