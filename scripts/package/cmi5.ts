/**
 * cmi5.xml, the course structure a cmi5 LMS imports: one course, one
 * assignable unit (the whole library, or one role-play). The cmi5 schema is
 * not shipped in any npm package we can install, so the tests check this
 * file's structure against the specification's rules (section 13) rather
 * than an XSD.
 */
import { escapeXml } from './manifest.ts';

export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';

/** Where course and AU ids are made when the tutor gives no base of their own. */
export const DEFAULT_CMI5_BASE = 'https://complaint-handling-simulator.invalid/cmi5/';

export interface Cmi5Input {
  readonly base: string;
  readonly identifier: string;
  readonly title: string;
  readonly description: string;
  /** The launch file with the role-play's query, if any (the LMS appends its own parameters with `&`). */
  readonly url: string;
  readonly mode: 'practice' | 'assessment' | 'library';
}

export function cmi5CourseStructure(input: Cmi5Input): string {
  const base = input.base.endsWith('/') ? input.base : `${input.base}/`;
  const id = encodeURIComponent(input.identifier);
  // An assessment moves on when passed; practice and the whole library when completed. No masteryScore:
  // the simulator decides pass or fail itself (see docs/lms.md).
  const moveOn = input.mode === 'assessment' ? 'Passed' : 'Completed';
  const text = (value: string) => `<langstring lang="en-GB">${escapeXml(value)}</langstring>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="${CMI5_NAMESPACE}">
  <course id="${escapeXml(`${base}${id}`)}">
    <title>${text(input.title)}</title>
    <description>${text(input.description)}</description>
  </course>
  <au id="${escapeXml(`${base}${id}/au`)}" moveOn="${moveOn}" launchMethod="AnyWindow">
    <title>${text(input.title)}</title>
    <description>${text(input.description)}</description>
    <url>${escapeXml(input.url)}</url>
  </au>
</courseStructure>
`;
}
