/**
 * The committed sample class (docs/sample-class, `npm run sample-class`), for
 * "Try it with a sample class". Imported with `import()` only when the tutor
 * asks, so its text is in a chunk of its own, never in the first load.
 */
const files = import.meta.glob<string>('../../../docs/sample-class/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

export const SAMPLE_CLASS: readonly { readonly name: string; readonly text: string }[] = Object.entries(files)
  .map(([path, text]) => ({ name: path.slice(path.lastIndexOf('/') + 1), text }))
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
