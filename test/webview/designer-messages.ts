/**
 * Builds what the fake host of the designer test sends, in Node (run with tsx): the test
 * page (the production CSP, CSS, codicon stylesheet and body around dist/webview/designer.js) and 'document'
 * messages for the seed-000-fq1616r example, an XSS label, the racks-and-power example and a
 * blade fixture (failure domains), and a generated 2,000-element design; the page again with
 * the zh-cn language block, and the seed document built in Chinese.
 * Usage: tsx test/webview/designer-messages.ts <out-dir>
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDesign } from '../../bench/generate';
import { analyzeText } from '../../src/core/analysis/engine';
import { componentFailureScenario, hostFailureScenario, simulateScenario } from '../../src/core/simulation/engine';
import { playbackFromResult } from '../../src/core/view/designer-playback';
import { elementDetails } from '../../src/core/view/designer-details';
import type { ElementDetails, HostToDesignerMessage } from '../../src/core/view/designer-protocol';
import { DESIGNER_CSS, designerBody } from '../../src/core/view/designer-style';
import { buildDiagram, type Diagram } from '../../src/core/view/diagram';
import { useLanguage } from '../../src/core/l10n/messages';

const out = process.argv[2] ?? 'test-output/designer-webview';
mkdirSync(out, { recursive: true });

function documentFor(text: string, title: string, version: number): HostToDesignerMessage {
  const { topology, findings } = analyzeText(text);
  return { type: 'document', protocol: 1, version, title, diagram: buildDiagram(topology, findings) };
}

/** What the host answers to the canvas's 'details' requests, for every element of the design. */
function detailsFor(text: string): Record<string, ElementDetails> {
  const { topology } = analyzeText(text);
  const all: Record<string, ElementDetails> = {};
  for (const id of topology.declarations.keys()) {
    const details = elementDetails(topology, text, id);
    if (details) all[id] = details;
  }
  return all;
}

const seedText = readFileSync('examples/seed-000-fq1616r.vtopo', 'utf8');
const seed = documentFor(seedText, 'seed-000-fq1616r.vtopo', 1);
writeFileSync(join(out, 'seed.json'), JSON.stringify(seed));
const seedDetails = detailsFor(seedText);
writeFileSync(join(out, 'seed-details.json'), JSON.stringify(seedDetails));

// The playback of "host esx-01 fails" on the seed-000-fq1616r example, as the host sends it after the simulation command.
const simulation: HostToDesignerMessage = { type: 'simulation', result: playbackFromResult(simulateScenario(analyzeText(seedText).topology, hostFailureScenario('esx-01'))) };
writeFileSync(join(out, 'simulation.json'), JSON.stringify(simulation));

// The playback of "adapter esx-01/nic1 fails": esx-01 isolated at once, its three VMs running but unreachable.
const seedTopology = analyzeText(seedText).topology;
const nicFailure: HostToDesignerMessage = { type: 'simulation', result: playbackFromResult(simulateScenario(seedTopology, componentFailureScenario({ kind: 'adapter', id: 'esx-01/nic1' })), seedTopology) };
writeFileSync(join(out, 'simulation-nic.json'), JSON.stringify(nicFailure));

// An element whose id is markup: the canvas must show it as text and never run it.
const xssId = '<img src=x onerror=alert(1)>';
if (seed.type !== 'document') throw new Error('unreachable');
const xssDiagram: Diagram = {
  nodes: [...seed.diagram.nodes, { id: xssId, kind: 'host', label: xssId, findingCount: 1, severity: 'error', details: ['<b>bold</b> <script>alert(2)</script>'] }],
  edges: [...seed.diagram.edges, { id: 'link:xss', source: xssId, target: 'fc-a', kind: 'cable', label: '<svg onload=alert(3)>', fabric: 'A' }],
  positions: { ...seed.diagram.positions, [xssId]: { x: 700, y: 100 } },
};
const xss: HostToDesignerMessage = { ...seed, version: 50, diagram: xssDiagram };
writeFileSync(join(out, 'xss.json'), JSON.stringify(xss));
const xssDetails: Record<string, ElementDetails> = { ...seedDetails, [xssId]: { id: xssId, kind: 'host', fields: [{ key: 'model', value: '"><img src=y onerror=alert(4)>', typeName: 'text', description: '<i>x</i>' }] } };
writeFileSync(join(out, 'xss-details.json'), JSON.stringify(xssDetails));

