import { describe, expect, it } from 'vitest';
import {
  CMI_IDENTIFIER_12,
  lmsOutcome,
  replyMarks,
  SCORM2004_LIMITS,
  scorm12Values,
  scorm2004Values,
} from '../../src/lms/index.ts';
import { buildScenario } from '../engine/build.ts';
import { asMap, catalogue, loadFile, reportFor } from './support.ts';

const kettle = loadFile('scenarios/faulty-kettle.yaml');
const critical = loadFile('tests/fixtures/engine/critical-fault.yaml');

/** Strict SCORM 1.2 RTE formats (scorm-again, our test LMS, accepts more). */
const STRICT_12 = {
  decimal: /^-?\d{0,3}(\.\d+)?$/,
  timespan: /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/,
  time: /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/,
  choiceResponse: /^[0-9a-z]$/,
  result: /^(correct|wrong|unanticipated|neutral)$/,
  status: /^(passed|completed|failed|incomplete|browsed)$/,
  exit: /^(time-out|suspend|logout|)$/,
};

/** SCORM 2004 4th edition formats for what we write. */
const STRICT_2004 = {
  scaled: /^-?(0(\.\d+)?|1(\.0+)?)$/,
  duration: /^P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/,
  shortId: /^[A-Za-z0-9\-._%]{1,250}$/,
  description: /^\{lang=[a-zA-Z]{1,8}(-[a-zA-Z0-9-]{2,8})?\}(?!\{)[\s\S]{0,250}$/,
  result: /^(correct|incorrect|unanticipated|neutral)$/,
};

describe('pass, fail and completion', () => {
  it('passes a finished assessment at Pass or better and fails Not yet achieved', () => {
    expect(lmsOutcome(reportFor(kettle, 'LASS', [2, 1, 1, 1]).score, 'assessment')).toEqual({
      completed: true,
      success: 'passed',
      percent: 100,
    });
    expect(lmsOutcome(reportFor(kettle, 'HEAT', [2, 2, 1]).score, 'assessment').success).toBe('passed');
    expect(lmsOutcome(reportFor(kettle, 'LASS', [3, 1, 3, 2]).score, 'assessment')).toEqual({
      completed: true,
      success: 'failed',
      percent: 18.8,
    });
    // Scoring v2: 87.5% with a fault is Merit, which passes; 56.3% left unresolved is Pass, which passes too.
    expect(lmsOutcome(reportFor(kettle, 'LASS', [1, 1, 1, 1, 1]).score, 'assessment')).toEqual({
      completed: true,
      success: 'passed',
      percent: 87.5,
    });
    expect(lmsOutcome(reportFor(kettle, 'LASS', [2, 1, 2]).score, 'assessment').success).toBe('passed');
  });

  it('fails a critical fault whatever its percent', () => {
    const report = reportFor(critical, 'LASS', [1, 1]);
    expect(report.score.score.band).toBe('Not yet achieved');
    expect(lmsOutcome(report.score, 'assessment').success).toBe('failed');
  });

  it('does not grade practice or an unfinished run', () => {
    expect(lmsOutcome(reportFor(kettle, 'LASS', [2, 1, 1, 1], 'practice').score, 'practice')).toEqual({
      completed: true,
      success: 'unknown',
      percent: null,
    });
    expect(lmsOutcome(reportFor(kettle, 'LASS', [2, 1]).score, 'assessment')).toEqual({
      completed: false,
      success: 'unknown',
      percent: null,
    });
  });
});

describe('SCORM 1.2 values', () => {
  it('reports a finished assessment: status, score 0–100, session time, exit and one interaction per reply', () => {
    const report = reportFor(kettle, 'HEAT', [2, 2, 1], 'assessment', {
      answeredAt: [0, 1, 2].map((i) => new Date(Date.UTC(2026, 0, 5, 10, 0, 10 * i))),
    });
    const values = scorm12Values(report, { interactionIndex: 0, suspendData: 'c1;x' });
    const map = asMap(values);
    expect(map.get('cmi.core.lesson_status')).toBe('passed');
    expect(map.get('cmi.core.score.raw')).toBe('75');
    expect(map.get('cmi.core.score.min')).toBe('0');
    expect(map.get('cmi.core.score.max')).toBe('100');
    expect(map.get('cmi.core.session_time')).toBe('00:12:34.32');
    expect(map.get('cmi.core.exit')).toBe('');
    expect(map.get('cmi.suspend_data')).toBe('c1;x');
    expect(map.get('cmi.interactions.0.id')).toBe('faulty-kettle.r1.opening.2');
    expect(map.get('cmi.interactions.0.type')).toBe('choice');
    expect(map.get('cmi.interactions.0.student_response')).toBe('2');
    expect(map.get('cmi.interactions.0.result')).toBe('correct');
    expect(map.get('cmi.interactions.0.objectives.0.id')).toBe('apologise');
    expect(map.get('cmi.interactions.0.objectives.1.id')).toBe('question');
    expect(map.get('cmi.interactions.0.time')).toBe('10:00:00');
    expect(map.get('cmi.interactions.2.id')).toBe('faulty-kettle.r3.thanks.1');
    expect(map.has('cmi.interactions.3.id')).toBe(false);
  });

  it('sets each interaction id before its other fields, as 1.2 requires', () => {
    const values = scorm12Values(reportFor(kettle, 'LASS', [2, 1, 1, 1]), { interactionIndex: 4 });
    const seen = new Set<string>();
    for (const [element] of values) {
      const match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
      if (match === null) continue;
      if (match[2] === 'id') seen.add(match[1] ?? '');
      else expect(seen.has(match[1] ?? '')).toBe(true);
    }
    expect([...seen]).toEqual(['4', '5', '6', '7']);
  });

  it('appends only the replies not yet written', () => {
    const values = scorm12Values(reportFor(kettle, 'LASS', [2, 1, 1, 1]), {
      interactionIndex: 2,
      fromEntry: 2,
    });
    const ids = values.filter(([e]) => e.endsWith('.id') && !e.includes('objectives')).map(([, v]) => v);
    expect(ids).toEqual(['faulty-kettle.r3.remedy.1', 'faulty-kettle.r4.thanks.1']);
    expect(values.some(([e]) => e.startsWith('cmi.interactions.2.'))).toBe(true);
    expect(values.some(([e]) => e.startsWith('cmi.interactions.4.'))).toBe(false);
  });

  it('marks a reply wrong when it costs marks, neutral when it earns and costs nothing', () => {
    const report = reportFor(kettle, 'LASS', [3, 1, 3, 2]);
    const map = asMap(scorm12Values(report, { interactionIndex: 0 }));
    expect(map.get('cmi.interactions.0.result')).toBe('wrong');
    const lass = catalogue.models.get('LASS');
    if (lass === undefined) throw new Error('LASS missing');
    const escalate = kettle.choices.get('angry.2');
    if (escalate === undefined) throw new Error('no angry.2');
    expect(replyMarks(escalate, lass, catalogue).result).toBe('neutral');
  });

  it('keeps practice and unfinished runs out of the gradebook', () => {
    const practice = asMap(
      scorm12Values(reportFor(kettle, 'LASS', [2, 1, 1, 1], 'practice'), { interactionIndex: 0 }),
    );
    expect(practice.get('cmi.core.lesson_status')).toBe('completed');
    expect(practice.has('cmi.core.score.raw')).toBe(false);
    const unfinished = asMap(scorm12Values(reportFor(kettle, 'LASS', [2]), { interactionIndex: 0 }));
    expect(unfinished.get('cmi.core.lesson_status')).toBe('incomplete');
    expect(unfinished.get('cmi.core.exit')).toBe('suspend');
    expect(unfinished.has('cmi.core.score.raw')).toBe(false);
  });

  it('writes only values within 1.2 limits, whatever characters the tutor used in ids', () => {
    const odd = buildScenario({
      id: `weird scenario ${'é'.repeat(300)}`,
      start: 'start here',
      nodes: {
        'start here': {
          choices: [
            ...Array.from({ length: 36 }, (_, i) => ({ to: 'end', acts: ['listen'], id: `x${i}` })),
            { to: 'end', acts: ['blame', 'apologise'], id: `{ ${'ü'.repeat(400)} }` },
          ],
        },
        end: { end: 'resolved' },
      },
    });
    for (const position of [1, 36, 37]) {
      const report = reportFor(odd, 'LASS', [position], 'assessment', { sessionSeconds: 1e9 });
      for (const [element, value] of scorm12Values(report, { interactionIndex: 0 })) {
        if (element.endsWith('.id')) expect(value).toMatch(CMI_IDENTIFIER_12);
        if (element.endsWith('student_response')) expect(value).toMatch(STRICT_12.choiceResponse);
        if (element.endsWith('.result')) expect(value).toMatch(STRICT_12.result);
        if (element.endsWith('session_time')) expect(value).toMatch(STRICT_12.timespan);
        if (element.startsWith('cmi.core.score')) expect(value).toMatch(STRICT_12.decimal);
        if (element.endsWith('lesson_status')) expect(value).toMatch(STRICT_12.status);
        if (element.endsWith('.exit')) expect(value).toMatch(STRICT_12.exit);
        expect(value.length).toBeLessThanOrEqual(255);
      }
    }
    // The 37th reply has no 1.2 letter: the response is left out rather than misspelt.
    const map = asMap(scorm12Values(reportFor(odd, 'LASS', [37]), { interactionIndex: 0 }));
    expect(map.has('cmi.interactions.0.student_response')).toBe(false);
    expect(map.get('cmi.interactions.0.result')).toBe('wrong');
  });
});

describe('SCORM 2004 values', () => {
  it('reports completion, success, scaled and raw score, an ISO duration and described interactions', () => {
    const report = reportFor(kettle, 'LASS', [3, 1, 3, 2], 'assessment', {
      answeredAt: [0, 1, 2, 3].map((i) => new Date(Date.UTC(2026, 0, 5, 10, i))),
    });
    const map = asMap(scorm2004Values(report, { interactionIndex: 0 }));
    expect(map.get('cmi.completion_status')).toBe('completed');
    expect(map.get('cmi.success_status')).toBe('failed');
    expect(map.get('cmi.score.scaled')).toBe('0.188');
    expect(map.get('cmi.score.raw')).toBe('18.8');
    expect(map.get('cmi.score.min')).toBe('0');
    expect(map.get('cmi.score.max')).toBe('100');
    expect(map.get('cmi.session_time')).toBe('PT12M34.32S');
    expect(map.get('cmi.exit')).toBe('normal');
    expect(map.get('cmi.interactions.0.id')).toBe('faulty-kettle.r1.opening.3');
    expect(map.get('cmi.interactions.0.learner_response')).toBe('opening.3');
    expect(map.get('cmi.interactions.0.result')).toBe('incorrect');
    expect(map.get('cmi.interactions.0.description')).toBe('{lang=en-GB}opening, reply 3: Blaming (fault).');
    expect(map.get('cmi.interactions.0.timestamp')).toBe('2026-01-05T10:00:00.0Z');
    expect(map.get('cmi.interactions.2.description')).toBe('{lang=en-GB}details, reply 3: Jargon (fault).');
    expect(map.get('cmi.interactions.3.description')).toBe(
      '{lang=en-GB}remedy, reply 2: Solve, Offering a lesser remedy (fault).',
    );
    expect(map.get('cmi.interactions.3.result')).toBe('incorrect');
  });

  it('leaves success unknown and the score out for practice; suspends an unfinished run', () => {
    const practice = asMap(
      scorm2004Values(reportFor(kettle, 'LASS', [2, 1, 1, 1], 'practice'), { interactionIndex: 0 }),
    );
    expect(practice.get('cmi.success_status')).toBe('unknown');
    expect(practice.get('cmi.completion_status')).toBe('completed');
    expect(practice.has('cmi.score.scaled')).toBe(false);
    const unfinished = asMap(scorm2004Values(reportFor(kettle, 'LASS', [2, 1]), { interactionIndex: 0 }));
    expect(unfinished.get('cmi.completion_status')).toBe('incomplete');
    expect(unfinished.get('cmi.exit')).toBe('suspend');
  });

  it('scales every band boundary within [0, 1] and writes only values within 2004 limits', () => {
    const odd = buildScenario({
      id: 'odd',
      start: '{start}',
      nodes: {
        '{start}': {
          choices: [
            { to: 'end', acts: ['listen'], id: `reply with spaces & ${'ß'.repeat(300)}` },
            { to: 'end', acts: ['apologise'], id: 'plain' },
          ],
        },
        end: { end: 'resolved' },
      },
    });
    for (const position of [1, 2]) {
      const values = scorm2004Values(reportFor(odd, 'LASS', [position]), { interactionIndex: 0 });
      for (const [element, value] of values) {
        if (element.endsWith('learner_response')) expect(value).toMatch(STRICT_2004.shortId);
        if (element.endsWith('.description')) expect(value).toMatch(STRICT_2004.description);
        if (element.endsWith('.result')) expect(value).toMatch(STRICT_2004.result);
        if (element.endsWith('score.scaled')) expect(value).toMatch(STRICT_2004.scaled);
        if (element.endsWith('session_time')) expect(value).toMatch(STRICT_2004.duration);
        if (element.endsWith('.id'))
          expect(value.length).toBeLessThanOrEqual(SCORM2004_LIMITS.longIdentifier);
        if (element.endsWith('.id')) expect(value).not.toMatch(/\s/);
      }
    }
  });
});
