// Email notifications (issue 10, part 4), delivered to a real SMTP server started here (smtp-server
// on a free port, read back with mailparser): who is told of each move, what the message says,
// nothing for a refused or rolled-back move, never the actor, nobody who turned the kind off, a
// refusing or absent SMTP server never failing the move (retried with backoff, logged), and, on
// PostgreSQL, two Strapi processes on one database sending each message exactly once.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAdmin } from '../helpers/identities';
import { startSecondProcess } from '../helpers/second-process';
import { startTestApp, usingPostgres } from '../helpers/strapi';
import { ARTICLE, createStory, giveStoryTo, transitionUrl } from '../helpers/workflow';

const OUTBOX = 'plugin::editorial-workflow.workflow-notification';
const STATE = 'plugin::editorial-workflow.workflow-state';
const PREFS_URL = '/editorial-workflow/notification-preferences';

interface Mail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
}

/** A real SMTP server: every accepted message, or a refusal while `refuse` says so. */
const smtp = {
  server: null as SMTPServer | null,
  port: 0,
  mails: [] as Mail[],
  refuse: null as string | null,
  delayMs: 0,
  async start(port = 0) {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream).then(async (parsed) => {
          if (smtp.delayMs) await new Promise((r) => setTimeout(r, smtp.delayMs));
          if (smtp.refuse) {
            const error: Error & { responseCode?: number } = new Error(smtp.refuse);
            error.responseCode = 451;
            return callback(error);
          }
          smtp.mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    smtp.server = server;
    smtp.port = (server.server.address() as AddressInfo).port;
  },
  async stop() {
    const server = smtp.server;
    smtp.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  },
};

let app: Awaited<ReturnType<typeof startTestApp>>;
type Admin = Awaited<ReturnType<typeof createAdmin>>;
let chief: Admin, editor: Admin, fc1: Admin, fc2: Admin, author: Admin;

const sender = () => app.strapi.plugin('editorial-workflow').service('notification-sender');
const notifications = () => app.strapi.plugin('editorial-workflow').service('notifications');
const emailOf = (who: Admin) => who.user.email as string;
const outbox = (where: Record<string, unknown> = {}) =>
  app.strapi.db.query(OUTBOX).findMany({ where, orderBy: { id: 'asc' } });

beforeAll(async () => {
  await smtp.start();
  app = await startTestApp({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    EMAIL_FROM: 'desk@newsroom.test',
    ADMIN_URL: 'https://cms.newsroom.test/admin',
    // Retries are driven by the test (sendDue with a later clock), not by the poller.
    NOTIFICATIONS_POLL_SECONDS: '3600',
  });
  chief = await createAdmin(app, 'strapi-super-admin', 'Chief');
  editor = await createAdmin(app, 'strapi-editor', 'Edith');
  fc1 = await createAdmin(app, 'Fact-checker', 'Fiona');
  fc2 = await createAdmin(app, 'Fact-checker', 'Frank');
  author = await createAdmin(app, 'strapi-author', 'Alex');
});
afterEach(() => {
  vi.restoreAllMocks();
  smtp.refuse = null;
  smtp.delayMs = 0;
});
afterAll(async () => {
  await app?.stop();
  await smtp.stop();
});

/** A story of `owner`'s (authors move only their own). */
const story = async (title: string, owner: Admin = author) => {
  const { documentId } = await createStory(app, title);
  await giveStoryTo(app, documentId, owner.user.id);
  return documentId;
};

/** One move over HTTP; resolves once this process's sender has delivered what the move enqueued. */
const move = async (who: Admin, documentId: string, transition: string, comment?: string) => {
  const res = await app.request
    .post(transitionUrl(documentId))
    .set(who.auth)
    .send(comment ? { transition, comment } : { transition });
  await sender().idle();
  return res;
};

/** The mails received while `run` ran. */
const mailsDuring = async (run: () => Promise<unknown>) => {
  const before = smtp.mails.length;
  await run();
  await sender().idle();
  return smtp.mails.slice(before);
};

const recipientsOf = (mails: Mail[]) => mails.flatMap((m) => m.to).sort();
const sorted = (...who: Admin[]) => who.map(emailOf).sort();

describe('who is told of each move, and what the message says', () => {
  it('submit → every reviewer (holders of approve: fact-checkers, editors, super admins), not the author', async () => {
    const id = await story('Port strike ends');
    const mails = await mailsDuring(async () => {
      expect((await move(author, id, 'submit')).status).toBe(200);
    });
    expect(recipientsOf(mails)).toEqual(sorted(chief, editor, fc1, fc2));
    const mail = mails.find((m) => m.to.includes(emailOf(fc1)))!;
    expect(mail.from).toBe('desk@newsroom.test');
    expect(mail.subject).toBe('Submitted for fact-check: Port strike ends (en)');
    expect(mail.text).toContain('Alex Tester submitted this story for fact-check.');
    expect(mail.text).toContain('Stage: Fact-check');
    expect(mail.text).toContain(
      `https://cms.newsroom.test/admin/content-manager/collection-types/${ARTICLE}/${id}?plugins[i18n][locale]=en`
    );
    expect(mail.html).toContain('Open the story');
    // One row per recipient, sent, keyed by the history entry.
    const rows = await outbox({ targetDocumentId: id });
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r: any) => r.eventKey)).size).toBe(1);
    expect(rows[0].eventKey).toMatch(/^move:\d+$/);
    expect(rows.every((r: any) => r.status === 'sent' && r.attempts === 1 && r.sentAt)).toBe(true);
  });

  it('submit of an assigned story → the assignee only', async () => {
    const id = await story('Bridge inspection');
    await app.strapi.db.query(STATE).updateMany({
      where: { targetDocumentId: id },
      data: { assignee: { id: fc2.user.id, name: 'Frank Tester' } },
    });
    const mails = await mailsDuring(() => move(author, id, 'submit'));
    expect(recipientsOf(mails)).toEqual(sorted(fc2));
  });

  it('request_changes → the submitter, with the comment; approve and retract → the submitter', async () => {
    const id = await story('Council budget');
    await move(author, id, 'submit');

    let mails = await mailsDuring(async () => {
      const res = await move(fc1, id, 'request_changes', 'The second quote has no source.');
      expect(res.status).toBe(200);
    });
    expect(recipientsOf(mails)).toEqual(sorted(author));
    expect(mails[0].subject).toBe('Changes requested: Council budget (en)');
    expect(mails[0].text).toContain('Fiona Tester requested changes to this story.');
    expect(mails[0].text).toContain('Comment:\nThe second quote has no source.');
    expect(mails[0].text).toContain('Stage: Draft');

    await move(author, id, 'submit');
    mails = await mailsDuring(async () => {
      expect((await move(fc1, id, 'approve')).status).toBe(200);
    });
    expect(recipientsOf(mails)).toEqual(sorted(author));
    expect(mails[0].subject).toBe('Approved and published: Council budget (en)');

    mails = await mailsDuring(async () => {
      expect((await move(editor, id, 'retract', 'Wrong figures.')).status).toBe(200);
    });
    expect(recipientsOf(mails)).toEqual(sorted(author));
    expect(mails[0].subject).toBe('Retracted: Council budget (en)');
    expect(mails[0].text).toContain('Wrong figures.');
  });

  it('the actor is never told of their own move (an editor submitting holds approve too)', async () => {
    const id = await story('Editor’s own story', editor);
    const mails = await mailsDuring(() => move(editor, id, 'submit'));
    expect(recipientsOf(mails)).toEqual(sorted(chief, fc1, fc2));
  });
});

