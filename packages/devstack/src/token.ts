// `npm run token -- --role PARTNER --supplier <id> [--role …] [--sub name] [--ttl 8h]`: prints a
// development JWT for the gateway, signed with JWT_SECRET or with the secret of the running `npm start`.
import { parseArgs } from 'node:util';
import { ROLES } from '@cmgraph/platform';
import { devJwtSecret, parseTtl, signDevToken } from './dev-token';

function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      supplier: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    },
  });
  const roles = (values.role?.length ? values.role : ['ADMIN']).map((role) => role.toUpperCase());
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length) throw new Error(`unknown role ${unknown.join(', ')}; roles: ${ROLES.join(', ')}`);
  if (roles.includes('PARTNER') && !values.supplier) throw new Error('a PARTNER token needs --supplier <supplier id>');
  const secret = devJwtSecret();
  if (!secret) throw new Error('no JWT_SECRET set and no `npm start` running: set JWT_SECRET or start the stack first');
  const sub = values.sub ?? `dev-${roles.join('-').toLowerCase()}`;
  process.stdout.write(
    `${signDevToken({ sub, roles, ...(values.supplier ? { supplier_id: values.supplier } : {}) }, secret, parseTtl(values.ttl!))}\n`,
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`token: ${(error as Error).message}\n`);
  process.exit(1);
}
