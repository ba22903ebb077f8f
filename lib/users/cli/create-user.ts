/**
 * `npm run user:create -- --email ada@example.org --role admin [--name "Ada"] [--internal-access] [--password …]`
 * Creates a staff account that can sign in at once; asks for the password unless --password is given
 * (for scripts; a password on a command line may be kept in shell history). Admins set up two-factor
 * sign-in at their first sign-in.
 */
import os from 'node:os';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { createUserFromTerminal, TerminalUserError } from '../create-user-from-terminal';

async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, callback) {
      if (!muted) process.stdout.write(chunk, encoding);
      callback();
    },
  });
  const reader = createInterface({ input: process.stdin, output, terminal: true });
  process.stdout.write(question);
  muted = true;
  const answer = await new Promise<string>((resolve) => reader.question('', resolve));
  muted = false;
  reader.close();
  process.stdout.write('\n');
  return answer;
}

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string', default: '' },
    password: { type: 'string' },
    'internal-access': { type: 'boolean', default: false },
  },
});

if (!values.email || !values.role) {
  console.error('Usage: npm run user:create -- --email ada@example.org --role admin|organizer|advocate [--name "Ada"] [--internal-access] [--password …]');
  process.exit(2);
}

let password = values.password;
if (password === undefined) {
  if (!process.stdin.isTTY) {
    console.error('No terminal to ask for the password: pass --password.');
    process.exit(2);
  }
  password = await askHidden('Password (at least 12 characters): ');
  const again = await askHidden('Password again: ');
  if (password !== again) {
    console.error('The two passwords differ; nothing was created.');
    process.exit(1);
  }
}

const opened = await openDatabase({ url: process.env.DATABASE_URL });
try {
  const { userId } = await createUserFromTerminal(
    opened.db,
    { email: values.email, role: values.role as 'admin', displayName: values.name, internalAccess: values['internal-access'], password },
    os.userInfo().username,
  );
  console.log(`Created ${values.role} ${values.email.trim().toLowerCase()} (${userId}) in the ${opened.engine} database.`);
} catch (error) {
  if (error instanceof TerminalUserError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await opened.close();
}
