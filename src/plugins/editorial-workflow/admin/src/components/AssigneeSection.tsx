import * as React from 'react';
import { Button, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { DocumentState, WorkflowInfo } from '../../../shared/contracts';
import { asApiError, type ApiError } from '../api';
import { useAssignMutation, useGetAssigneesQuery } from '../api-assign';
import { getTrad } from '../utils/translations';

/**
 * Who owns the story in a stage that takes assignees (`assignTo`): shown to everyone; Take for an
 * eligible reviewer, Release for the assignee, and a picker for holders of `assign`.
 */
export const AssigneeSection = ({
  uid,
  documentId,
  locale,
  state,
  workflow,
}: {
  uid: string;
  documentId: string;
  locale?: string;
  state: DocumentState;
  workflow?: WorkflowInfo;
}) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const stage = workflow?.stages.find((s) => s.id === state.stage);
  const takesAssignee = Boolean(stage?.assignTo);
  const { data: eligible } = useGetAssigneesQuery(
    { uid, documentId, locale },
    { skip: !takesAssignee }
  );
  const [assign, { isLoading }] = useAssignMutation();
  const [picked, setPicked] = React.useState('');
  const [refusal, setRefusal] = React.useState<ApiError | null>(null);
  if (!takesAssignee) return null;

  const me = eligible?.me ?? null;
  const mine = me !== null && state.assignee?.id === me;
  const mayTake = me !== null && !mine && Boolean(eligible?.users.some((u) => u.id === me));

  const send = async (assignee: number | null) => {
    setRefusal(null);
    const res = await assign({ uid, documentId, locale, assignee, expectedVersion: state.version });
    if (!('data' in res) || !res.data) {
      setRefusal(('error' in res ? asApiError(res.error) : null) ?? { message: 'Unknown error' });
      return;
    }
    setPicked('');
    toggleNotification({
      type: 'success',
      message: res.data.assignee
        ? formatMessage(
            { id: getTrad('assignee.assigned'), defaultMessage: 'Assigned to {name}.' },
            { name: res.data.assignee.name }
          )
        : formatMessage({ id: getTrad('assignee.unassigned'), defaultMessage: 'Unassigned.' }),
    });
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="ew-assignee-section">
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {formatMessage({ id: getTrad('assignee.title'), defaultMessage: 'Assignee' })}
      </Typography>
      <Typography variant="omega" tag="p" data-testid="ew-assignee">
        {state.assignee
          ? state.assignee.name
          : formatMessage({ id: getTrad('assignee.none'), defaultMessage: 'Nobody yet' })}
      </Typography>
      <Flex gap={2} wrap="wrap">
        {mayTake ? (
          <Button
            variant="secondary"
            size="S"
            loading={isLoading}
            onClick={() => send(me)}
            data-testid="ew-take"
          >
            {formatMessage({ id: getTrad('assignee.take'), defaultMessage: 'Take' })}
          </Button>
        ) : null}
        {mine ? (
          <Button
            variant="tertiary"
            size="S"
            loading={isLoading}
            onClick={() => send(null)}
            data-testid="ew-release"
          >
            {formatMessage({ id: getTrad('assignee.release'), defaultMessage: 'Release' })}
          </Button>
        ) : null}
      </Flex>
      {eligible?.mayAssign ? (
        <Flex gap={2} alignItems="flex-end">
          <SingleSelect
            size="S"
            aria-label={formatMessage({
              id: getTrad('assignee.pick'),
              defaultMessage: 'Assign to',
            })}
            placeholder={formatMessage({
              id: getTrad('assignee.pick'),
              defaultMessage: 'Assign to',
            })}
            value={picked}
            onChange={(value) => setPicked(String(value ?? ''))}
            data-testid="ew-assign-select"
          >
            {state.assignee ? (
              <SingleSelectOption value="none">
                {formatMessage({ id: getTrad('assignee.nobody'), defaultMessage: 'Nobody' })}
              </SingleSelectOption>
            ) : null}
            {eligible.users.map((u) => (
              <SingleSelectOption key={u.id} value={String(u.id)}>
                {u.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Button
            size="S"
            disabled={!picked}
            loading={isLoading}
            onClick={() => send(picked === 'none' ? null : Number(picked))}
            data-testid="ew-assign"
          >
            {formatMessage({ id: getTrad('assignee.assign'), defaultMessage: 'Assign' })}
          </Button>
        </Flex>
      ) : null}
      {refusal ? (
        <Typography
          variant="pi"
          textColor="danger600"
          tag="p"
          role="alert"
          data-testid="ew-assign-error"
        >
          {refusal.message}
        </Typography>
      ) : null}
    </Flex>
  );
};
