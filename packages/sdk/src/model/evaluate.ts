import { parseHostIdSpec, sameHostId, type HostId } from '../domain/hostid.js';
import type { Matcher, ModelDefinition, RuleDefinition, RuleNode } from './ast.js';
import { serialiseMatcher } from './serialise.js';
import { DEFAULT_POOL } from './semantics.js';

/** What the rules look at in a client's request. */
export interface EvaluationRequest {
  hostId: HostId;
  hostName?: string;
  hostType?: string;
  /** The vendor dictionary of the capability request. */
  dictionary?: Record<string, string | number | boolean | null | undefined>;
}

/** The rule that decided, with its place in the model text. */
export interface DecidingRule {
  /** 0-based position among the model's rules. */
  index: number;
  /** 1-based line and column of the rule; 0 when the model was built in code rather than parsed. */
  line: number;
  column: number;
  /** The rule's condition as written, e.g. `on hostid("F01898AD8DD3/ETHERNET")` (serialised when the model was built in code). */
  text: string;
}

/** Which pools serve a request, or that it is denied. */
export interface Evaluation {
  decision: 'accept' | 'deny';
  /** The pools that serve the request, in order; empty when denied. */
  pools: string[];
  /** The rule that accepted or denied, or `null` when the implicit `on any() { use "default" accept }` did. */
  rule: DecidingRule | null;
}

function sameText(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

/**
 * Tells whether a condition holds for a request. Host ids compare as `sameHostId` does (so an
 * ETHERNET rule matches `f0:18:98:ad:8d:d3`); host names and host types ignore case (DNS names and type
 * tokens do); `dictionary(...)` needs every listed key, with the listed value unless it is `*`.
 */
export function matchesRequest(matcher: Matcher, request: EvaluationRequest): boolean {
  switch (matcher.kind) {
    case 'any':
      return true;
    case 'not':
      return !matchesRequest(matcher.operand, request);
    case 'and':
      return matcher.operands.every((operand) => matchesRequest(operand, request));
    case 'or':
      return matcher.operands.some((operand) => matchesRequest(operand, request));
    case 'hostid':
      return matcher.hostIds.some((spec) => sameHostId(parseHostIdSpec(spec), request.hostId));
    case 'hostname':
      return matcher.names.some((name) => sameText(request.hostName, name));
    case 'hosttype':
      return matcher.types.some((type) => sameText(request.hostType, type));
    case 'dictionary': {
      const dictionary = request.dictionary ?? {};
      return matcher.entries.every(({ key, value }) => {
        if (!Object.prototype.hasOwnProperty.call(dictionary, key)) return false;
        const actual = dictionary[key];
        if (actual === undefined || actual === null) return false;
        return value === null || String(actual) === value;
      });
    }
  }
}

function decidingRule(rule: RuleDefinition, index: number): DecidingRule {
  const node = rule as Partial<RuleNode>;
  if (node.span && typeof node.text === 'string') {
    return { index, line: node.span.start.line, column: node.span.start.column, text: node.text };
  }
  return { index, line: 0, column: 0, text: `on ${serialiseMatcher(rule.matcher)}` };
}

/**
 * Decides which pools serve a request, or that it is denied, the way the server applies the rules.
 *
 * @remarks Rules are tried in order; the first that matches and accepts or denies decides, `continue`
 * collects its pools and goes on, and when no rule decides the implicit
 * `on any() { use "default" accept }` does. A rule without an action accepts; an accepting rule that
 * collected no pools serves from the default pool; a denial serves no pools.
 */
export function evaluateModel(model: ModelDefinition, request: EvaluationRequest): Evaluation {
  const pools: string[] = [];
  const collect = (names: readonly string[]): void => {
    for (const name of names) if (!pools.includes(name)) pools.push(name);
  };
  for (let index = 0; index < model.rules.length; index++) {
    const rule = model.rules[index] as RuleDefinition;
    if (!matchesRequest(rule.matcher, request)) continue;
    if (rule.action === 'deny') return { decision: 'deny', pools: [], rule: decidingRule(rule, index) };
    collect(rule.pools);
    if (rule.action === 'continue') continue;
    if (pools.length === 0) pools.push(DEFAULT_POOL);
    return { decision: 'accept', pools, rule: decidingRule(rule, index) };
  }
  collect([DEFAULT_POOL]);
  return { decision: 'accept', pools, rule: null };
}