describe('nothing for what did not happen', () => {
  it('a refused move sends nothing and writes no row', async () => {
    const id = await story('Refused moves');
    const mails = await mailsDuring(async () => {
      const noComment = await move(author, id, 'submit').then(() =>
        move(fc1, id, 'request_changes')
      );
      expect(noComment.status).toBe(400);
      expect(noComment.body.error.name).toBe('ValidationError');
      const notAllowed = await move(author, id, 'approve');
      expect(notAllowed.status).toBe(403);
      expect(notAllowed.body.error.name).toBe('ForbiddenError');
    });
    // Only the submit was told.
    expect(mails.every((m) => m.subject.startsWith('Submitted for fact-check'))).toBe(true);
    const rows = await outbox({ targetDocumentId: id });
    expect(new Set(rows.map((r: any) => r.kind))).toEqual(new Set(['submit']));
  });

  it('a rolled-back transaction leaves no row and sends nothing', async () => {
    const id = await story('Rolled back');
    const mails = await mailsDuring(async () => {
      await expect(
        app.strapi.db.transaction(async () => {
          await notifications().enqueue({
            kind: 'mentioned',
            target: { uid: ARTICLE, documentId: id, locale: 'en' },
            actor: { type: 'admin', id: editor.user.id, name: 'Edith Tester' },
            recipients: [fc1.user.id],
            eventKey: `mentioned:rollback:${fc1.user.id}`,
            data: { text: 'never said' },
          });
          throw new Error('the write failed');
        })
      ).rejects.toThrow('the write failed');
    });
    expect(mails).toEqual([]);
    expect(await outbox({ targetDocumentId: id })).toEqual([]);
  });

  it('one event is one row per recipient, however often it is enqueued', async () => {
    const id = await story('Mentions');
    const request = {
      kind: 'mentioned',
      target: { uid: ARTICLE, documentId: id, locale: 'en' },
      actor: { type: 'admin' as const, id: editor.user.id, name: 'Edith Tester' },
      recipients: [fc1.user.id, editor.user.id],
      eventKey: `mentioned:note-1:${fc1.user.id}`,
      data: { text: '@Fiona can you check the date?' },
    };
    const mails = await mailsDuring(async () => {
      expect(await notifications().enqueue(request)).toBe(1);
      expect(await app.strapi.db.transaction(() => notifications().enqueue(request))).toBe(0);
    });
    expect(recipientsOf(mails)).toEqual(sorted(fc1));
    expect(mails[0].subject).toBe('Edith Tester mentioned you: Mentions (en)');
    expect(mails[0].text).toContain('Note:\n@Fiona can you check the date?');
    expect(await outbox({ targetDocumentId: id })).toHaveLength(1);
  });
});

