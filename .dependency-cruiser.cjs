// The dependency rules of docs/architecture.md ("Layers"), checked by
// `npm run deps` (part of `npm run lint`, so of `npm test`).
//
// dependency-cruiser reads every import, `export ... from` and dynamic
// `import()` in src/ with the swc parser (TypeScript 7 has no JS API for
// dependency-cruiser's own TypeScript reader), so a circle through `import()`
// fails the check as a static one does. swc keeps `import type` lines too:
// a circle of types is still a circle between two files' designs.

// The core's layers, lowest first. A folder may import only folders on a
// lower line; two folders on one line never import each other. Worked out
// from the imports the code has and drawn in docs/architecture.md.
// biome-ignore format: one line per layer, drawn as docs/architecture.md draws it
const CORE_LAYERS = [
  ['scenario'],
  ['engine', 'reading'],
  ['scoring'],
  ['analysis'],
  ['lms', 'progress'],
  ['tutor'],
];

const CORE = CORE_LAYERS.flat();
const anyOf = (folders) => `^src/(${folders.join('|')})/`;

const layerRules = CORE_LAYERS.flatMap((layer, level) => {
  const notBelow = CORE_LAYERS.slice(level).flat();
  return layer.map((folder) => ({
    name: `core-layers-${folder}`,
    severity: 'error',
    comment:
      `Arrows point down: ${folder} sits on core layer ${level} and may import only ` +
      `${CORE_LAYERS.slice(0, level).flat().join(', ') || 'nothing in src'}. ` +
      'Move the shared code down a layer, or pass the value in from the caller (docs/architecture.md, "Layers").',
    from: { path: `^src/${folder}/` },
    to: { path: anyOf(notBelow.filter((other) => other !== folder)) },
  }));
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import circle (static or dynamic import()). A circle makes load order matter and hides who owns ' +
        'what: move the shared piece into a file both sides import, or pass it in.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-not-to-outside',
      severity: 'error',
      comment:
        'The core (scenario, engine, reading, scoring, analysis, lms, progress, tutor) runs in Node and the browser: ' +
        'it never imports src/game, src/cli or src/main.ts. Pass what it needs in from the caller.',
      from: { path: anyOf(CORE) },
      to: { path: ['^src/game/', '^src/cli/', '^src/main\\.ts$'] },
    },
    {
      name: 'core-not-to-node',
      severity: 'error',
      comment:
        'The core runs in the browser too: no Node builtins (fs, path, process ...). Read files in src/cli ' +
        'and pass the text in.',
      from: { path: anyOf(CORE) },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-not-to-phaser',
      severity: 'error',
      comment: 'The core must not know Phaser exists: move rendering code to src/game.',
      from: { path: anyOf(CORE) },
      to: { path: '^node_modules/phaser/' },
    },
    ...layerRules,
    {
      name: 'game-and-cli-apart',
      severity: 'error',
      comment:
        'src/game (browser) and src/cli (Node) are two front ends on one core: neither imports the other.',
      from: { path: '^src/(game|cli)/' },
      to: { path: '^src/(game|cli)/', pathNot: '^src/$1/' },
    },
    {
      name: 'nothing-imports-main',
      severity: 'error',
      comment: 'src/main.ts wires the page together; nothing imports it back.',
      from: {},
      to: { path: '^src/main\\.ts$' },
    },
    {
      name: 'core-door',
      severity: 'error',
      comment:
        "Other folders import a core folder only through its door, index.ts: export what you need from that folder's index.ts.",
      from: { path: '^src/([^/]+)' },
      to: { path: anyOf(CORE), pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'resolvable',
      severity: 'error',
      comment:
        'This import names a file or package that does not exist (a typo, or a package missing from package.json).',
      from: { path: '^src/' },
      // `virtual:` modules are made by a Vite plugin at build time (src/game/build/readingPlugin.ts).
      to: { couldNotResolve: true, pathNot: '^virtual:' },
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // vite's package.json exports only an "import" condition: without it the
    // resolver calls `vite` unresolvable.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
