import { text } from 'node:stream/consumers';
import { loadConfig, type Config } from '../../config.ts';
import { createPerson } from '../../people/manage-people.ts';
import { invitePerson, issuePasswordLink, setPasswordPath } from '../../people/password-links.ts';
import { passwordProblem } from '../../people/people-policy.ts';
import { ROLES, type Role } from '../../permissions.ts';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import { parseOptions, UsageError, type Command } from '../command.ts';

const usage = `rivalscope user invite --email EMAIL --role ${ROLES.join('|')} [--name NAME]
       rivalscope user create --email EMAIL --role ROLE [--name NAME] --password-stdin
       rivalscope user reset --email EMAIL`;

const OPTIONS = { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } } as const;

const linkBase = (config: Config) => config.publicUrl ?? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;

function personOptions(rest: string[]) {
  const { values } = parseOptions(rest, OPTIONS);
  if (!values.email || !/^[^\s@]+@[^\s@]+$/.test(values.email)) throw new UsageError('--email must be an email address');
  if (!values.role || !(ROLES as readonly string[]).includes(values.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return { input: { email: values.email, role: values.role as Role, displayName: values.name }, passwordStdin: values['password-stdin'] === true };
}

export const command: Command = {
  summary: 'Invite people who sign in to the pages, create them for scripts, make password reset links',
  usage,
  async run(args) {
    const [action, ...rest] = args;
    const config = loadConfig();
    const store = openSqliteStore(config.dbPath);
    try {
      if (action === 'invite') {
        const { input, passwordStdin } = personOptions(rest);
        if (passwordStdin) throw new UsageError('an invited person chooses their own password; use create for --password-stdin');
        const { person, token } = await invitePerson(store, input);
        console.error(`Invite for ${person.email} (${person.role}); the link works once, for 72 hours, and is shown only now:`);
        console.log(`${linkBase(config)}${setPasswordPath(token)}`);
        return 0;
      }
      if (action === 'create') {
        const { input, passwordStdin } = personOptions(rest);
        if (!passwordStdin) throw new UsageError('give the password on stdin with --password-stdin');
        const password = (await text(process.stdin)).replace(/\r?\n$/, '');
        const problem = passwordProblem(password, password);
        if (problem) throw new UsageError(problem);
        console.log(JSON.stringify(await createPerson(store, { ...input, password })));
        return 0;
      }
      if (action === 'reset') {
        const { values } = parseOptions(rest, { email: { type: 'string' } });
        const found = values.email ? await store.people.findByEmail(values.email) : null;
        if (!found) throw new UsageError('--email must be the email of a person');
        const token = await issuePasswordLink(store, found.person.id);
        console.error(`Password link for ${found.person.email}; it works once, for 72 hours, and is shown only now:`);
        console.log(`${linkBase(config)}${setPasswordPath(token)}`);
        return 0;
      }
      throw new UsageError(action ? `unknown action "${action}"` : 'give an action: invite, create or reset');
    } finally {
      await store.close();
    }
  },
};
