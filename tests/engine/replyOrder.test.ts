import { describe, expect, it } from 'vitest';
import { offeredChoices, replyOrder, seedFromText } from '../../src/engine/index.ts';
import { faultyKettle } from './build.ts';

const REPLIES = ['opening.1', 'opening.2', 'opening.3'] as const;
const TURN = { at: 0, node: 'opening' } as const;
/** A fixed run of seeds: the checks below are deterministic, never random. */
const SEEDS = Array.from({ length: 6_000 }, (_, i) => (i * 2_654_435_761) >>> 0);

describe('replyOrder', () => {
  it('shows the same order for the same seed and turn', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      expect(replyOrder(seed, { ...TURN }, [...REPLIES])).toEqual(replyOrder(seed, TURN, REPLIES));
    }
  });

  it('returns every offered reply exactly once and leaves its input alone', () => {
    const offered = [...REPLIES, 'opening.4', 'opening.5'];
    const copy = [...offered];
    for (const seed of SEEDS.slice(0, 50)) {
      const shown = replyOrder(seed, TURN, offered);
      expect([...shown].sort()).toEqual([...offered].sort());
    }
    expect(offered).toEqual(copy);
  });

  it('keeps a single offered reply (and none) as it is', () => {
    const one = ['only.1'];
    expect(replyOrder(7, TURN, one)).toBe(one);
    expect(replyOrder(7, TURN, [])).toEqual([]);
  });

  it('gives different seeds different orders', () => {
    const orders = new Set(SEEDS.slice(0, 20).map((seed) => replyOrder(seed, TURN, REPLIES).join(',')));
    expect(orders.size).toBeGreaterThanOrEqual(4);
  });

  it('shuffles each turn afresh: the same seed at another turn or node can show another order', () => {
    const seed = SEEDS[1] ?? 1;
    const orders = new Set(
      Array.from({ length: 20 }, (_, at) => replyOrder(seed, { at, node: 'opening' }, REPLIES).join(',')),
    );
    expect(orders.size).toBeGreaterThanOrEqual(4);
    const nodes = new Set(
      ['opening', 'receipt', 'refund', 'apology', 'close'].map((node) =>
        replyOrder(seed, { at: 0, node }, REPLIES).join(','),
      ),
    );
    expect(nodes.size).toBeGreaterThan(1);
  });

  it('puts each reply first about equally often over many seeds, and shows every order', () => {
    const first = new Map<string, number>();
    const orders = new Map<string, number>();
    for (const seed of SEEDS) {
      const shown = replyOrder(seed, TURN, REPLIES);
      first.set(shown[0] ?? '', (first.get(shown[0] ?? '') ?? 0) + 1);
      orders.set(shown.join(','), (orders.get(shown.join(',')) ?? 0) + 1);
    }
    // 6,000 seeds: 2,000 each is fair; ±10% is far wider than chance for a uniform shuffle (σ ≈ 37).
    for (const reply of REPLIES) {
      expect(first.get(reply) ?? 0).toBeGreaterThan(1_800);
      expect(first.get(reply) ?? 0).toBeLessThan(2_200);
    }
    expect(orders.size).toBe(6);
    for (const count of orders.values()) {
      expect(count).toBeGreaterThan(850);
      expect(count).toBeLessThan(1_150);
    }
  });

  it('shuffles a scenario’s own choices', () => {
    const scenario = faultyKettle();
    const offered = offeredChoices(scenario, scenario.start, { mood: 50, performed: new Set() });
    const orders = new Set(
      SEEDS.slice(0, 20).map((seed) =>
        replyOrder(seed, { at: 0, node: scenario.start }, offered)
          .map((choice) => choice.id)
          .join(','),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('seedFromText', () => {
  it('gives a run id the same 32-bit seed every time, and other ids other seeds', () => {
    const seed = seedFromText('run-1');
    expect(seed).toBe(seedFromText('run-1'));
    expect(Number.isInteger(seed) && seed >= 0 && seed <= 0xffff_ffff).toBe(true);
    const seeds = new Set(Array.from({ length: 100 }, (_, i) => seedFromText(`run-${i}`)));
    expect(seeds.size).toBe(100);
  });
});