// Failure domains: a site with three racks and A/B power feeds (the racks-and-power example).
const racksText = readFileSync('examples/racks-and-power.vtopo', 'utf8');
writeFileSync(join(out, 'racks.json'), JSON.stringify(documentFor(racksText, 'racks-and-power.vtopo', 1)));
writeFileSync(join(out, 'racks-details.json'), JSON.stringify(detailsFor(racksText)));
// Two sites, racks, a blade chassis with a blade and an interconnect module, devices placed by site only.
const bladesText = readFileSync('test/unit/view/fixtures/blades.vtopo', 'utf8');
writeFileSync(join(out, 'blades.json'), JSON.stringify(documentFor(bladesText, 'blades.vtopo', 1)));

const bigText = generateDesign({ name: 'designer-2000', hosts: 100, vms: 1500, fabrics: 2, arrays: 2, hostsPerCluster: 32, datastoresPerCluster: 4 }, 7);
const big = documentFor(bigText, 'designer-2000.vtopo', 1);
writeFileSync(join(out, 'big.json'), JSON.stringify(big));
writeFileSync(join(out, 'big-details.json'), JSON.stringify(detailsFor(bigText)));

const nonce = 'testnonce0123456789abcdef';
/** The test page; `language` is the data block the extension writes for a user whose VS Code speaks another language (webview-html.ts). */
function testPage(language?: { readonly language: string; readonly bundle: Readonly<Record<string, string>> }): string {
  const block = language ? `<script type="application/json" id="vtopo-language">${JSON.stringify(language).replace(/</g, '\\u003c')}</script>\n` : '';
  return `<!DOCTYPE html>
<html lang="${language?.language === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; font-src 'self'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'">
<link rel="stylesheet" nonce="${nonce}" href="codicons/codicon.css">
<style nonce="${nonce}">
body { --vscode-editor-foreground: #333333; --vscode-editor-background: #ffffff; }
body.vscode-dark { --vscode-editor-foreground: #cccccc; --vscode-editor-background: #1e1e1e; }
${DESIGNER_CSS}
</style>
<title>designer fake host</title>
</head>
<body class="vscode-light">
${designerBody()}
${block}<script nonce="${nonce}" src="fake-host.js"></script>
<script nonce="${nonce}" src="designer.js"></script>
</body>
</html>`;
}
writeFileSync(join(out, 'index.html'), testPage());
// The same page for a user whose VS Code speaks Simplified Chinese, and the seed document as
// the extension host builds it then (its element facts in Chinese too).
const zhCnBundle: Record<string, string> = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8'));
useLanguage('zh-cn', zhCnBundle);
writeFileSync(join(out, 'index-zh-cn.html'), testPage({ language: 'zh-cn', bundle: zhCnBundle }));
writeFileSync(join(out, 'seed-zh-cn.json'), JSON.stringify(documentFor(seedText, 'seed-000-fq1616r.vtopo', 1)));
useLanguage('en', undefined);
// The fake host records what the canvas posts and answers 'details' requests from
// window.__details (set by the test) at the version of the last document it saw.
writeFileSync(join(out, 'fake-host.js'), `window.__posted = [];
window.__violations = [];
window.__details = {};
window.__version = 0;
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.addEventListener('message', (e) => { if (e.data && e.data.type === 'document') window.__version = e.data.version; });
window.acquireVsCodeApi = () => ({
  postMessage: (m) => {
    window.__posted.push(JSON.parse(JSON.stringify(m)));
    const details = m.type === 'details' ? window.__details[m.elementId] : undefined;
    if (details) setTimeout(() => window.postMessage({ type: 'details', version: window.__version, details }, '*'), 0);
  },
  getState: () => undefined,
  setState: () => undefined,
});
`);
console.log(JSON.stringify({ seedElements: seed.diagram.nodes.length + seed.diagram.edges.length, bigNodes: big.type === 'document' ? big.diagram.nodes.length : 0, bigEdges: big.type === 'document' ? big.diagram.edges.length : 0 }));
