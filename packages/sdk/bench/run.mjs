#!/usr/bin/env node
// Prints how fast the built SDK handles the largest model definition a server accepts (900 KB)
// and a large reservation import. Figures only; nothing here passes or fails.
import { performance } from 'node:perf_hooks';
import { evaluateModel, parseModel } from '../dist/model.js';
import { validateReservationImport } from '../dist/index.js';

function generatedModel(bytes) {
  const lines = ['model "generated" {', '  partitions {'];
  for (let p = 0; p < 200; p++) {
    lines.push(`    partition "pool-${p}" {`);
    for (let f = 0; f < 10; f++) lines.push(`      "feature-${f}" 1.${p % 10} ${(p % 5) + 1}`);
    lines.push('    }');
  }
  lines.push('  }');
  let size = lines.join('\n').length;
  for (let rule = 0; size < bytes - 1500; rule++) {
    const ids = Array.from({ length: 40 }, (_, i) => `"${(rule * 40 + i).toString(16).toUpperCase().padStart(12, '0')}/ETHERNET"`);
    const line = `  on hostid(${ids.join(', ')}) { use "pool-${rule % 200}" accept }`;
    lines.push(line);
    size += line.length + 1;
  }
  lines.push('  on any() { deny }', '}');
  return lines.join('\n');
}

function measure(label, runs, fn) {
  fn(); // warm-up, as a long-running process would be
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${label.padEnd(58)} median ${median.toFixed(1).padStart(8)} ms   best ${times[0].toFixed(1).padStart(8)} ms`);
}

const text = generatedModel(900 * 1024);
const parsed = parseModel(text);
if (!parsed.ok) throw new Error('bench model does not parse');
const groups = Array.from({ length: 5000 }, (_, g) => ({
  name: `group-${g}`,
  reservations: [
    {
      hostId: { value: g.toString(16).toUpperCase().padStart(12, '0'), type: 'ETHERNET' },
      reservationEntries: [{ featureName: `f${g % 12}`, featureVersion: '1.0', featureCount: 1 }],
    },
  ],
}));

console.log(`@licensedesk/sdk bench (node ${process.version})`);
measure(`parseModel, ${(text.length / 1024).toFixed(0)} KB model`, 7, () => parseModel(text));
measure('evaluateModel, request matching no rule (thousands of rules)', 25, () =>
  evaluateModel(parsed.model, { hostId: { value: 'ff:ff:ff:ff:ff:ff', type: 'ETHERNET' } }),
);
measure('validateReservationImport, 5,000 groups', 7, () => validateReservationImport(groups));
