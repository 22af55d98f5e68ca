/**
 * `npm run lint:state`: no module-level mutable state in src/game.
 *
 * docs/game.md says nothing in the game is global: a learner's run lives in
 * objects made once per page (GameShell, the run), not in a module's top-level
 * variables, which outlive a scene, leak between tests and hide who owns what.
 *
 * Reported at the top level of a module (inside a function or class is fine):
 * - `let` and `var`, whatever they hold;
 * - a `const` made with `new ...` (a Map, a Set, a WeakMap, a class instance:
 *   all hold state), except `Intl.*`, `TextEncoder` and `TextDecoder`;
 * - a `const` holding an array or object literal, which code can push to or
 *   assign into.
 * A `const` is a constant, and passes, when it says so: `as const`,
 * `Object.freeze(...)`, or a read-only type (`Readonly<...>`, `ReadonlyMap`,
 * `ReadonlySet`, `ReadonlyArray`, `readonly T[]`). The read-only type is
 * TypeScript's promise, and shallow: it is what makes the compiler refuse a
 * `.set()` or a `.push()`, which is the mistake this check is about.
 *
 * Not checked: a file that imports a Node builtin (`node:fs` ...) is a tool
 * run once by tsx or Vite (the art sheets, the library plugin), never part of
 * the page, so its top level is a script's body, not shared state; and class
 * `static` fields (none in src/game today).
 *
 * Biome 2.6's GritQL plugins were tried first: their code snippets missed
 * `let x = 0` and `new Map<K, V>()`, so this reads swc's syntax tree instead
 * (@swc/core, the parser dependency-cruiser uses here too).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from '@swc/core';

/**
 * Files allowed to keep module state. Empty since issue 17 moved the last one
 * (the map's memo of explorations is now `GameShell.tutorFacts`); nothing may
 * be added to it: give the state an owner made once per page instead.
 */
export const KNOWN_MODULE_STATE: readonly string[] = [];

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly name: string;
  readonly message: string;
}

interface Span {
  start: number;
  end: number;
}

// swc's AST, only as far as this check reads it.
interface Node {
  type: string;
  span: Span;
  [key: string]: unknown;
}

const IMMUTABLE_CONSTRUCTORS: ReadonlySet<string> = new Set(['TextEncoder', 'TextDecoder']);
const FIX =
  'Keep it in an object made once (GameShell, the run, the scene) and pass it in; ' +
  'for a true constant, write `as const`, `Object.freeze(...)` or a read-only type.';

function asNode(value: unknown): Node | undefined {
  return typeof value === 'object' && value !== null && 'type' in value ? (value as Node) : undefined;
}

function isReadonlyType(annotation: Node | undefined): boolean {
  const type = asNode(annotation?.typeAnnotation);
  if (!type) return false;
  if (type.type === 'TsTypeOperator') return type.op === 'readonly';
  if (type.type === 'TsTypeReference') {
    const name = asNode(type.typeName);
    return name?.type === 'Identifier' && String(name.value).startsWith('Readonly');
  }
  return false;
}

/** The reason an initialiser is mutable, or undefined when it is a constant. */
function mutableBecause(init: Node | undefined): string | undefined {
  if (!init) return undefined;
  switch (init.type) {
    case 'TsConstAssertion':
      return undefined;
    case 'TsSatisfiesExpression':
    case 'TsAsExpression':
    case 'TsTypeAssertion':
    case 'ParenthesisExpression':
      return mutableBecause(asNode(init.expression));
    case 'NewExpression': {
      const callee = asNode(init.callee);
      if (callee?.type === 'Identifier' && IMMUTABLE_CONSTRUCTORS.has(String(callee.value))) return undefined;
      if (callee?.type === 'MemberExpression') {
        const object = asNode(callee.object);
        if (object?.type === 'Identifier' && object.value === 'Intl') return undefined;
      }
      const name = callee?.type === 'Identifier' ? String(callee.value) : 'an object';
      return `holds a \`new ${name}\``;
    }
    case 'ArrayExpression':
      return 'holds an array that code can change';
    case 'ObjectExpression':
      return 'holds an object that code can change';
    default:
      return undefined;
  }
}

function importsNodeBuiltin(item: Node): boolean {
  if (item.type !== 'ImportDeclaration') return false;
  const source = String(asNode(item.source)?.value ?? '');
  return source.startsWith('node:');
}

function bindingName(id: Node | undefined): string {
  return id?.type === 'Identifier' ? String(id.value) : '(destructured)';
}

/** Every module-level mutable binding in one file's text. */
export function findModuleState(file: string, text: string): Finding[] {
  // A leading `;` gives swc's byte offsets a known origin (swc starts the
  // module's span at its first token, after any comments).
  const ast = parseSync(`;${text}`, { syntax: 'typescript', target: 'es2022' });
  const [origin, ...items] = ast.body as unknown as Node[];
  if (!origin) return [];
  const bytes = Buffer.from(text, 'utf8');
  const where = (span: Span): { line: number; column: number } => {
    const before = bytes.subarray(0, span.start - origin.span.start - 1).toString('utf8');
    const lines = before.split('\n');
    return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
  };

  const findings: Finding[] = [];
  if (items.some(importsNodeBuiltin)) return findings;
  for (const item of items) {
    const declaration = item.type === 'ExportDeclaration' ? asNode(item.declaration) : item;
    if (declaration?.type !== 'VariableDeclaration') continue;
    const kind = String(declaration.kind);
    for (const declarator of declaration.declarations as Node[]) {
      const id = asNode(declarator.id);
      const name = bindingName(id);
      let because: string | undefined;
      if (kind !== 'const') because = `is a module-level \`${kind}\``;
      else if (!isReadonlyType(asNode(id?.typeAnnotation))) because = mutableBecause(asNode(declarator.init));
      if (because) {
        findings.push({
          file,
          ...where(declarator.span),
          name,
          message: `\`${name}\` ${because}: module-level state in src/game (docs/game.md, "nothing is global"). ${FIX}`,
        });
      }
    }
  }
  return findings;
}

function sourceFiles(root: string): string[] {
  if (statSync(root).isFile()) return [root];
  return readdirSync(root, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(root, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
    });
}

/** Checks the folders given, prints each finding as `file:line:column`, returns the exit code. */
export function main(roots: readonly string[], allowed: readonly string[] = KNOWN_MODULE_STATE): number {
  const known = new Set(allowed.map((file) => path.normalize(file)));
  const findings: Finding[] = [];
  let skipped = 0;
  for (const file of roots.flatMap(sourceFiles)) {
    const relative = path.relative(process.cwd(), file).split(path.sep).join('/');
    const found = findModuleState(relative, readFileSync(file, 'utf8'));
    if (known.has(path.normalize(relative))) skipped += found.length;
    else findings.push(...found);
  }
  for (const finding of findings) {
    console.error(`${finding.file}:${finding.line}:${finding.column} module-state\n  ${finding.message}\n`);
  }
  const note = skipped > 0 ? ` (${skipped} in issue 17's known list, scripts/lint/moduleState.ts)` : '';
  if (findings.length > 0) {
    console.error(`✖ ${findings.length} module-level mutable binding(s) in src/game${note}.`);
    return 1;
  }
  console.log(`✔ no module-level mutable state${note}.`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exitCode = main(process.argv.slice(2));
}
