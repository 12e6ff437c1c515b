#!/usr/bin/env node
import { runSimulate, SIMULATE_HELP } from './commands/simulate.js';
import { runStart, START_HELP } from './commands/start.js';

/** One subcommand of `licensedesk-emulator`. */
interface Command {
  summary: string;
  help: () => Promise<string> | string;
  run: (argv: string[]) => Promise<number> | number;
}

/** The subcommands. `backoffice` lives in src/backoffice/cli.ts and is loaded on use. */
const COMMANDS: Record<string, Command> = {
  start: { summary: 'Start a license server emulator', help: () => START_HELP, run: runStart },
  simulate: { summary: 'Simulate devices requesting and returning licenses', help: () => SIMULATE_HELP, run: runSimulate },
  backoffice: {
    summary: "The producer's back office: answer offline requests with signed responses",
    help: async () => (await import('./backoffice/cli.js')).BACKOFFICE_HELP,
    run: async (argv) => (await import('./backoffice/cli.js')).runBackofficeCli(argv),
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'licensedesk-emulator — a FlexNet Embedded license server emulator',
    '',
    'Usage: licensedesk-emulator <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `licensedesk-emulator <command> --help` for the options of a command.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic && COMMANDS[topic]) console.log(await COMMANDS[topic].help());
    else console.log(usage());
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === '-v') {
    console.log((await import('./version.js')).PACKAGE_VERSION);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    // `start` keeps running until a signal; everything else ends here.
    if (code !== -1) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
