/**
 * The address index.html gives a built file: under the site's base, or
 * relative to the page when the base is relative (SCORM packages build with
 * `base: './'`, and the page opens from inside the zip).
 */
export function builtAddress(base: string, fileName: string): string {
  return `${base === './' || base === '' ? './' : base}${fileName}`;
}
