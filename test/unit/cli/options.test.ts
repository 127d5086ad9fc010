import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { argumentTokens } from '../../../src/cli/options';
import { UsageError } from '../../../src/cli/usage';

const read = (...args: string[]) => [...argumentTokens(args, 'simulate', ['fail', 'at'])];

describe('argumentTokens', () => {
  it('keeps repeated options in order, with both value spellings', () => {
    assert.deepEqual(read('a.vtopo', '--fail', 'host:a', '--at=5', '--fail', 'host:b', '--at', '-1'), [
      { kind: 'positional', value: 'a.vtopo' },
      { kind: 'option', name: 'fail', value: 'host:a' },
      { kind: 'option', name: 'at', value: '5' },
      { kind: 'option', name: 'fail', value: 'host:b' },
      { kind: 'option', name: 'at', value: '-1' },
    ]);
  });

  it('reads --help and -h, and everything after -- as positionals', () => {
    assert.deepEqual(read('-h', '--', '--fail', '-'), [{ kind: 'help' }, { kind: 'positional', value: '--fail' }, { kind: 'positional', value: '-' }]);
  });

  it('throws a usage error at an unknown option or a missing value, not before', () => {
    const tokens = argumentTokens(['--fail', 'host:a', '--fail-on=x'], 'simulate', ['fail']);
    assert.deepEqual(tokens.next().value, { kind: 'option', name: 'fail', value: 'host:a' });
    assert.throws(() => tokens.next(), (error: unknown) => error instanceof UsageError && error.message === 'unknown option --fail-on for "simulate"' && error.topic === 'simulate');
    assert.throws(() => read('-x'), /unknown option -x for "simulate"/);
    assert.throws(() => read('--fail'), /option --fail needs a value/);
    assert.throws(() => read('--fail='), /option --fail needs a value/);
  });
});
