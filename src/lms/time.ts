/** SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` (hours 2–4 digits), capped at 9999:59:59.99. */
export function scorm12Timespan(seconds: number): string {
  const centis = Math.min(Math.round(clampSeconds(seconds) * 100), 9999 * 360_000 + 359_999);
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const secs = Math.floor((centis % 6000) / 100);
  const frac = centis % 100;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(secs, 2)}.${pad(frac, 2)}`;
}

/** SCORM 1.2 CMITime: the time of day `HH:MM:SS` (UTC, so it never depends on the browser's zone). */
export function scorm12Time(at: Date): string {
  return `${pad(at.getUTCHours(), 2)}:${pad(at.getUTCMinutes(), 2)}:${pad(at.getUTCSeconds(), 2)}`;
}

/** ISO 8601 duration as SCORM 2004 and xAPI use it: `PT1H2M3.45S`, at most two decimals of seconds. */
export function isoDuration(seconds: number): string {
  const centis = Math.round(clampSeconds(seconds) * 100);
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const rest = centis % 6000;
  const secs = `${Math.floor(rest / 100)}${rest % 100 === 0 ? '' : `.${pad(rest % 100, 2).replace(/0$/, '')}`}`;
  let text = 'PT';
  if (hours > 0) text += `${hours}H`;
  if (minutes > 0) text += `${minutes}M`;
  if (rest > 0 || (hours === 0 && minutes === 0)) text += `${secs}S`;
  return text;
}

/** SCORM 2004 time(second,10,0): `YYYY-MM-DDThh:mm:ss.sZ` (UTC). */
export function scorm2004Timestamp(at: Date): string {
  return at.toISOString().replace(/(\.\d)\d\dZ$/, '$1Z');
}

function clampSeconds(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
