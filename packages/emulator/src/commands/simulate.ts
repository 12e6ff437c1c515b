import { parseArgs } from 'node:util';
import { createLicenseServerClient } from '@licensedesk/sdk';

export const SIMULATE_HELP = `licensedesk-emulator simulate — devices requesting and returning licenses

Usage: licensedesk-emulator simulate [options]

Options:
  --server URL          License server (default http://127.0.0.1:7070)
  --devices N           Number of simulated devices (default 50)
  --rate R              Requests per second, all devices together (default 10)
  --duration S          Stop after S seconds (default: run until Ctrl-C)
  --features LIST       Features to ask for, as name:version,... (default: the server's active
                        features, read with --user/--password when security is on)
  --user NAME           Account to read the feature list with
  --password P          Its password
  --prefix TEXT         Host id prefix of the devices (default SIM-); ids are STRING
  -h, --help            Show this help

Each tick a random device either asks for one more count of a random feature or returns
what it holds (count 0). Every 5 s a line reports requests, grants, denials and latency.`;

interface Stats {
  requests: number;
  granted: number;
  denied: number;
  returned: number;
  errors: number;
  latencies: number[];
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function runSimulate(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      server: { type: 'string', default: 'http://127.0.0.1:7070' },
      devices: { type: 'string', default: '50' },
      rate: { type: 'string', default: '10' },
      duration: { type: 'string' },
      features: { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      prefix: { type: 'string', default: 'SIM-' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(SIMULATE_HELP);
    return 0;
  }
  const devices = Number(values.devices);
  const rate = Number(values.rate);
  const duration = values.duration === undefined ? Number.POSITIVE_INFINITY : Number(values.duration);
  if (!Number.isInteger(devices) || devices < 1) throw new Error('--devices must be a positive whole number');
  if (!(rate > 0)) throw new Error('--rate must be a positive number');
  if (!(duration > 0)) throw new Error('--duration must be a positive number of seconds');

  const client = createLicenseServerClient({ server: values.server });
  let wanted: { featureName: string; featureVersion: string }[];
  if (values.features) {
    wanted = values.features.split(',').map((item) => {
      const [featureName, featureVersion = '1.0'] = item.trim().split(':');
      return { featureName: featureName!, featureVersion };
    });
  } else {
    if (values.user && values.password) await client.login(values.user, values.password);
    const features = await client.features.list({ activeOnly: true }).all();
    const unique = new Map(features.map((f) => [`${f.featureName}\u0000${f.featureVersion}`, f]));
    wanted = [...unique.values()].map((f) => ({ featureName: f.featureName, featureVersion: f.featureVersion }));
  }
  if (wanted.length === 0) throw new Error('No features to ask for (the server has no active features; use --features).');

  const held = new Map<number, Set<string>>();
  const stats: Stats = { requests: 0, granted: 0, denied: 0, returned: 0, errors: 0, latencies: [] };
  const started = Date.now();
  console.log(`Simulating ${devices} devices at ${rate} requests/s against ${values.server} (${wanted.length} features)`);

  const report = () => {
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `${seconds.toFixed(0)}s: ${stats.requests} requests (${(stats.requests / seconds).toFixed(1)}/s), ${stats.granted} granted, ` +
        `${stats.denied} denied, ${stats.returned} returns, ${stats.errors} errors; p50 ${percentile(stats.latencies, 50).toFixed(1)} ms, ` +
        `p99 ${percentile(stats.latencies, 99).toFixed(1)} ms`,
    );
    stats.latencies = [];
  };

  const tick = async () => {
    const device = Math.floor(Math.random() * devices);
    const hostId = { value: `${values.prefix}${String(device + 1).padStart(5, '0')}`, type: 'STRING' };
    const mine = held.get(device) ?? new Set<string>();
    const giveBack = mine.size > 0 && Math.random() < 0.4;
    const feature = giveBack
      ? wanted.find((w) => mine.has(`${w.featureName}\u0000${w.featureVersion}`))!
      : wanted[Math.floor(Math.random() * wanted.length)]!;
    const key = `${feature.featureName}\u0000${feature.featureVersion}`;
    const t0 = performance.now();
    stats.requests++;
    try {
      const response = await client.licensing.request({
        hostId,
        machineType: device % 3 === 0 ? 'VIRTUAL' : 'PHYSICAL',
        alias: `simulated device ${device + 1}`,
        features: [{ ...feature, count: giveBack ? 0 : 1 }],
      });
      stats.latencies.push(performance.now() - t0);
      if (giveBack) {
        stats.returned++;
        mine.delete(key);
      } else if (response.denied.length > 0) stats.denied++;
      else {
        stats.granted++;
        mine.add(key);
      }
      held.set(device, mine);
    } catch (error) {
      stats.errors++;
      if (stats.errors <= 3) console.error(`request failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  let stop = false;
  process.on('SIGINT', () => {
    stop = true;
  });
  const interval = 1000 / rate;
  const reporter = setInterval(report, 5000);
  let next = Date.now();
  const inFlight = new Set<Promise<void>>();
  while (!stop && Date.now() - started < duration * 1000) {
    const p = tick().finally(() => inFlight.delete(p));
    inFlight.add(p);
    next += interval;
    const wait = next - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    else if (inFlight.size > 64) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  clearInterval(reporter);
  report();
  return stats.errors > 0 && stats.errors === stats.requests ? 1 : 0;
}
