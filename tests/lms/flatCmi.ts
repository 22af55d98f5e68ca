/**
 * The LMS's data as flat `cmi.x.y` keys, as an LMS keeps it between sessions
 * (and as scorm-again reloads it). Its own file, with no imports, so the
 * browser tests can use it without loading the Node tests' support.
 */
export function flatCmi(
  tree: unknown,
  prefix = '',
  out: Record<string, string> = {},
): Record<string, string> {
  if (tree !== null && typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree)) flatCmi(v, prefix === '' ? k : `${prefix}.${k}`, out);
  } else out[prefix] = String(tree);
  return out;
}
