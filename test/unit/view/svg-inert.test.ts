import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagramSvg } from '../../../src/core/view/designer-model';
import { parseDesignerMessage } from '../../../src/core/view/designer-validate';
import { inertSvg } from '../../../src/core/view/svg-inert';

const OPEN = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">';

/** The exported bytes, as the host would save them. */
function exported(svg: string): string | undefined {
  const message = parseDesignerMessage({ type: 'export-image', format: 'svg', data: svg });
  return message?.type === 'export-image' ? message.data : undefined;
}

describe('SVG export: only inert SVG leaves the designer', () => {
  it('keeps the designer\'s own pictures byte for byte', () => {
    const svg = diagramSvg({
      nodes: [
        { id: 'prod', label: 'prod <cluster> & "co"', x: 50, y: 50, width: 200, height: 120, stroke: '#123456', fill: 'rgba(1, 2, 3, 0.5)', compound: true, shape: 'rect' },
        { id: 'esx-01', label: 'esx-01', x: 40, y: 40, width: 30, height: 20, stroke: 'red', fill: '#fff', compound: false, shape: 'diamond' },
        { id: 'vm', label: 'vm', x: 80, y: 40, width: 30, height: 20, stroke: 'red', fill: '#fff', compound: false, shape: 'ellipse' },
      ],
      edges: [{ x1: 0, y1: 0, x2: 10, y2: 10, stroke: '#123', dashed: true }],
      background: '#fff',
      foreground: '#000',
    });
    assert.equal(inertSvg(svg), svg);
    assert.equal(exported(svg), svg);
    const withProlog = `<?xml version="1.0" encoding="UTF-8"?>\n${OPEN}<text>esx-01</text></svg>\n`;
    assert.equal(exported(withProlog), withProlog);
  });

  it('drops scripts, event handlers, foreign objects, external references and animations', () => {
    const hostile = [
      OPEN,
      '<script>alert(1)</script>',
      '<script href="https://evil.example/x.js"/>',
      '<g onload="alert(2)" ONCLICK=\'alert(3)\'><rect x="1" y="2" width="3" height="4" onmouseover="alert(4)" fill="#fff"/></g>',
      '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><script>alert(5)</script><iframe src="javascript:alert(6)"></iframe></div></foreignObject>',
      '<a href="javascript:alert(7)"><text>click</text></a>',
      '<image href="https://evil.example/track.png" width="1" height="1"/>',
      '<use xlink:href="https://evil.example/sprite.svg#x"/>',
      '<rect fill="url(https://evil.example/p.svg#g)" stroke="&#x75;rl(https://evil.example/q)" style="background:url(https://evil.example/s)" width="1" height="1"/>',
      '<set attributeName="href" to="javascript:alert(8)"/><animate attributeName="onload" values="alert(9)"/>',
      '<!-- <script>alert(10)</script> --><![CDATA[<script>alert(11)</script>]]>',
      '<text x="1" y="2">a &lt;script&gt; label</text>',
      '</svg>',
    ].join('');
    const svg = exported(hostile) ?? assert.fail('an SVG with hostile parts is cleaned, not refused');
    for (const forbidden of [/<script/i, /\son[a-z]+\s*=/i, /foreignObject/i, /href/i, /javascript:/i, /url\(/i, /evil\.example/, /<(a|image|use|set|animate|iframe|div)\b/i, /alert/, /style=/i, /CDATA|<!--/]) {
      assert.doesNotMatch(svg, forbidden, svg);
    }
    assert.equal(svg, `${OPEN}<g><rect x="1" y="2" width="3" height="4" fill="#fff"/></g><rect width="1" height="1"/><text x="1" y="2">a &lt;script&gt; label</text></svg>`);
  });

  it('refuses what is not well-formed SVG', () => {
    assert.equal(inertSvg('<svg><g></svg>'), undefined);
    assert.equal(inertSvg('<svg><g>x</h></g></svg>'), undefined);
    assert.equal(inertSvg('<html><svg></svg></html>'), undefined);
    assert.equal(inertSvg('<svg xmlns="http://www.w3.org/1999/xhtml"></svg>'), undefined);
    assert.equal(inertSvg('<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]><svg>&x;</svg>'), undefined);
    assert.equal(inertSvg('<svg><rect width="1" < /></svg>'), undefined);
    assert.equal(inertSvg('<svg></svg><script>alert(1)</script>'), undefined);
  });
});
