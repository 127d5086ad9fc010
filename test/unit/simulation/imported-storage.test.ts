import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostFailureScenario, simulateScenario } from '../../../src/core/simulation/engine';
import { parseVtopo } from '../../../src/core/model/parse';
import { outcome } from './helpers';

/** Two hosts with an FC HBA each and no cables; `datastore` is the one VM "app" lives on. */
function topology(datastore: string, inventory = '') {
  const text = `vtopo: 1
${inventory}
clusters:
  prod: {}
hosts:
  h1: { cpu: { cores: 16, speed: 2 GHz }, memory: 64 GB, adapters: { hba1: { type: fc, ports: { p0: {} } } } }
  h2: { cpu: { cores: 16, speed: 2 GHz }, memory: 64 GB, adapters: { hba1: { type: fc, ports: { p0: {} } } } }
arrays:
  san: { controllers: { a: { ports: { fc0: { type: fc } } } } }
datastores:
  ds1: ${datastore}
vms:
  app: { host: h1, memory: 8 GB, datastore: ds1 }
`;
  const { topology: parsed, problems } = parseVtopo(text);
  assert.deepEqual(problems, []);
  return parsed;
}

describe('HA restart on storage an inventory describes without its cabling', () => {
  it('restarts from a shared datastore without an array: every host it is presented to reaches it', () => {
    assert.equal(outcome(simulateScenario(topology('{ shared: true }'), hostFailureScenario('h1')), 'app').kind, 'restarted');
    const notPresented = simulateScenario(topology('{ shared: true, presentedTo: [h1] }'), hostFailureScenario('h1'));
    assert.equal(outcome(notPresented, 'app').kind, 'down');
  });

  it('restarts from an array LUN when the cabling is unknown and the survivor has no cable drawn', () => {
    assert.equal(outcome(simulateScenario(topology('{ array: san }', 'inventory: { cabling: unknown }'), hostFailureScenario('h1')), 'app').kind, 'restarted');
  });

  it('does not when the cabling is known: a host without a cable has no path', () => {
    assert.equal(outcome(simulateScenario(topology('{ array: san }'), hostFailureScenario('h1')), 'app').kind, 'down');
  });
});
