import { describe, expect, it, vi } from 'vitest';
import { parseWorkflowConfig } from './definition';
import { NEWSROOM_CONFIG } from './fixtures';
import {
  afterFailure,
  backoffMs,
  defaultRecipients,
  editViewUrl,
  finalRecipients,
  MAX_ATTEMPTS,
  notificationKinds,
  parseNotificationsConfig,
  preferencesBodySchema,
  recipientSource,
  renderMessage,
} from './notifications';

const def = parseWorkflowConfig({
  ...NEWSROOM_CONFIG,
  stages: NEWSROOM_CONFIG.stages.map((s) =>
    s.id === 'fact_check' ? { ...s, assignTo: 'approve' } : s
  ),
});
const admin = (id: number) => ({ type: 'admin' as const, id, name: `User ${id}` });

describe('recipients', () => {
  it('a move into a stage with assignTo tells the assignee or every reviewer; other moves the submitter', () => {
    expect(recipientSource(def, 'submit')).toBe('assignee-or-reviewers');
    expect(recipientSource(def, 'request_changes')).toBe('submitter');
    expect(recipientSource(def, 'approve')).toBe('submitter');
    expect(recipientSource(def, 'retract')).toBe('submitter');
    for (const kind of ['assigned', 'mentioned', 'sla', 'unknown'])
      expect(recipientSource(def, kind)).toBe('explicit');
  });

  it('without assignTo on the stage, even a submit tells only the submitter', () => {
    expect(recipientSource(parseWorkflowConfig(NEWSROOM_CONFIG), 'submit')).toBe('submitter');
  });

  it('draws the defaults from the facts, loading reviewers only when there is no assignee', async () => {
    const reviewers = vi.fn(async () => [4, 5]);
    const facts = { assignee: null, submitter: admin(2), reviewers };
    expect(await defaultRecipients('assignee-or-reviewers', facts)).toEqual([4, 5]);
    expect(
      await defaultRecipients('assignee-or-reviewers', { ...facts, assignee: { id: 7 } })
    ).toEqual([7]);
    expect(reviewers).toHaveBeenCalledTimes(1);
    expect(await defaultRecipients('submitter', facts)).toEqual([2]);
    // Only admin users have an inbox.
    expect(
      await defaultRecipients('submitter', {
        ...facts,
        submitter: { type: 'system', id: null, name: 'system' },
      })
    ).toEqual([]);
    expect(await defaultRecipients('submitter', { ...facts, submitter: null })).toEqual([]);
    expect(await defaultRecipients('explicit', facts)).toEqual([]);
  });

  it('tells each once, never the actor, never one who turned the kind off', () => {
    const disabled = new Map([[5, ['submit']]]);
    expect(finalRecipients([3, 4, 4, 5, 6], 'submit', admin(3), disabled)).toEqual([4, 6]);
    expect(finalRecipients([3, 5], 'approve', admin(9), disabled)).toEqual([3, 5]);
    // A system actor has no id to leave out.
    expect(
      finalRecipients([3], 'sla', { type: 'system', id: null, name: 'system' }, disabled)
    ).toEqual([3]);
  });

  it('lists every kind a user can turn off: the transitions, then the desk’s own', () => {
    expect(notificationKinds(def).map((k) => k.id)).toEqual([
      'submit',
      'request_changes',
      'approve',
      'retract',
      'assigned',
      'mentioned',
      'sla',
    ]);
  });
});

describe('retries', () => {
  it('waits 30 s after the first failure, doubling, capped at an hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(3_600_000);
  });

  it('retries until the eighth failure, then gives up', () => {
    const now = new Date('2026-12-03T10:00:00Z');
    expect(afterFailure(0, now)).toEqual({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: new Date('2026-12-03T10:00:30Z'),
    });
    expect(afterFailure(MAX_ATTEMPTS - 2, now).status).toBe('pending');
    expect(afterFailure(MAX_ATTEMPTS - 1, now)).toMatchObject({ status: 'failed', attempts: 8 });
  });
});

