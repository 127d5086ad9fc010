/**
 * Builds what the fake host of the designer test sends, in Node (run with tsx): the test
 * page (the production CSP, CSS and body around dist/webview/designer.js) and 'document'
 * messages for the seed example, an XSS label and a generated 2,000-element design.
 * Usage: tsx test/webview/designer-messages.ts <out-dir>
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDesign } from '../../bench/generate';
import { analyzeText } from '../../src/core/analysis/engine';
import { hostFailureScenario, simulateScenario } from '../../src/core/simulation/engine';
import { playbackFromResult } from '../../src/core/view/designer-playback';
import { buildElementDetails } from '../../src/core/view/designer-details';
import type { ElementDetails, HostToDesignerMessage } from '../../src/core/view/designer-protocol';
import { DESIGNER_BODY, DESIGNER_CSS } from '../../src/core/view/designer-style';
import { buildDiagram, type Diagram } from '../../src/core/view/diagram';

const out = process.argv[2] ?? 'test-output/designer-webview';
mkdirSync(out, { recursive: true });

function documentFor(text: string, title: string, version: number): HostToDesignerMessage {
  const { topology, findings } = analyzeText(text);
  const diagram = buildDiagram(topology, findings);
  const details = buildElementDetails(topology, text);
  // Port ids per host and controller (ElementDetails.ports), for the link tool.
  const ports = new Map<string, string[]>();
  for (const declaration of topology.declarations.values()) {
    if (declaration.kind !== 'port') continue;
    const owner = declaration.id.split('/').slice(0, topology.declarations.get(declaration.id.split('/')[0] ?? '')?.kind === 'array' ? 2 : 1).join('/');
    ports.set(owner, [...(ports.get(owner) ?? []), declaration.id]);
  }
  const withPorts: ElementDetails[] = details.map((entry) => (ports.has(entry.id) ? { ...entry, ports: ports.get(entry.id) ?? [] } : entry));
  for (const controller of topology.arrays.flatMap((array) => array.controllers)) {
    if (!withPorts.some((entry) => entry.id === controller.id)) withPorts.push({ id: controller.id, kind: 'controller', fields: [], ports: ports.get(controller.id) ?? [] });
  }
  return { type: 'document', protocol: 1, version, title, diagram, details: withPorts };
}

const seedText = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');
const seed = documentFor(seedText, 'seed-000-fq1616r.vtopo', 1);
writeFileSync(join(out, 'seed.json'), JSON.stringify(seed));

// The playback of "host esx-01 fails" on the seed, as the host sends it after the simulation command.
const simulation: HostToDesignerMessage = { type: 'simulation', result: playbackFromResult(simulateScenario(analyzeText(seedText).topology, hostFailureScenario('esx-01'))) };
writeFileSync(join(out, 'simulation.json'), JSON.stringify(simulation));

// An element whose id is markup: the canvas must show it as text and never run it.
const xssId = '<img src=x onerror=alert(1)>';
if (seed.type !== 'document') throw new Error('unreachable');
const xssDiagram: Diagram = {
  nodes: [...seed.diagram.nodes, { id: xssId, kind: 'host', label: xssId, findingCount: 1, severity: 'error', details: ['<b>bold</b> <script>alert(2)</script>'] }],
  edges: [...seed.diagram.edges, { id: 'link:xss', source: xssId, target: 'fc-a', kind: 'cable', label: '<svg onload=alert(3)>', fabric: 'A' }],
  positions: { ...seed.diagram.positions, [xssId]: { x: 700, y: 100 } },
};
const xss: HostToDesignerMessage = {
  ...seed,
  version: 50,
  diagram: xssDiagram,
  details: [...seed.details, { id: xssId, kind: 'host', fields: [{ key: 'model', value: '"><img src=y onerror=alert(4)>', typeName: 'text', description: '<i>x</i>' }] }],
};
writeFileSync(join(out, 'xss.json'), JSON.stringify(xss));

const bigText = generateDesign({ name: 'designer-2000', hosts: 100, vms: 1500, fabrics: 2, arrays: 2, hostsPerCluster: 32, datastoresPerCluster: 4 }, 7);
const big = documentFor(bigText, 'designer-2000.vtopo', 1);
writeFileSync(join(out, 'big.json'), JSON.stringify(big));

const nonce = 'testnonce0123456789abcdef';
writeFileSync(join(out, 'index.html'), `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'">
<style nonce="${nonce}">
body { --vscode-editor-foreground: #333333; --vscode-editor-background: #ffffff; }
body.vscode-dark { --vscode-editor-foreground: #cccccc; --vscode-editor-background: #1e1e1e; }
${DESIGNER_CSS}
</style>
<title>designer fake host</title>
</head>
<body class="vscode-light">
${DESIGNER_BODY}
<script nonce="${nonce}" src="fake-host.js"></script>
<script nonce="${nonce}" src="designer.js"></script>
</body>
</html>`);
writeFileSync(join(out, 'fake-host.js'), `window.__posted = [];
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))), getState: () => undefined, setState: () => undefined });
`);
console.log(JSON.stringify({ seedElements: seed.diagram.nodes.length + seed.diagram.edges.length, bigNodes: big.type === 'document' ? big.diagram.nodes.length : 0, bigEdges: big.type === 'document' ? big.diagram.edges.length : 0 }));
