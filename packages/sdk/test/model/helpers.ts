import { parseModel, type ModelAst, type ModelError } from '../../src/model/index.js';

/** Parses a model that must be valid, failing the test with the errors otherwise. */
export function parseValid(text: string): ModelAst {
  const result = parseModel(text);
  if (!result.ok) throw new Error(`expected a valid model, got ${JSON.stringify(result.errors, null, 2)}`);
  return result.model;
}

/** Parses a model that must be invalid and returns its errors. */
export function parseErrors(text: string): ModelError[] {
  const result = parseModel(text);
  if (result.ok) throw new Error('expected the model to be rejected');
  return result.errors;
}

/** Wraps feature lines in a one-pool model with a rule using the pool. */
export function poolModel(features: string, pool = 'p1'): string {
  return `model "m" {\n  partitions {\n    partition "${pool}" {\n${features}\n    }\n  }\n  on any() { use "${pool}" accept }\n}\n`;
}