describe('messages', () => {
  const url = editViewUrl('https://cms.example/admin/', 'api::article.article', 'abc', 'en');

  it('links to the Content Manager edit view of the locale', () => {
    expect(url).toBe(
      'https://cms.example/admin/content-manager/collection-types/api::article.article/abc?plugins[i18n][locale]=en'
    );
    expect(editViewUrl('https://cms.example/admin', 'api::page.page', 'x', '')).toBe(
      'https://cms.example/admin/content-manager/collection-types/api::page.page/x'
    );
  });

  it('says who did what to which story, with the comment and the link', () => {
    const message = renderMessage({
      kind: 'request_changes',
      title: 'Port strike',
      locale: 'en',
      stageName: 'Draft',
      actorName: 'Fiona',
      comment: 'Source the <second> quote.',
      url,
    });
    expect(message.subject).toBe('Changes requested: Port strike (en)');
    expect(message.text).toBe(
      [
        'Fiona requested changes to this story.',
        '',
        'Story: Port strike (en)',
        'Stage: Draft',
        '',
        'Comment:',
        'Source the <second> quote.',
        '',
        `Open it: ${url}`,
      ].join('\n')
    );
    // HTML escapes what people wrote.
    expect(message.html).toContain('<blockquote>Source the &lt;second&gt; quote.</blockquote>');
  });

  it('escapes every part people or settings wrote in the HTML, attributes included (he)', () => {
    const message = renderMessage({
      kind: 'mentioned',
      title: 'Tom & "Jerry" <b>',
      locale: 'en',
      actorName: "O'Brien <script>",
      stageName: 'Fact-check & <i>',
      comment: 'a < b\nand `c`',
      url: 'https://cms.example/admin?x="><img src=x onerror=alert(1)>',
    });
    expect(message.html).not.toMatch(/<(script|b|i|img)\b/);
    expect(message.html).toContain('<p>O&#x27;Brien &lt;script&gt; mentioned you in a note');
    expect(message.html).toContain('Tom &amp; &quot;Jerry&quot; &lt;b&gt; (en)');
    expect(message.html).toContain('<strong>Stage:</strong> Fact-check &amp; &lt;i&gt;');
    expect(message.html).toContain('<blockquote>a &lt; b<br>and &#x60;c&#x60;</blockquote>');
    expect(message.html).toContain(
      '<a href="https://cms.example/admin?x=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">'
    );
    // The plain text part is not HTML: it keeps the words as written.
    expect(message.text).toContain('Story: Tom & "Jerry" <b> (en)');
  });

  it('names each kind in the subject; an untitled story is "Untitled"', () => {
    const subject = (kind: string, extra = {}) =>
      renderMessage({ kind, title: null, locale: 'ru', actorName: 'Edith', url, ...extra }).subject;
    expect(subject('submit')).toBe('Submitted for fact-check: Untitled (ru)');
    expect(subject('approve')).toBe('Approved and published: Untitled (ru)');
    expect(subject('retract')).toBe('Retracted: Untitled (ru)');
    expect(subject('assigned')).toBe('Assigned to you: Untitled (ru)');
    expect(subject('mentioned')).toBe('Edith mentioned you: Untitled (ru)');
    expect(subject('sla')).toBe('Waiting too long: Untitled (ru)');
    expect(subject('escalate', { transitionName: 'Escalate' })).toBe('Escalate: Untitled (ru)');
    expect(
      renderMessage({
        kind: 'sla',
        title: 'T',
        locale: '',
        actorName: 's',
        stageName: 'Fact-check',
        slaHours: 24,
        url,
      }).text
    ).toContain('This story has waited in Fact-check longer than 24 hours.');
  });
});

describe('config and preferences', () => {
  it('defaults to the log, every 15 s; refuses unknown keys and bad values with the key', () => {
    expect(parseNotificationsConfig(undefined)).toEqual({
      delivery: 'log',
      adminUrl: undefined,
      pollSeconds: 15,
    });
    expect(parseNotificationsConfig({ delivery: 'email', pollSeconds: 2 }).delivery).toBe('email');
    expect(() => parseNotificationsConfig({ delivery: 'smtp' })).toThrow(
      'Invalid editorial-workflow config: notifications.delivery must be "email" or "log"'
    );
    expect(() => parseNotificationsConfig({ pollSeconds: 0 })).toThrow(
      'notifications.pollSeconds must be a positive number'
    );
    expect(() => parseNotificationsConfig({ smtp: true })).toThrow('notifications');
  });

  it('accepts known kinds only, once each', () => {
    const schema = preferencesBodySchema(['submit', 'sla']);
    expect(schema.parse({ disabled: ['sla', 'sla'] })).toEqual({ disabled: ['sla'] });
    const refused = schema.safeParse({ disabled: ['nope'] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({
      path: ['disabled', 0],
      message: 'Unknown notification kind "nope" (known: submit, sla)',
    });
  });
});
