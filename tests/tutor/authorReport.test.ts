import { describe, expect, it } from 'vitest';
import { authorReport, describeGaming, exploreRuns, shortestRoute } from '../../src/tutor/index.ts';
import { buildScenario, faultyKettle, projectCatalogue } from '../engine/build.ts';

const catalogue = projectCatalogue();

/**
 * LASS in two replies: a full path, a path that only half-solves, one that never
 * apologises and a node only an impossible `if` leads to.
 */
const gameable = buildScenario({
  start: 'open',
  customer: { mood: 50 },
  nodes: {
    open: {
      choices: [
        { to: 'fix', acts: ['listen', 'apologise'], feedback: 'Good.' },
        { to: 'fix', acts: ['listen'], feedback: 'No apology.' },
        { to: 'hidden', acts: ['listen'], if: { moodAtLeast: 101 } },
      ],
    },
    fix: {
      choices: [
        { to: 'done', acts: ['solve', 'thank'], feedback: 'Full.' },
        { to: 'done', acts: { solve: 0.5, thank: 1 } },
      ],
    },
    hidden: { choices: [{ to: 'done', acts: ['solve'] }] },
    done: { end: 'resolved' },
  },
});

describe('exploreRuns', () => {
  it('gives each reply the best and worst score of the runs that take it', () => {
    const found = exploreRuns(gameable, catalogue, { models: ['LASS'] });
    const full = found.replies.get('open.1')?.get('LASS');
    expect(full?.best).toEqual({ percent: 100, band: 'Distinction' });
    expect(full?.worst.percent).toBe(93.8);
    const noApology = found.replies.get('open.2')?.get('LASS');
    expect(noApology?.best.band).toBe('Pass');
    expect(found.replies.has('open.3')).toBe(false);
  });

  it('marks the nodes some run reaches, honouring if conditions', () => {
    const found = exploreRuns(gameable, catalogue);
    expect([...found.reached].sort()).toEqual(['done', 'fix', 'open']);
  });

  it('routes to a node by a shortest list of replies that the conditions allow', () => {
    expect(shortestRoute(gameable, 'open')).toEqual([]);
    expect(shortestRoute(gameable, 'done')).toEqual(['open.1', 'fix.1']);
    expect(shortestRoute(gameable, 'hidden')).toBeNull();
    const gated = buildScenario({
      start: 'a',
      nodes: {
        a: { choices: [{ to: 'b', acts: ['listen'] }, { to: 'c' }] },
        b: { choices: [{ to: 'a' }] },
        c: { choices: [{ to: 'end', if: { performed: ['listen'] } }, { to: 'a' }] },
        end: { end: 'resolved' },
      },
    });
    expect(shortestRoute(gated, 'end')).toEqual(['a.1', 'b.1', 'a.2', 'c.1']);
  });

  it('finds Merit-or-better runs with a step only partly done, and high marks with a step never done', () => {
    const gaming = exploreRuns(gameable, catalogue, { models: ['LASS'] }).gaming.get('LASS') ?? [];
    const partial = gaming.find((g) => g.kind === 'partial-step');
    expect(partial).toMatchObject({ step: 'solve', runs: 1 });
    expect(partial?.example).toMatchObject({
      choices: ['open.1', 'fix.2'],
      band: 'Distinction',
      credit: 0.5,
    });
    const skipped = gaming.find((g) => g.kind === 'skipped-step');
    expect(skipped).toMatchObject({ step: 'apologise', runs: 1 });
    expect(skipped?.example).toMatchObject({ choices: ['open.2', 'fix.1'], percent: 75, band: 'Pass' });
    if (skipped === undefined) throw new Error('no skipped-step finding');
    expect(describeGaming(skipped)).toContain('without ever doing Apologise');
  });
});

describe('authorReport', () => {
  it('lists unreachable nodes, replies without feedback and each ending’s range per model', () => {
    const report = authorReport(gameable, catalogue, { models: ['LASS', 'HEAT'] });
    expect(report.exhaustive).toBe(true);
    expect(report.unreachable?.map((n) => n.id)).toEqual(['hidden']);
    expect(report.missingFeedback.map((c) => c.id)).toEqual(['open.3', 'fix.2', 'hidden.1']);
    expect(report.models.map((m) => m.model)).toEqual(['LASS', 'HEAT']);
    expect(report.models[0]?.endings[0]).toMatchObject({ node: 'done', max: { percent: 100 } });
  });

  it('leaves unreachable nodes unchecked when the search is cut short', () => {
    const report = authorReport(gameable, catalogue, { maxRuns: 1 });
    expect(report.exhaustive).toBe(false);
    expect(report.unreachable).toBeNull();
    expect(report.models[0]?.endingsNeverReached).toBeNull();
  });

  it('finds nothing to worry about in the worked example apart from what it really has', () => {
    const report = authorReport(faultyKettle(), catalogue);
    expect(report.unreachable).toEqual([]);
    expect(report.models.length).toBeGreaterThan(0);
  });
});
