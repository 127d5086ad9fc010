import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentSummary, hasMarkedFindings, selectionAnnouncement } from '../../../src/core/view/designer-announce';
import type { DiagramNode } from '../../../src/core/view/diagram';
import { seed } from './fixtures/diagrams';

const host = (findingCount: number, severity?: DiagramNode['severity']): DiagramNode => ({ id: 'esx-01', kind: 'host', label: 'esx-01', details: [], findingCount, ...(severity !== undefined ? { severity } : {}) });

describe('designer announcements', () => {
  it('marks findings worse than hints only', () => {
    assert.ok(hasMarkedFindings(host(2, 'warning')));
    assert.ok(!hasMarkedFindings(host(1, 'hint')));
    assert.ok(!hasMarkedFindings(host(0)));
  });

  it('sums a document up with the elements that carry marks', () => {
    const marked = seed.nodes.filter(hasMarkedFindings).length;
    assert.ok(marked > 0);
    assert.equal(documentSummary('seed.vtopo', seed), `seed.vtopo: ${seed.nodes.length} elements, ${seed.edges.length} connections, ${marked} with findings`);
  });

  it('says what is selected, with the findings of one element', () => {
    assert.equal(selectionAnnouncement([host(2, 'error')]), 'Selected host esx-01, 2 finding(s), worst error');
    assert.equal(selectionAnnouncement([host(1, 'hint')]), 'Selected host esx-01');
    assert.equal(selectionAnnouncement([host(0), undefined]), '2 elements selected');
    assert.equal(selectionAnnouncement([]), 'Nothing selected');
  });
});
