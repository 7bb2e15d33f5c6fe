import { loadConfig } from '../../config.ts';
import { openStore } from '../../store/open/open-store.ts';
import { ROLES, type Role } from '../../permissions.ts';
import { parseOptions, UsageError, type Command } from '../command.ts';

const usage = `rivalscope token create --role ${ROLES.join('|')} --name NAME
       rivalscope token list
       rivalscope token revoke ID`;

export const command: Command = {
  summary: 'Create, list and revoke API tokens',
  usage,
  async run(args) {
    const [action, ...rest] = args;
    const store = await openStore(loadConfig());
    const { users } = store;
    try {
      if (action === 'create') {
        const { values } = parseOptions(rest, { role: { type: 'string' }, name: { type: 'string' } });
        if (!values.role || !(ROLES as readonly string[]).includes(values.role))
          throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
        if (!values.name?.trim()) throw new UsageError('--name is required');
        const { token, info } = await users.createToken(values.name.trim(), values.role as Role);
        console.error(`Token for ${info.name} (${info.role}); it is shown only now:`);
        console.log(token);
        return 0;
      }
      if (action === 'list') {
        parseOptions(rest, {});
        for (const t of await users.listTokens()) console.log(JSON.stringify(t));
        return 0;
      }
      if (action === 'revoke') {
        const { positionals } = parseOptions(rest, {}, true);
        const id = Number(positionals[0]);
        if (positionals.length !== 1 || !Number.isInteger(id)) throw new UsageError('give the token ID to revoke');
        await users.revokeToken(id);
        console.log(JSON.stringify({ revoked: id }));
        return 0;
      }
      throw new UsageError(action ? `unknown action "${action}"` : 'give an action: create, list or revoke');
    } finally {
      await store.close();
    }
  },
};
