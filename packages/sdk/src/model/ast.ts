/**
 * The model definition language as data. Two layers: plain definitions (what a model says, usable
 * when building a model in code) and parsed nodes (the same plus where each piece is in the text).
 * Every node type is assignable to its definition type, so functions taking definitions take parse
 * results too.
 */

/** A place in the model text: 1-based line and column (UTF-16 code units) and 0-based offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** The stretch of text a node was parsed from; `end` is just past its last character. */
export interface Span {
  start: Position;
  end: Position;
}

/** How much of a feature a pool takes: a number of counts, a percentage of each record, or all that is left. */
export type Amount = { kind: 'count'; value: number } | { kind: 'percent'; value: number } | { kind: 'remainder' };

/** One line of a partition: a feature version and the amount the pool takes of it. */
export interface FeatureSpec {
  featureName: string;
  featureVersion: string;
  amount: Amount;
  /** Glob (`*`, `?`) the record's vendor string must match; absent when the spec takes any record. */
  vendorStringPattern?: string;
}

/** A named license pool (a `partition` block). */
export interface PoolDefinition {
  name: string;
  features: FeatureSpec[];
}

/** A condition on the requesting client. */
export type Matcher =
  | { kind: 'or'; operands: Matcher[] }
  | { kind: 'and'; operands: Matcher[] }
  | { kind: 'not'; operand: Matcher }
  | { kind: 'hostid'; hostIds: string[] }
  | { kind: 'hostname'; names: string[] }
  | { kind: 'hosttype'; types: string[] }
  | { kind: 'dictionary'; entries: DictionaryEntry[] }
  | { kind: 'any' };

/** One `"key":"value"` (or `"key":*`, any value) pair of a `dictionary(...)` matcher. */
export interface DictionaryEntry {
  key: string;
  /** `null` stands for `*`: the key must be present with any value. */
  value: string | null;
}

/**
 * The `without requested features { ... }` clause, kept loosely: its exact feature-list syntax is not
 * public, so the text is kept and, where recognisable, its pools or features.
 */
export interface WithoutClause {
  /** The text between the braces, trimmed. */
  raw: string;
  /** Pools of an `all from "p1", "p2"` form. */
  allFrom?: string[];
  /** Feature names (with a version when one follows) of a feature-list form. */
  features?: { featureName: string; featureVersion?: string }[];
}

/** What a rule does when it matches; `continue` falls through to the next rule, keeping its pools. */
export type RuleAction = 'accept' | 'deny' | 'continue';

/** An `on <matcher> { ... }` rule. */
export interface RuleDefinition {
  matcher: Matcher;
  /** Pools named by `use`, in order; empty when the rule has no `use`. */
  pools: string[];
  without?: WithoutClause;
  /** `null` when the rule names no action; it then accepts. */
  action: RuleAction | null;
}

/** A whole model definition. */
export interface ModelDefinition {
  name: string;
  pools: PoolDefinition[];
  rules: RuleDefinition[];
}

/** A parsed feature spec with its place in the text. */
export interface FeatureSpecNode extends FeatureSpec {
  span: Span;
  /** Whether the feature name was written in quotes. */
  quoted: boolean;
  /** Where the amount was written, for amount errors. */
  amountSpan: Span;
}

/** A parsed pool with its place in the text. */
export interface PoolNode extends PoolDefinition {
  features: FeatureSpecNode[];
  span: Span;
  nameSpan: Span;
}

/** A parsed matcher with its place in the text. */
export type MatcherNode = (
  | { kind: 'or'; operands: MatcherNode[] }
  | { kind: 'and'; operands: MatcherNode[] }
  | { kind: 'not'; operand: MatcherNode }
  | { kind: 'hostid'; hostIds: string[]; argSpans: Span[] }
  | { kind: 'hostname'; names: string[] }
  | { kind: 'hosttype'; types: string[] }
  | { kind: 'dictionary'; entries: DictionaryEntry[] }
  | { kind: 'any' }
) & { span: Span };

/** A parsed rule with its place and its source text. */
export interface RuleNode extends RuleDefinition {
  matcher: MatcherNode;
  /** Where each pool name of `use` was written. */
  poolSpans: Span[];
  /** The whole rule, from `on` to its closing `}`. */
  span: Span;
  /** The source text of the rule's condition, from `on` up to its `{` (e.g. `on hostid("F01898AD8DD3/ETHERNET")`). */
  text: string;
}

/** A parsed model with every node's place in the text. */
export interface ModelAst extends ModelDefinition {
  pools: PoolNode[];
  rules: RuleNode[];
  nameSpan: Span;
  span: Span;
}
