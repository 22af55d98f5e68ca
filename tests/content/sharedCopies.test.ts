import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The repo stands on its own: the contract's worked example and its expected
 * results are kept as the project's own copies (scenarios/ and tests/fixtures/),
 * so `npm test` passes in a clone with nothing beside it. Where the contracts
 * folder is beside the project (a developer's machine, CI), the copies must be
 * identical to it, so a change to the contract is noticed at once.
 */
const shared = new URL('../../../shared/examples/', import.meta.url);
const copies = [
  { original: 'faulty-kettle.yaml', copy: new URL('../../scenarios/faulty-kettle.yaml', import.meta.url) },
  {
    original: 'faulty-kettle.expected.json',
    copy: new URL('../fixtures/examples/faulty-kettle.expected.json', import.meta.url),
  },
];

describe.skipIf(!existsSync(shared))("the project's copies of the contract's worked example", () => {
  for (const { original, copy } of copies) {
    it(`keeps ${original} identical to ../shared/examples/${original}`, () => {
      expect(readFileSync(copy, 'utf8')).toBe(readFileSync(new URL(original, shared), 'utf8'));
    });
  }
});
