/**
 * The page's line to the extension host, for every VTopo webview (preview, designer,
 * simulation results): VS Code's webview API typed by the messages the page sends, and the
 * messages the host posts to it, each checked by the page's own parser before use.
 */

/** The part of VS Code's webview API the pages use. */
interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export interface HostChannel<ToHost> {
  post(message: ToHost): void;
}

/** VS Code lets a page acquire its API only once: the first call keeps it for later ones. */
let acquired: VsCodeApi | undefined;

/** The channel to the extension host, typed by what this page may send. */
export function hostChannel<ToHost>(): HostChannel<ToHost> {
  const api = (acquired ??= acquireVsCodeApi());
  return { post: (message) => api.postMessage(message) };
}

/** Calls `handle` with each message from the host that `parse` accepts; anything else is ignored. */
export function onHostMessage<FromHost>(parse: (data: unknown) => FromHost | undefined, handle: (message: FromHost) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = parse(event.data);
    if (message !== undefined) handle(message);
  });
}
