import { parseVersion } from '../domain/version.js';
import { parseHostIdSpec } from '../domain/hostid.js';
import type { FeatureSpecNode, MatcherNode, ModelAst, PoolNode } from './ast.js';
import { byPosition, clip, modelError, modelWarning, type ModelError, type ModelWarning } from './errors.js';

/** Names no model and no named pool may have. */
export const RESERVED_NAMES = ['default', 'reservations'] as const;

/** The pool that holds every count not placed in a named pool. */
export const DEFAULT_POOL = 'default';

const ETHERNET_VALUE = /^[0-9A-F]{12}$/i;

/** A key equal for two specs of the same feature version (`1` and `1.0` are the same version). */
export function featureKey(featureName: string, featureVersion: string): string {
  const version = parseVersion(featureVersion);
  const normalised = version.ok ? `${version.value.major}.${version.value.minor}` : featureVersion;
  return `${featureName}\u0000${normalised}`;
}

function specKey(spec: FeatureSpecNode): string {
  return `${featureKey(spec.featureName, spec.featureVersion)}\u0000${spec.vendorStringPattern ?? '\u0001'}`;
}

function describeSpec(spec: FeatureSpecNode): string {
  const vendor = spec.vendorStringPattern === undefined ? '' : ` (vendor string matches ${JSON.stringify(clip(spec.vendorStringPattern))})`;
  return `${clip(spec.featureName)} ${clip(spec.featureVersion)}${vendor}`;
}

function isReserved(name: string): boolean {
  return (RESERVED_NAMES as readonly string[]).includes(name.toLowerCase());
}

function walkMatchers(matcher: MatcherNode, visit: (m: MatcherNode) => void): void {
  visit(matcher);
  if (matcher.kind === 'and' || matcher.kind === 'or') for (const operand of matcher.operands) walkMatchers(operand, visit);
  if (matcher.kind === 'not') walkMatchers(matcher.operand, visit);
}

/**
 * Checks the meaning of a syntactically valid model: reserved and duplicate names, duplicate feature
 * versions in a pool, amounts and percentages, `remainder`, and pools used by rules.
 *
 * Pinned rule set (AG 2026_05): within one partition a feature version may appear once without and
 * once with a `vendor string matches` clause (the 2025_12 rule that rejected such mixes is not applied);
 * the same feature version twice with the same vendor pattern, or twice without one, is an error.
 */
