import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderInAdmin } from '../../tests/render';
import { notifications, ok, server, strapiError } from '../../tests/strapi-admin';
import type { NotificationPreferences } from '../../../shared/notifications';
import { NotificationSettings } from './NotificationSettings';

vi.mock('@strapi/strapi/admin', () => import('../../tests/strapi-admin'));

const URL = '/editorial-workflow/notification-preferences';
const KINDS = [
  { id: 'submit', name: 'Submit for fact-check' },
  { id: 'request_changes', name: 'Request changes' },
  { id: 'approve', name: 'Approve and publish' },
  { id: 'retract', name: 'Retract' },
  { id: 'assigned', name: 'Assigned to me' },
  { id: 'mentioned', name: 'Mentioned in a note' },
  { id: 'sla', name: 'Past the stage’s time limit (SLA)' },
  { id: 'escalate', name: 'Escalate to the desk' },
];
const prefs = (disabled: string[]): NotificationPreferences => ({ kinds: KINDS, disabled });

const show = () =>
  renderInAdmin(<NotificationSettings />, {
    url: '/settings/editorial-workflow/notifications',
    path: '/settings/editorial-workflow/notifications',
  });

const box = (kind: string) => screen.getByTestId(`ew-notify-${kind}`);

describe('NotificationSettings (Settings → Email notifications)', () => {
  it('shows one checkbox per kind, ticked unless turned off, in the newsroom’s words', async () => {
    server.on('GET', URL, ok(prefs(['sla'])));
    show();
    expect(await screen.findByRole('heading', { name: 'Email notifications' })).toBeInTheDocument();
    await waitFor(() => expect(box('submit')).toBeInTheDocument());
    expect(box('submit')).toBeChecked();
    expect(box('sla')).not.toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Changes are requested on a story I submitted' })
    ).toBe(box('request_changes'));
    // A kind the plugin has no words for (an app's own transition) shows the server's name.
    expect(screen.getByRole('checkbox', { name: 'Escalate to the desk' })).toBe(box('escalate'));
    // Nothing changed yet: nothing to save.
    expect(screen.getByTestId('ew-notify-save')).toBeDisabled();
  });

  it('saves the kinds turned off: one PUT, a success notification', async () => {
    let current = prefs([]);
    server.on('GET', URL, () => ok(current));
    server.on('PUT', URL, (req) => {
      current = prefs((req.data as { disabled: string[] }).disabled);
      return ok(current);
    });
    const { user } = show();
    await waitFor(() => expect(box('submit')).toBeChecked());
    await user.click(box('submit'));
    await user.click(box('mentioned'));
    await user.click(box('mentioned'));
    expect(box('submit')).not.toBeChecked();
    await user.click(screen.getByTestId('ew-notify-save'));
    await waitFor(() => expect(server.requestsTo('PUT', URL)).toHaveLength(1));
    expect(server.requestsTo('PUT', URL)[0].data).toEqual({ disabled: ['submit'] });
    await waitFor(() =>
      expect(notifications).toEqual([{ type: 'success', message: 'Notification settings saved.' }])
    );
    await waitFor(() => expect(screen.getByTestId('ew-notify-save')).toBeDisabled());
  });

  it('says why a save was refused, and why the settings could not be loaded', async () => {
    server.on('GET', URL, ok(prefs([])));
    server.on('PUT', URL, strapiError(400, 'ValidationError', 'Unknown notification kind "x"'));
    const { user } = show();
    await waitFor(() => expect(box('approve')).toBeChecked());
    await user.click(box('approve'));
    await user.click(screen.getByTestId('ew-notify-save'));
    await waitFor(() =>
      expect(notifications).toEqual([{ type: 'danger', message: 'Unknown notification kind "x"' }])
    );
  });

  it('shows the error when the preferences cannot be read', async () => {
    server.on('GET', URL, strapiError(401, 'UnauthorizedError', 'Missing or invalid credentials'));
    show();
    expect(await screen.findByTestId('ew-notify-error')).toHaveTextContent(
      'Your notification settings could not be loaded: Missing or invalid credentials'
    );
  });
});
