import { describe, expect, it } from 'vitest';
import { isoDuration, scorm12Time, scorm12Timespan, scorm2004Timestamp } from '../../src/lms/index.ts';

/** SCORM 1.2 RTE CMITimespan, strictly: 2–4 digit hours, optional 1–2 decimals. */
const TIMESPAN_12 = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;

describe('SCORM and xAPI time formats', () => {
  it('writes a 1.2 session time as HHHH:MM:SS.SS', () => {
    expect(scorm12Timespan(0)).toBe('00:00:00.00');
    expect(scorm12Timespan(754.321)).toBe('00:12:34.32');
    expect(scorm12Timespan(3 * 3600 + 5.5)).toBe('03:00:05.50');
    expect(scorm12Timespan(59.999)).toBe('00:01:00.00');
  });

  it('caps a 1.2 session time at 9999:59:59.99 and treats nonsense as zero', () => {
    expect(scorm12Timespan(1e12)).toBe('9999:59:59.99');
    expect(scorm12Timespan(Number.NaN)).toBe('00:00:00.00');
    expect(scorm12Timespan(-5)).toBe('00:00:00.00');
    for (const s of [0, 0.004, 1, 61.25, 3599.995, 86_400, 1e7])
      expect(scorm12Timespan(s)).toMatch(TIMESPAN_12);
  });

  it('writes ISO 8601 durations for SCORM 2004 and xAPI', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(754.321)).toBe('PT12M34.32S');
    expect(isoDuration(3600)).toBe('PT1H');
    expect(isoDuration(3661.5)).toBe('PT1H1M1.5S');
    expect(isoDuration(120)).toBe('PT2M');
  });

  it('writes a 1.2 interaction time and a 2004 timestamp in UTC', () => {
    const at = new Date('2026-03-04T09:08:07.654Z');
    expect(scorm12Time(at)).toBe('09:08:07');
    expect(scorm2004Timestamp(at)).toBe('2026-03-04T09:08:07.6Z');
  });
});
