// The browser tests' SMTP server: started by global-setup.ts, it writes each message it accepts as
// JSON into a folder the test workers read (they run in other processes than the server).
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Mail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  receivedAt: string;
}

export const startMailbox = async (dir: string) => {
  fs.mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: Mail = {
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            receivedAt: new Date().toISOString(),
          };
          count += 1;
          fs.writeFileSync(
            path.join(dir, `${String(count).padStart(5, '0')}.json`),
            JSON.stringify(mail)
          );
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/** Every message received so far, oldest first. */
export const readMailbox = (dir: string): Mail[] =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Mail);
