import type { IntlShape } from 'react-intl';
import type { WorkflowInfo } from '../../../shared/contracts';
import { getTrad } from './translations';

/**
 * A move as people name it: the transition's name in the workflow definition (a translation may
 * reword it under `transition.<id>`), never its id; `edit` is the server's own entry for an edit
 * that sent the story back.
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
    : intl.formatMessage({
        id: getTrad(`transition.${id}`),
        defaultMessage: workflow?.transitions.find((t) => t.id === id)?.name ?? id,
      });
