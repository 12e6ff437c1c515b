import { describe, expect, test } from 'vitest';
import { evaluateModel, parseModel } from '../../src/model/index.js';
import { generatedModel } from './fixtures/generated-model.js';

// Parse and evaluation speed are measured by `pnpm bench` (bench/run.mjs); these tests check
// that the largest model the server accepts is handled correctly.
describe('large models', () => {
  test('parses a 900 KB generated model without errors', () => {
    const text = generatedModel(900 * 1024);
    expect(text.length).toBeGreaterThan(880 * 1024);
    expect(text.length).toBeLessThanOrEqual(900 * 1024);
    const result = parseModel(text);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  test('finds a syntax error at the end of a 900 KB model at the right line', () => {
    const text = generatedModel(900 * 1024).replace(/\}\s*$/, '');
    const lastRuleLine = text.split('\n').findIndex((line) => line === '  on any() { deny }') + 1;
    const result = parseModel(text);
    expect(result.errors).toEqual([
      expect.objectContaining({ line: lastRuleLine, column: 20, message: expect.stringContaining('missing "}" to close model "generated"') }),
    ]);
  });

  test('evaluates a request that matches none of thousands of rules to the final deny', () => {
    const result = parseModel(generatedModel(900 * 1024));
    if (!result.ok) throw new Error('model should parse');
    const evaluation = evaluateModel(result.model, { hostId: { value: 'ff:ff:ff:ff:ff:ff', type: 'ETHERNET' } });
    expect(evaluation.decision).toBe('deny');
    expect(evaluation.rule?.text).toBe('on any()');
  });
});
