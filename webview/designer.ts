/**
 * The designer canvas (webview entry): draws the design the extension sends (cytoscape;
 * VMs inside hosts, controllers inside arrays, fabrics coloured, findings as marks) and
 * turns what the user does into edit intents. It never changes the picture's truth itself:
 * every change goes to the extension as a versioned intent, and the new document comes back
 * as a 'document' message, merged into the graph in place. Labels are drawn on the canvas or
 * set as textContent: file data never becomes markup. The modules are in webview/designer/
 * (docs/designer.md, "Code structure"); start() wires them.
 */

import './common/language';
import { start } from './designer/app';

start();
