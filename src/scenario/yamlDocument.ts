import { type Document, isScalar, parseDocument, visit, type Node as YamlNode } from 'yaml';
import { forbiddenTag } from './astReader.ts';
import { DiagnosticSink } from './diagnostics.ts';
import { MAX_FILE_BYTES, type SourceFile, utf8Length } from './sourceFile.ts';

/** How many alias expansions a file may cause before it is refused ("billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedYaml {
  readonly doc: Document | null;
  readonly root: YamlNode | null;
  readonly sink: DiagnosticSink;
}

const QUOTE_HINT =
  "If a line of text contains ': ' or ' #', or starts with a quote, [, {, *, &, ! or %, put the whole text in double quotes.";

const SYNTAX_HINTS: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: 'Indent with spaces, not tabs.',
  BAD_INDENT:
    'Check the indentation: fields of the same block must line up, two spaces deeper than their parent.',
  MULTIPLE_DOCS:
    "Put one scenario in each file: remove the '---' line and move what follows into a new file.",
};

/**
 * YAML text → document, with every syntax problem as a diagnostic. Refuses,
 * quickly and with a clear message, files that are too big and alias bombs.
 */
export function parseYaml(source: SourceFile, maxBytes: number = MAX_FILE_BYTES): ParsedYaml {
  // YAML 1.2 reads a lone CR (old Mac files) as a line break; the yaml package does not, and
  // read such a file as one long line with a cascade of errors. Same length, so offsets hold.
  const text = source.text.includes('\r') ? source.text.replace(/\r(?!\n)/g, '\n') : source.text;
  const sink = new DiagnosticSink(source.file, text);
  const size = utf8Length(source.text);
  if (size > maxBytes) {
    const limit = maxBytes === MAX_FILE_BYTES ? '1 MB' : `${(maxBytes / 1024 / 1024).toFixed(1)} MB`;
    sink.error(
      0,
      'file-too-large',
      `the file is ${(size / 1024 / 1024).toFixed(1)} MB; scenario files may be at most ${limit}. Split it into smaller scenarios.`,
    );
    return { doc: null, root: null, sink };
  }
  let doc: Document;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    // The parser recurses: absurd nesting can exhaust the stack. That is bad input, not a bug.
    if (error instanceof RangeError) {
      sink.error(0, 'too-deep', 'the file is nested too deeply to read. Check the brackets and indentation.');
      return { doc: null, root: null, sink };
    }
    throw error;
  }
  for (const problem of doc.errors) {
    const message = problem.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
    const hint = SYNTAX_HINTS[problem.code] ?? QUOTE_HINT;
    sink.error(problem.pos[0], 'yaml-syntax', `YAML syntax: ${lowerFirst(message)}. ${hint}`);
  }
  for (const problem of doc.warnings) {
    sink.warning(problem.pos[0], 'yaml-warning', `YAML: ${lowerFirst(problem.message)}.`);
  }
  if (sink.hasErrors) return { doc, root: null, sink };
  if (!aliasesExpandSafely(doc, sink)) return { doc, root: null, sink };
  refuseTaggedKeys(doc, sink);
  return { doc, root: (doc.contents as YamlNode | null) ?? null, sink };
}

/**
 * Tags on values are refused as they are read (`AstReader.resolve`); a key is
 * never resolved, so its tag (`!!binary aGk=: x`, read differently in Node
 * and the browser) is refused here.
 */
function refuseTaggedKeys(doc: Document, sink: DiagnosticSink): void {
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key;
      if (isScalar(key) && forbiddenTag(key.tag) !== undefined) {
        sink.error(
          key,
          'yaml-tag',
          `YAML tags such as '${forbiddenTag(key.tag)}' are not allowed in scenario files: remove the tag and write plain text.`,
        );
      }
    },
  });
}

function aliasesExpandSafely(doc: Document, sink: DiagnosticSink): boolean {
  let firstAlias: YamlNode | undefined;
  let unknown = false;
  visit(doc, {
    Alias(_, node) {
      firstAlias ??= node;
      // toJS throws the same ReferenceError for an alias with no anchor as for a bomb: tell them apart.
      if (node.resolve(doc) === undefined) {
        unknown = true;
        sink.error(
          node,
          'unknown-alias',
          `'*${node.source}' copies nothing: no '&${node.source}' comes before it. Write the text out, or put '&${node.source}' on the value to copy.`,
        );
      }
    },
  });
  if (firstAlias === undefined) return true;
  if (unknown) return false;
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return true;
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    sink.error(
      firstAlias,
      'alias-bomb',
      `anchors and aliases (& and *) here expand to too much text (more than ${MAX_ALIAS_COUNT} copies). Write the repeated text out instead.`,
    );
    return false;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
}
