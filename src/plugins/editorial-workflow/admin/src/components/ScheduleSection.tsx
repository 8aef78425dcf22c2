import * as React from 'react';
import { Box, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTrad } from '../utils/translations';
import { formatCountdown, formatDateTime } from '../utils/time';

/** The current time, ticking every `everyMs` while mounted. */
export const useNow = (everyMs = 1000) => {
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
};

/**
 * When a scheduled story goes live, with a live countdown, and when a live one comes down. Once the
 * time has come it asks for the state again every few seconds (`onDue`) until the scheduler has
 * published it and the stage changes.
 */
export const ScheduleNote = ({
  publishAt,
  unpublishAt,
  onDue,
}: {
  publishAt?: string | null;
  unpublishAt?: string | null;
  onDue?: () => void;
}) => {
  const intl = useIntl();
  const now = useNow();
  const left = publishAt ? new Date(publishAt).getTime() - now : null;
  const due = left !== null && left <= 0;
  React.useEffect(() => {
    if (!due || !onDue) return;
    onDue();
    const timer = setInterval(onDue, 5000);
    return () => clearInterval(timer);
  }, [due, onDue]);
  if (!publishAt && !unpublishAt) return null;
  return (
    <Box
      background="primary100"
      borderColor="primary200"
      hasRadius
      padding={3}
      data-testid="ew-schedule"
    >
      {publishAt ? (
        <>
          <Typography variant="omega" fontWeight="bold" tag="p" data-testid="ew-publish-at">
            {intl.formatMessage(
              { id: getTrad('schedule.publishAt'), defaultMessage: 'Goes live {date}' },
              { date: formatDateTime(intl, publishAt) }
            )}
          </Typography>
          <Typography variant="omega" tag="p" role="timer" data-testid="ew-countdown">
            {due
              ? intl.formatMessage({
                  id: getTrad('schedule.due'),
                  defaultMessage: 'Due now: the workflow is publishing it.',
                })
              : intl.formatMessage(
                  { id: getTrad('schedule.countdown'), defaultMessage: 'in {left}' },
                  { left: formatCountdown(left!) }
                )}
          </Typography>
        </>
      ) : null}
      {unpublishAt ? (
        <Typography variant="pi" textColor="neutral700" tag="p" data-testid="ew-unpublish-at">
          {intl.formatMessage(
            { id: getTrad('schedule.unpublishAt'), defaultMessage: 'Comes down {date}' },
            { date: formatDateTime(intl, unpublishAt) }
          )}
        </Typography>
      ) : null}
    </Box>
  );
};

export interface EmbargoValue {
  publishAt: string;
  unpublishAt: string;
}

/** Optional times for an approval: with "Publish at", approve schedules instead of publishing now. */
export const EmbargoFields = ({
  value,
  onChange,
}: {
  value: EmbargoValue;
  onChange: (value: EmbargoValue) => void;
}) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="ew-embargo">
      <Field.Root
        name="editorial-workflow-publish-at"
        hint={formatMessage({
          id: getTrad('schedule.publishAt.hint'),
          defaultMessage:
            'Embargo: with a time, approving schedules the story; the workflow publishes it then.',
        })}
      >
        <Field.Label>
          {formatMessage({ id: getTrad('schedule.publishAt.label'), defaultMessage: 'Publish at' })}
        </Field.Label>
        <TextInput
          type="datetime-local"
          value={value.publishAt}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
            onChange({ ...value, publishAt: e.target.value })
          }
        />
        <Field.Hint />
      </Field.Root>
      <Field.Root name="editorial-workflow-unpublish-at">
        <Field.Label>
          {formatMessage({
            id: getTrad('schedule.unpublishAt.label'),
            defaultMessage: 'Take down at (optional)',
          })}
        </Field.Label>
        <TextInput
          type="datetime-local"
          value={value.unpublishAt}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
            onChange({ ...value, unpublishAt: e.target.value })
          }
        />
      </Field.Root>
    </Flex>
  );
};
