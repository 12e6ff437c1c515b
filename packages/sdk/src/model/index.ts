export type {
  Amount,
  DictionaryEntry,
  FeatureSpec,
  FeatureSpecNode,
  Matcher,
  MatcherNode,
  ModelAst,
  ModelDefinition,
  PoolDefinition,
  PoolNode,
  Position,
  RuleAction,
  RuleDefinition,
  RuleNode,
  Span,
  WithoutClause,
} from './ast.js';
export { INVALID_MODEL_KEY, type ModelError, type ModelWarning } from './errors.js';
export { tokenizeModel, type Token, type TokenKind, type TokenizeResult } from './lexer.js';
export { parseModel, type ParseModelResult } from './parser.js';
export { RESERVED_NAMES, DEFAULT_POOL } from './semantics.js';
export { evaluateModel, matchesRequest, type EvaluationRequest, type Evaluation, type DecidingRule } from './evaluate.js';
export {
  allocatePools,
  type AllocatableFeature,
  type PoolAllocation,
  type PoolFeatureAllocation,
  type PoolShortage,
} from './allocate.js';
export { matchesGlob } from './glob.js';
export { quoteModelString, serialiseModel, serialiseRule, serialiseMatcher, serialiseFeatureSpec } from './serialise.js';
