import type { IntlShape } from 'react-intl';
import {
  SCHEDULED_PUBLISH,
  SCHEDULED_UNPUBLISH,
  type WorkflowInfo,
} from '../../../shared/contracts';
import { getTrad } from './translations';

/**
 * A move as people name it: the transition's name in the workflow definition (a translation may
 * reword it under `transition.<id>`), never its id; `edit` is the server's own entry for an edit
 * that sent the story back; the scheduler's own moves have names of their own.
 */
export const transitionName = (
  intl: IntlShape,
  workflow: WorkflowInfo | undefined,
  id: string
): string =>
  id === 'edit'
    ? intl.formatMessage({
        id: getTrad('transition.edit'),
        defaultMessage: 'Edited after approval',
      })
    : id === SCHEDULED_PUBLISH || id === SCHEDULED_UNPUBLISH
      ? intl.formatMessage({
          id: getTrad(`transition.${id}`),
          defaultMessage:
            id === SCHEDULED_PUBLISH
              ? 'Published at its scheduled time'
              : 'Taken down at its scheduled time',
        })
      : intl.formatMessage({
          id: getTrad(`transition.${id}`),
          defaultMessage: workflow?.transitions.find((t) => t.id === id)?.name ?? id,
        });