describe('without SMTP', () => {
  it('writes each message to the log instead (recipient, subject, text) and marks it done', async () => {
    const real = notifications().config();
    vi.spyOn(notifications(), 'config').mockReturnValue({ ...real, delivery: 'log' });
    const info = vi.spyOn(app.strapi.log, 'info');
    const id = await story('Logged only');
    const mails = await mailsDuring(() => move(author, id, 'submit'));
    expect(mails).toEqual([]);
    const logged = info.mock.calls.map(([m]) => String(m)).filter((m) => m.includes('Logged only'));
    expect(logged).toHaveLength(4);
    const line = logged.find((m) => m.includes(emailOf(fc1)))!;
    expect(line).toContain('no SMTP configured: logged, not sent');
    expect(line).toContain(`to ${emailOf(fc1)} (admin #${fc1.user.id})`);
    expect(line).toContain('Submitted for fact-check: Logged only (en)');
    expect(line).toContain('Alex Tester submitted this story for fact-check.');
    const rows = await outbox({ targetDocumentId: id });
    expect(rows.map((r: any) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
  });
});

describe('preferences', () => {
  it('GET answers every kind and none turned off; PUT turns kinds off, and no email follows', async () => {
    const initial = await app.request.get(PREFS_URL).set(fc2.auth);
    expect(initial.status).toBe(200);
    expect(initial.body.data.disabled).toEqual([]);
    expect(initial.body.data.kinds.map((k: any) => k.id)).toEqual([
      'submit',
      'request_changes',
      'approve',
      'unschedule',
      'publish_now',
      'retract',
      'assigned',
      'mentioned',
      'sla',
    ]);

    const put = await app.request
      .put(PREFS_URL)
      .set(fc2.auth)
      .send({ disabled: ['submit', 'mentioned', 'submit'] });
    expect(put.status).toBe(200);
    expect(put.body.data.disabled).toEqual(['submit', 'mentioned']);
    expect((await app.request.get(PREFS_URL).set(fc2.auth)).body.data.disabled).toEqual([
      'submit',
      'mentioned',
    ]);
    // Someone else's preferences are their own.
    expect((await app.request.get(PREFS_URL).set(fc1.auth)).body.data.disabled).toEqual([]);

    const id = await story('Preferences');
    const mails = await mailsDuring(() => move(author, id, 'submit'));
    expect(recipientsOf(mails)).toEqual(sorted(chief, editor, fc1));

    await app.request.put(PREFS_URL).set(fc2.auth).send({ disabled: [] });
    const id2 = await story('Preferences back on');
    expect(recipientsOf(await mailsDuring(() => move(author, id2, 'submit')))).toContain(
      emailOf(fc2)
    );
  });

  it.each([
    [
      { disabled: ['nope'] },
      'disabled.0',
      'Unknown notification kind "nope" (known: submit, request_changes, approve, unschedule, publish_now, retract, assigned, mentioned, sla)',
    ],
    [{ disabled: 'submit' }, 'disabled', 'disabled must list notification kinds'],
    [{ disabled: [3] }, 'disabled.0', 'disabled must list notification kinds'],
    [{ disabled: [], extra: true }, 'extra', 'Unknown key "extra" (expected disabled)'],
    [{}, 'disabled', 'disabled must list notification kinds'],
  ])('PUT %j → 400 ValidationError, nothing changed', async (body, path, message) => {
    await app.request
      .put(PREFS_URL)
      .set(fc1.auth)
      .send({ disabled: ['sla'] });
    const res = await app.request.put(PREFS_URL).set(fc1.auth).send(body);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeNull();
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toBe(message);
    expect(res.body.error.details.errors[0].path).toEqual([path]);
    expect((await app.request.get(PREFS_URL).set(fc1.auth)).body.data.disabled).toEqual(['sla']);
    await app.request.put(PREFS_URL).set(fc1.auth).send({ disabled: [] });
  });

  it('needs a signed-in admin (401), and is not in the content API (404)', async () => {
    expect((await app.request.get(PREFS_URL)).status).toBe(401);
    expect((await app.request.put(PREFS_URL).send({ disabled: [] })).status).toBe(401);
    for (const path of [
      '/api/editorial-workflow/notification-preferences',
      '/api/workflow-notifications',
      '/api/editorial-workflow/workflow-notifications',
    ])
      expect((await app.request.get(path)).status).toBe(404);
  });

  it('every default role may set its own (no permission needed)', async () => {
    for (const who of [chief, editor, fc1, author]) {
      const res = await app.request
        .put(PREFS_URL)
        .set(who.auth)
        .send({ disabled: ['sla'] });
      expect(res.status).toBe(200);
      expect(res.body.data.disabled).toEqual(['sla']);
      await app.request.put(PREFS_URL).set(who.auth).send({ disabled: [] });
    }
  });
});

describe('a failing SMTP server never fails the move', () => {
  it('refused: the move answers 200; the row is retried with backoff and logged, then sent', async () => {
    const warn = vi.spyOn(app.strapi.log, 'warn');
    const id = await story('Refused by SMTP');
    await move(author, id, 'submit');
    smtp.refuse = 'Mailbox busy, try later';
    const before = Date.now();
    const res = await move(fc1, id, 'request_changes', 'Fix the headline.');
    expect(res.status).toBe(200);
    expect(res.body.data.stage).toBe('draft');

    const [row] = await outbox({ targetDocumentId: id, kind: 'request_changes' });
    expect(row).toMatchObject({ status: 'pending', attempts: 1, recipientId: author.user.id });
    expect(row.lastError).toContain('Mailbox busy, try later');
    const wait = new Date(row.nextAttemptAt).getTime() - before;
    expect(wait).toBeGreaterThanOrEqual(30_000);
    expect(wait).toBeLessThan(40_000);
    expect(
      warn.mock.calls.some(([m]) =>
        /notification #\d+ to .* failed \(attempt 1\), retrying at .*Mailbox busy/.test(String(m))
      )
    ).toBe(true);

    // Not due yet: nothing happens. A second failure waits twice as long.
    expect((await sender().sendDue()).sent).toBe(0);
    const later = new Date(before + 31_000);
    expect(await sender().sendDue({ now: later })).toMatchObject({ sent: 0, retrying: 1 });
    const [second] = await outbox({ id: row.id });
    expect(second.attempts).toBe(2);
    expect(new Date(second.nextAttemptAt).getTime() - later.getTime()).toBe(60_000);

    // The server is back: the retry goes out, once.
    smtp.refuse = null;
    const mails = await mailsDuring(() =>
      sender().sendDue({ now: new Date(later.getTime() + 61_000) })
    );
    expect(recipientsOf(mails)).toEqual(sorted(author));
    expect(mails[0].text).toContain('Fix the headline.');
    const [sent] = await outbox({ id: row.id });
    expect(sent).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(
      await mailsDuring(() => sender().sendDue({ now: new Date(Date.now() + 3_600_000) }))
    ).toEqual([]);
  });

  it('down: the move answers 200, and the message goes out when the server is up again', async () => {
    const id = await story('SMTP down');
    const port = smtp.port;
    await smtp.stop();
    const before = Date.now();
    const res = await move(author, id, 'submit');
    expect(res.status).toBe(200);
    const rows = await outbox({ targetDocumentId: id });
    expect(rows).toHaveLength(4);
    expect(rows.every((r: any) => r.status === 'pending' && r.attempts === 1)).toBe(true);
    expect(rows[0].lastError).toMatch(/ECONNREFUSED|connect/i);

    await smtp.start(port);
    const mails = await mailsDuring(() => sender().sendDue({ now: new Date(before + 31_000) }));
    expect(recipientsOf(mails)).toEqual(sorted(chief, editor, fc1, fc2));
  });

  it('gives up after 8 attempts (failed), and a row left sending by a dead process is taken back', async () => {
    const id = await story('Given up');
    smtp.refuse = 'Permanently unhappy';
    await notifications().enqueue({
      kind: 'sla',
      target: { uid: ARTICLE, documentId: id, locale: 'en' },
      actor: { type: 'system', id: null, name: 'system' },
      recipients: [fc1.user.id],
      eventKey: `sla:given-up`,
      data: { slaHours: 24 },
    });
    await sender().idle();
    let now = Date.now();
    for (let i = 0; i < 10; i += 1) {
      now += 3_600_000;
      await sender().sendDue({ now: new Date(now) });
    }
    const [row] = await outbox({ eventKey: 'sla:given-up' });
    expect(row).toMatchObject({ status: 'failed', attempts: 8 });

    smtp.refuse = null;
    await app.strapi.db.query(OUTBOX).update({
      where: { id: row.id },
      data: {
        status: 'sending',
        claimedBy: 'dead-host:1',
        claimedAt: new Date(Date.now() - 6 * 60_000),
      },
    });
    const mails = await mailsDuring(async () => {
      expect((await sender().sendDue()).reclaimed).toBe(1);
    });
    expect(recipientsOf(mails)).toEqual(sorted(fc1));
    expect(mails[0].subject).toBe('Waiting too long: Given up (en)');
  });
});

if (usingPostgres())
  describe('two Strapi processes on one PostgreSQL database', () => {
    let second: Awaited<ReturnType<typeof startSecondProcess>>;
    beforeAll(async () => {
      // B polls every second, so its sender competes with A's for every due row.
      second = await startSecondProcess({ NOTIFICATIONS_POLL_SECONDS: '1' });
    });
    afterAll(async () => {
      await second?.stop();
    });

    it('each message is sent exactly once, whichever process claims it', async () => {
      const id = await story('Two processes');
      smtp.delayMs = 40;
      const keys = Array.from({ length: 40 }, (_, i) => `mentioned:two-processes:${i}`);
      // Enqueued without a kick (raw due rows), then A sends while B polls.
      await app.strapi.db.transaction(async () => {
        for (const eventKey of keys)
          await notifications().enqueue({
            kind: 'mentioned',
            target: { uid: ARTICLE, documentId: id, locale: 'en' },
            actor: { type: 'admin', id: editor.user.id, name: 'Edith Tester' },
            recipients: [fc1.user.id],
            eventKey,
            data: { text: eventKey },
          });
      });
      const until = Date.now() + 30_000;
      for (;;) {
        const rows = await outbox({ eventKey: { $in: keys } });
        if (rows.every((r: any) => r.status === 'sent')) {
          // Both processes took part.
          expect(new Set(rows.map((r: any) => r.claimedBy)).size).toBe(2);
          break;
        }
        if (Date.now() > until) throw new Error('not all sent within 30 s');
        await new Promise((r) => setTimeout(r, 100));
      }
      const texts = smtp.mails
        .filter((m) => m.subject.includes('Two processes'))
        .map((m) => m.text);
      for (const key of keys) expect(texts.filter((t) => t.includes(`${key}\n`))).toHaveLength(1);
      expect(texts).toHaveLength(keys.length);
    });

    it('a move made through B is told once', async () => {
      const id = await story('Moved through B');
      await move(author, id, 'submit');
      const before = smtp.mails.filter((m) => m.subject.startsWith('Changes requested')).length;
      const res = await fetch(`${second.url}${transitionUrl(id)}`, {
        method: 'POST',
        headers: { ...fc1.auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ transition: 'request_changes', comment: 'Via B' }),
      });
      expect(res.status).toBe(200);
      const until = Date.now() + 10_000;
      while (
        smtp.mails.filter((m) => m.subject.startsWith('Changes requested')).length === before &&
        Date.now() < until
      )
        await new Promise((r) => setTimeout(r, 50));
      // Give a duplicate the chance to arrive (B's poll, A's sender).
      await new Promise((r) => setTimeout(r, 2_500));
      await sender().sendDue();
      // (B's poller may also have delivered some of the submit's mails: each once.)
      const mails = smtp.mails.filter((m) => m.subject.includes('Moved through B'));
      const changes = mails.filter((m) => m.subject.startsWith('Changes requested'));
      expect(recipientsOf(changes)).toEqual(sorted(author));
      expect(changes[0].text).toContain('Via B');
      expect(recipientsOf(mails.filter((m) => m.subject.startsWith('Submitted')))).toEqual(
        sorted(chief, editor, fc1, fc2)
      );
    });
  });