export function checkModel(model: ModelAst): { errors: ModelError[]; warnings: ModelWarning[] } {
  const errors: ModelError[] = [];
  const warnings: ModelWarning[] = [];

  if (model.name.trim() === '') errors.push(modelError(model.nameSpan, 'the model name must not be empty'));
  else if (isReserved(model.name)) {
    errors.push(modelError(model.nameSpan, `the model name "${clip(model.name)}" is reserved: choose another name than "default" or "reservations"`));
  }

  const poolsByName = new Map<string, PoolNode>();
  for (const pool of model.pools) {
    if (pool.name.trim() === '') errors.push(modelError(pool.nameSpan, 'a pool name must not be empty'));
    else if (isReserved(pool.name)) {
      errors.push(modelError(pool.nameSpan, `the pool name "${clip(pool.name)}" is reserved: "default" and "reservations" cannot be defined`));
    }
    const first = poolsByName.get(pool.name);
    if (first) {
      errors.push(modelError(pool.nameSpan, `pool "${clip(pool.name)}" is already defined at line ${first.nameSpan.start.line}`));
    } else {
      poolsByName.set(pool.name, pool);
    }
  }

  // Per feature version (and vendor pattern) across pools, in file order.
  const percentSums = new Map<string, { total: number; parts: string[] }>();
  const remainders = new Map<string, { pool: string; line: number }>();
  for (const pool of model.pools) {
    const inPool = new Map<string, FeatureSpecNode>();
    for (const spec of pool.features) {
      if (spec.featureName.trim() === '') errors.push(modelError(spec.span, 'a feature name must not be empty'));
      const key = specKey(spec);
      const first = inPool.get(key);
      if (first) {
        errors.push(modelError(spec.span, `feature ${describeSpec(spec)} is listed twice in pool "${clip(pool.name)}" (first at line ${first.span.start.line})`));
        continue;
      }
      inPool.set(key, spec);

      const amount = spec.amount;
      const taken = remainders.get(key);
      if (taken) {
        if (amount.kind === 'remainder') {
          errors.push(modelError(spec.amountSpan, `pool "${clip(taken.pool)}" already takes the remainder of ${describeSpec(spec)} (line ${taken.line}); only one pool can`));
          continue;
        }
        warnings.push(modelWarning(spec.span, `pool "${clip(pool.name)}" gets none of ${describeSpec(spec)}: pool "${clip(taken.pool)}" takes the remainder first (line ${taken.line})`));
      }
      if (amount.kind === 'remainder') {
        remainders.set(key, { pool: pool.name, line: spec.span.start.line });
      } else if (amount.kind === 'count') {
        if (!Number.isSafeInteger(amount.value)) errors.push(modelError(spec.amountSpan, `count ${amount.value} is too large`));
      } else {
        if (amount.value > 100) {
          errors.push(modelError(spec.amountSpan, `percentage ${amount.value}% is over 100%`));
          continue;
        }
        const sum = percentSums.get(key) ?? { total: 0, parts: [] };
        sum.total += amount.value;
        sum.parts.push(`"${clip(pool.name)}" ${amount.value}%`);
        percentSums.set(key, sum);
        if (sum.total > 100) {
          errors.push(modelError(spec.amountSpan, `percentages of ${describeSpec(spec)} add up to ${sum.total}% across pools (${sum.parts.join(', ')}); at most 100% can be shared out`));
        }
      }
    }
  }

  const usedPools = new Set<string>();
  let unconditional: number | null = null;
  model.rules.forEach((rule) => {
    if (unconditional !== null) {
      warnings.push(modelWarning(rule.span, `this rule is never reached: the rule at line ${unconditional} matches every request and ends evaluation`));
    }
    const seen = new Set<string>();
    rule.pools.forEach((name, i) => {
      const span = rule.poolSpans[i] ?? rule.span;
      usedPools.add(name);
      if (seen.has(name)) warnings.push(modelWarning(span, `pool "${clip(name)}" is named twice in this rule`));
      seen.add(name);
      if (name !== DEFAULT_POOL && !poolsByName.has(name)) {
        const names = [...poolsByName.keys(), DEFAULT_POOL];
        const shown = names.slice(0, 10).map((n) => `"${clip(n)}"`);
        if (names.length > 10) shown.push(`and ${names.length - 10} more`);
        const known = shown.join(', ');
        errors.push(modelError(span, `pool "${clip(name)}" is not defined (defined pools: ${known})`));
      }
    });
    walkMatchers(rule.matcher, (matcher) => {
      if (matcher.kind !== 'hostid') return;
      matcher.hostIds.forEach((spec, i) => {
        const span = matcher.argSpans[i] ?? matcher.span;
        const hostId = parseHostIdSpec(spec);
        if (hostId.value === '') errors.push(modelError(span, `host id ${JSON.stringify(clip(spec))} has an empty value`));
        else if (hostId.type === 'ETHERNET' && !ETHERNET_VALUE.test(hostId.value.replace(/[:-]/g, ''))) {
          warnings.push(modelWarning(span, `ETHERNET host id ${JSON.stringify(clip(hostId.value))} is not 12 hexadecimal digits, so no client will match it`));
        }
      });
    });
    if (unconditional === null && rule.matcher.kind === 'any' && rule.action !== 'continue') {
      unconditional = rule.span.start.line;
    }
  });
  for (const pool of model.pools) {
    if (!usedPools.has(pool.name)) {
      warnings.push(modelWarning(pool.nameSpan, `pool "${clip(pool.name)}" is not used by any rule, so its counts can never be served`));
    }
  }
  errors.sort(byPosition);
  warnings.sort(byPosition);
  return { errors, warnings };
}
