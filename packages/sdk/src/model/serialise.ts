import type { Amount, FeatureSpec, Matcher, ModelDefinition, RuleDefinition } from './ast.js';

/**
 * Writes a string as a model definition string literal, escaping `"` and `\` (`a"b\c` becomes
 * `"a\"b\\c"`); throws a RangeError for line breaks, which a model string cannot hold.
 */
export function quoteModelString(value: string): string {
  if (/[\r\n]/.test(value)) throw new RangeError(`a model definition string cannot contain a line break: ${JSON.stringify(value)}`);
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

function amountText(amount: Amount): string {
  switch (amount.kind) {
    case 'count':
      return String(amount.value);
    case 'percent':
      return `${amount.value}%`;
    case 'remainder':
      return 'remainder';
  }
}

/** Writes one feature line of a partition, always with the feature name quoted. */
export function serialiseFeatureSpec(spec: FeatureSpec): string {
  const vendor = spec.vendorStringPattern === undefined ? '' : ` vendor string matches ${quoteModelString(spec.vendorStringPattern)}`;
  return `${quoteModelString(spec.featureName)} ${spec.featureVersion} ${amountText(spec.amount)}${vendor}`;
}

// Binding strength, for parentheses: OR < AND < NOT < a single matcher.
function strength(matcher: Matcher): number {
  return matcher.kind === 'or' ? 0 : matcher.kind === 'and' ? 1 : matcher.kind === 'not' ? 2 : 3;
}

// AND inside OR is parenthesised too although it binds tighter: easier to read, and safe with any reader.
function operandText(operand: Matcher, parentStrength: number): string {
  const text = serialiseMatcher(operand);
  return strength(operand) < 2 && strength(operand) <= Math.max(parentStrength, 1) ? `(${text})` : text;
}

/** Writes a rule's condition, adding parentheses only where binding strength needs them. */
export function serialiseMatcher(matcher: Matcher): string {
  const list = (values: readonly string[]): string => values.map(quoteModelString).join(', ');
  switch (matcher.kind) {
    case 'or':
      return matcher.operands.map((operand) => operandText(operand, 0)).join(' OR ');
    case 'and':
      return matcher.operands.map((operand) => operandText(operand, 1)).join(' AND ');
    case 'not':
      return `NOT ${operandText(matcher.operand, 2)}`;
    case 'hostid':
      return `hostid(${list(matcher.hostIds)})`;
    case 'hostname':
      return `hostname(${list(matcher.names)})`;
    case 'hosttype':
      return `hosttype(${list(matcher.types)})`;
    case 'dictionary':
      return `dictionary(${matcher.entries
        .map(({ key, value }) => `${quoteModelString(key)}:${value === null ? '*' : quoteModelString(value)}`)
        .join(', ')})`;
    case 'any':
      return 'any()';
  }
}

/** Writes one rule on one line, e.g. `on hostid("F01898AD8DD3/ETHERNET") { use "eng" accept }`. */
export function serialiseRule(rule: RuleDefinition): string {
  const body: string[] = [];
  if (rule.pools.length > 0) body.push(`use ${rule.pools.map(quoteModelString).join(', ')}`);
  if (rule.without) body.push(`without requested features { ${rule.without.raw} }`);
  if (rule.action) body.push(rule.action);
  return `on ${serialiseMatcher(rule.matcher)} { ${body.length > 0 ? `${body.join(' ')} ` : ''}}`;
}

/** Writes a whole model definition as text that `parseModel` reads back to the same model. */
export function serialiseModel(model: ModelDefinition): string {
  const lines = [`model ${quoteModelString(model.name)} {`];
  if (model.pools.length > 0) {
    lines.push('  partitions {');
    for (const pool of model.pools) {
      lines.push(`    partition ${quoteModelString(pool.name)} {`);
      for (const spec of pool.features) lines.push(`      ${serialiseFeatureSpec(spec)}`);
      lines.push('    }');
    }
    lines.push('  }');
  }
  for (const rule of model.rules) lines.push(`  ${serialiseRule(rule)}`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
