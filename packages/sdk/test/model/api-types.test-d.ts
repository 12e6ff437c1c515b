import { expectTypeOf, test } from 'vitest';
import type { Feature, ModelEvaluateRequest, ModelEvaluateResult, ReservationImport } from '../../src/types.js';
import type { ReservationGroupInput, SummarisableFeature } from '../../src/domain/index.js';
import type { AllocatableFeature, Evaluation, EvaluationRequest } from '../../src/model/index.js';

test('an evaluate request body can be evaluated locally', () => {
  expectTypeOf<ModelEvaluateRequest>().toExtend<EvaluationRequest>();
});

test('a local evaluation has the shape of the server response', () => {
  expectTypeOf<Evaluation>().toExtend<ModelEvaluateResult>();
});

test('server features can be summarised and allocated to pools', () => {
  expectTypeOf<Feature>().toExtend<SummarisableFeature>();
  expectTypeOf<Feature>().toExtend<AllocatableFeature>();
});

test('validated reservation groups can be posted', () => {
  expectTypeOf<ReservationGroupInput[]>().toExtend<ReservationImport>();
});
