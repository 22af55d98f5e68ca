import {
  CHOICE_FIELDS,
  CONDITION_FIELDS,
  CUSTOMER_FIELDS,
  type FieldTable,
  LOOK_FIELDS,
  MARKING_FIELDS,
  NODE_FIELDS,
  READING_ACT_FIELDS,
  READING_FIELDS,
  SCENARIO_FIELDS,
} from './fileSchema.ts';
import type { Catalogue } from './types.ts';

type JsonObject = Record<string, unknown>;

/**
 * A JSON Schema (draft-07, the widest editor support) for scenario files, built from the same field
 * tables the loader checks, plus the act and model ids of the catalogue so
 * editors can complete them. Editors get completion and early warnings; the
 * loader stays the judge (it checks far more, e.g. that `to` names a node).
 */
export function scenarioJsonSchema(catalogue: Catalogue): JsonObject {
  const actIds = [...catalogue.acts.keys()];
  const faultIds = actIds.filter((id) => catalogue.acts.get(id)?.fault === true);
  const actList = { type: 'array', items: { enum: actIds }, uniqueItems: true };
  const actCredits = {
    type: 'object',
    propertyNames: { enum: actIds },
    additionalProperties: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
    // A fault's credit, if given, must be 1.
    properties: Object.fromEntries(faultIds.map((id) => [id, { const: 1 }])),
  };
  const modelIds = [...catalogue.models.keys()];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'complaint-simulator/scenario.schema.json',
    title: 'Complaint-handling scenario',
    description: 'One branching customer complaint. See docs/authoring.md.',
    ...block(SCENARIO_FIELDS, {
      models: { type: 'array', items: { enum: modelIds }, uniqueItems: true },
    }),
    $defs: {
      customer: block(CUSTOMER_FIELDS),
      look: block(LOOK_FIELDS),
      node: {
        ...block(NODE_FIELDS),
        // A node has either `choices` or `end`, never both.
        oneOf: [{ required: ['choices'] }, { required: ['end'] }],
      },
      choice: block(CHOICE_FIELDS, { acts: { oneOf: [actList, actCredits] } }),
      condition: block(CONDITION_FIELDS, { performed: actList, notPerformed: actList }),
      markingPoint: block(MARKING_FIELDS, {
        when: match(actList),
        unless: match(actList),
      }),
      reading: block(READING_FIELDS, {
        acts: {
          type: 'object',
          propertyNames: { enum: actIds },
          additionalProperties: { $ref: '#/$defs/actCues' },
        },
      }),
      actCues: block(READING_ACT_FIELDS),
    },
  };
}

function block(table: FieldTable, overrides: Record<string, JsonObject> = {}): JsonObject {
  const properties: Record<string, JsonObject> = {};
  for (const [name, spec] of Object.entries(table)) {
    properties[name] = { description: spec.describe, ...(overrides[name] ?? spec.schema) };
  }
  const required = Object.entries(table)
    .filter(([, spec]) => spec.required)
    .map(([name]) => name);
  return { type: 'object', additionalProperties: false, required, properties };
}

function match(actList: JsonObject): JsonObject {
  return {
    type: 'object',
    additionalProperties: false,
    properties: { acts: actList, choices: { type: 'array', items: { type: 'string' } } },
  };
}
