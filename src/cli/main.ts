import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config.ts';
import { UsageError, type Command } from './command.ts';

const commandsDir = fileURLToPath(new URL('./commands/', import.meta.url));

function commandNames(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function load(name: string): Promise<Command> {
  const mod = (await import(`./commands/${name}.ts`)) as { command: Command };
  return mod.command;
}

async function help(): Promise<void> {
  console.log('Usage: rivalscope <command> [args]   (npm run -s rivalscope -- <command> [args])\n\nCommands:');
  for (const name of commandNames()) console.log(`  ${name.padEnd(14)}${(await load(name)).summary}`);
  console.log('\nRun `rivalscope <command> --help` for the options of one command.');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await help();
    return name ? 0 : 2;
  }
  if (!commandNames().includes(name)) {
    console.error(`rivalscope: unknown command "${name}". Run \`rivalscope --help\` for the list.`);
    return 2;
  }
  const command = await load(name);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`rivalscope ${name}: ${err.message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (err instanceof ConfigError) {
      console.error(`rivalscope: ${err.message}`);
      return 2;
    }
    console.error(`rivalscope ${name}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
