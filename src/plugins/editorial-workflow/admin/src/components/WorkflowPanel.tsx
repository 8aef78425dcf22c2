import * as React from 'react';
import { Box, Button, Field, Flex, Loader, Textarea, Typography } from '@strapi/design-system';
import { useForm, useNotification, useQueryParams } from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import type { DocumentState, HistoryEntry, WorkflowInfo } from '../../../shared/contracts';
import {
  asApiError,
  useGetDocumentStateQuery,
  useGetWorkflowQuery,
  useTransitionMutation,
  type ApiError,
} from '../api';
import { getTrad } from '../utils/translations';
import { transitionName } from '../utils/names';
import { formatDateTime } from '../utils/time';
import { PluginErrorBoundary } from './ErrorBoundary';
import { StageBadge } from './StageBadge';
import { ChecklistSection } from './ChecklistSection';
import { AssigneeSection } from './AssigneeSection';
import { ThreadSection } from './ThreadSection';
import { EmbargoFields, ScheduleNote, type EmbargoValue } from './ScheduleSection';
import { localInputToIso } from '../utils/time';

type LocaleQuery = { plugins?: { i18n?: { locale?: string } } };

const useEditViewLocale = (document?: { locale?: string | null }) => {
  const [{ query }] = useQueryParams<LocaleQuery>();
  return document?.locale ?? query.plugins?.i18n?.locale ?? undefined;
};

const stageName = (
  intl: ReturnType<typeof useIntl>,
  workflow: WorkflowInfo | undefined,
  id: string | null
) => {
  if (!id) return '—';
  const stage = workflow?.stages.find((s) => s.id === id);
  return intl.formatMessage({ id: getTrad(`stage.${id}`), defaultMessage: stage?.name ?? id });
};

/**
 * The refusal, in words: the server's message and every guard problem it listed. `title` replaces the
 * heading for errors that are not a refused move (the state could not be read).
 */
const Refusal = ({ error, title: heading }: { error: ApiError; title?: string }) => {
  const { formatMessage } = useIntl();
  const problems = Array.isArray(error.details?.problems) ? error.details!.problems! : [];
  const title =
    heading ??
    (error.status === 403
      ? formatMessage({
          id: getTrad('panel.error.forbidden'),
          defaultMessage: 'You may not make this move.',
        })
      : error.status === 409
        ? formatMessage({
            id: getTrad('panel.error.conflict'),
            defaultMessage:
              'Someone else moved this story meanwhile. The panel now shows its current state.',
          })
        : formatMessage({
            id: getTrad('panel.error.refused'),
            defaultMessage: 'The move was refused.',
          }));
  return (
    <Box
      role="alert"
      background="danger100"
      borderColor="danger200"
      hasRadius
      padding={3}
      data-testid="ew-refusal"
    >
      <Typography variant="omega" fontWeight="bold" textColor="danger700" tag="p">
        {title}
      </Typography>
      {error.message && problems.length === 0 ? (
        <Typography variant="omega" textColor="danger700" tag="p">
          {error.message}
        </Typography>
      ) : null}
      {problems.length > 0 ? (
        <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
          {problems.map((problem, i) => (
            <li key={i}>
              <Typography variant="omega" textColor="danger700">
                {problem}
              </Typography>
            </li>
          ))}
        </Box>
      ) : null}
    </Box>
  );
};

const History = ({ history, workflow }: { history: HistoryEntry[]; workflow?: WorkflowInfo }) => {
  const intl = useIntl();
  const headingId = React.useId();
  if (history.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {intl.formatMessage({
          id: getTrad('panel.history.empty'),
          defaultMessage: 'No moves yet.',
        })}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="sigma" textColor="neutral600" tag="h3" id={headingId}>
        {intl.formatMessage({
          id: getTrad('panel.history.title'),
          defaultMessage: 'History (newest first)',
        })}
      </Typography>
      <Box tag="ol" aria-labelledby={headingId} data-testid="ew-history">
        {history.map((entry, i) => (
          <Box
            tag="li"
            key={`${entry.createdAt}-${i}`}
            paddingTop={2}
            paddingBottom={2}
            borderColor={i ? 'neutral150' : undefined}
            borderStyle={i ? 'solid' : undefined}
            borderWidth={i ? '1px 0 0 0' : undefined}
          >
            <Typography variant="omega" fontWeight="bold" tag="p">
              {transitionName(intl, workflow, entry.transition)}
            </Typography>
            {entry.transition === 'assign' ? <AssignmentNote entry={entry} /> : null}
            <Typography variant="pi" textColor="neutral700" tag="p">
              {stageName(intl, workflow, entry.from)} → {stageName(intl, workflow, entry.to)}
            </Typography>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {intl.formatMessage(
                { id: getTrad('panel.history.byAt'), defaultMessage: '{actor}, {date}' },
                { actor: entry.actor?.name ?? '—', date: formatDateTime(intl, entry.createdAt) }
              )}
            </Typography>
            {entry.comment ? (
              <Typography
                variant="pi"
                textColor="neutral800"
                tag="p"
                style={{ whiteSpace: 'pre-wrap' }}
              >
                “{entry.comment}”
              </Typography>
            ) : null}
          </Box>
        ))}
      </Box>
    </Flex>
  );
};

/** What an `assign` entry did: "Assigned to X" or "Unassigned". */
const AssignmentNote = ({ entry }: { entry: HistoryEntry }) => {
  const { formatMessage } = useIntl();
  return (
    <Typography variant="pi" textColor="neutral700" tag="p" data-testid="ew-history-assignee">
      {entry.assignee
        ? formatMessage(
            { id: getTrad('history.assignedTo'), defaultMessage: 'Assigned to {name}' },
            { name: entry.assignee.name }
          )
        : formatMessage({ id: getTrad('history.unassigned'), defaultMessage: 'Unassigned' })}
    </Typography>
  );
};

const PanelContent = ({
  uid,
  documentId,
  locale,
}: {
  uid: string;
  documentId: string;
  locale?: string;
}) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { toggleNotification } = useNotification();
  const { data: workflow } = useGetWorkflowQuery();
  const target = { uid, documentId, locale };
  const { data: state, isLoading, error: loadError, refetch } = useGetDocumentStateQuery(target);
  const [transition, { isLoading: moving }] = useTransitionMutation();
  const [comment, setComment] = React.useState('');
  const [commentError, setCommentError] = React.useState<string | null>(null);
  // What readers read: a withdrawal's notice, or the note of an approval that corrects a live story.
  const [publicNote, setPublicNote] = React.useState('');
  const [publicNoteError, setPublicNoteError] = React.useState<string | null>(null);
  const publicNoteId = React.useId();
  const [refusal, setRefusal] = React.useState<ApiError | null>(null);
  const [embargo, setEmbargo] = React.useState<EmbargoValue>({ publishAt: '', unpublishAt: '' });
  const commentId = React.useId();
  // The workflow moves the saved document: unsaved edits must be saved (or discarded) first.
  const modified = useForm('EditorialWorkflowPanel', (form) => form.modified);

  if (isLoading)
    return (
      <Loader small>
        {formatMessage({ id: getTrad('panel.loading'), defaultMessage: 'Loading workflow state' })}
      </Loader>
    );
  if (!state) {
    const err = asApiError(loadError);
    if (err?.status === 404) {
      return (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: getTrad('panel.notFound'),
            defaultMessage: 'Save the document to start its workflow.',
          })}
        </Typography>
      );
    }
    // Not a refused move: reading the state failed (no read right on this locale, server error).
    return err ? (
      <Refusal
        error={err}
        title={formatMessage({
          id: getTrad('panel.error.load'),
          defaultMessage: 'The workflow state could not be loaded.',
        })}
      />
    ) : null;
  }

  const stage = workflow?.stages.find((s) => s.id === state.stage);
  // The server words each prompt (the transition's `commentPrompt` in the workflow config); a
  // translation may reword it under `transition.<id>.commentPrompt`.
  const promptOf = (t: DocumentState['allowedTransitions'][number]) =>
    t.commentPrompt
      ? formatMessage({
          id: getTrad(`transition.${t.id}.commentPrompt`),
          defaultMessage: t.commentPrompt,
        })
      : null;
  const prompts = state.allowedTransitions.map(promptOf).filter((p): p is string => Boolean(p));
  // Approval may carry an embargo when the workflow has a stage for scheduled stories.
  const publishing = new Set(workflow?.stages.filter((s) => s.publishes).map((s) => s.id));
  const schedulable = (t: { to: string }) =>
    Boolean(workflow?.stages.some((s) => s.schedules)) &&
    publishing.has(t.to) &&
    !workflow?.stages.find((s) => s.id === state.stage)?.schedules;
  const times = (t: { to: string }) => {
    if (!schedulable(t)) return {};
    const publishAt = localInputToIso(embargo.publishAt);
    const unpublishAt = localInputToIso(embargo.unpublishAt);
    return { ...(publishAt ? { publishAt } : {}), ...(unpublishAt ? { unpublishAt } : {}) };
  };

  const run = async (t: DocumentState['allowedTransitions'][number]) => {
    setRefusal(null);
    setCommentError(null);
    setPublicNoteError(null);
    const text = comment.trim();
    const note = publicNote.trim();
    if (t.publicNote === 'notice' && !note) {
      setPublicNoteError(
        formatMessage({
          id: getTrad('panel.publicNote.needed'),
          defaultMessage: 'A withdrawal needs a public note: readers see it in place of the story.',
        })
      );
      return;
    }
    if (t.requireComment && !text) {
      setCommentError(
        promptOf(t) ??
          formatMessage({
            id: getTrad('panel.comment.needed'),
            defaultMessage: 'This move needs a comment: say why.',
          })
      );
      return;
    }
    const res = await transition({
      ...target,
      transition: t.id,
      comment: text || undefined,
      expectedVersion: state.version,
      ...times(t),
      ...(note && t.publicNote === 'notice' ? { publicNote: note } : {}),
      // A note written for an approval of a live story makes it a correction.
      ...(note && t.publicNote === 'correction' ? { correction: { note } } : {}),
    });
    if (!('data' in res) || !res.data) {
      const err = ('error' in res ? asApiError(res.error) : null) ?? { message: 'Unknown error' };
      setRefusal(err);
      if (err.status === 409) refetch();
      return;
    }
    setComment('');
    if (t.publicNote) setPublicNote('');
    setEmbargo({ publishAt: '', unpublishAt: '' });
    toggleNotification({
      type: 'success',
      message: formatMessage(
        { id: getTrad('panel.moved'), defaultMessage: 'Moved to {stage}.' },
        { stage: stageName(intl, workflow, res.data.stage) }
      ),
    });
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-testid="ew-panel">
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {formatMessage({ id: getTrad('panel.stage'), defaultMessage: 'Stage' })}
        </Typography>
        <StageBadge
          stage={stage ? { ...stage, name: stageName(intl, workflow, stage.id) } : undefined}
          stageId={state.stage}
          publishAt={state.publishAt}
        />
        <Typography variant="pi" textColor="neutral600" tag="p">
          {formatMessage(
            { id: getTrad('panel.since'), defaultMessage: 'Since {date}' },
            { date: formatDateTime(intl, state.enteredStageAt) }
          )}
        </Typography>
        <Typography
          variant="pi"
          textColor={state.live ? 'success700' : 'neutral600'}
          tag="p"
          data-testid="ew-live"
        >
          {state.live
            ? formatMessage({
                id: getTrad('panel.live'),
                defaultMessage: 'A published version is live.',
              })
            : formatMessage({
                id: getTrad('panel.notLive'),
                defaultMessage: 'No version is published.',
              })}
        </Typography>
      </Flex>
      <ScheduleNote publishAt={state.publishAt} unpublishAt={state.unpublishAt} onDue={refetch} />
      <AssigneeSection
        uid={uid}
        documentId={documentId}
        locale={locale}
        state={state}
        workflow={workflow}
      />

      {state.allowedTransitions.length > 0 ? (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Root
            id={commentId}
            name="editorial-workflow-comment"
            error={commentError ?? undefined}
            hint={prompts.length ? prompts.join(' ') : undefined}
          >
            <Field.Label>
              {formatMessage({ id: getTrad('panel.comment.label'), defaultMessage: 'Comment' })}
            </Field.Label>
            <Textarea
              value={comment}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setComment(e.target.value)}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
          {state.allowedTransitions.some((t) => t.publicNote) ? (
            <Field.Root
              id={publicNoteId}
              name="editorial-workflow-public-note"
              error={publicNoteError ?? undefined}
              hint={formatMessage({
                id: getTrad('panel.publicNote.hint'),
                defaultMessage:
                  'Readers see it: with “Approve”, a correction in the story’s corrections log; with “Withdraw”, the notice at its address. Leave it empty for an approval that corrects nothing.',
              })}
            >
              <Field.Label>
                {formatMessage({
                  id: getTrad('panel.publicNote.label'),
                  defaultMessage: 'Public note (correction or withdrawal)',
                })}
              </Field.Label>
              <Textarea
                value={publicNote}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
                  setPublicNote(e.target.value)
                }
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          ) : null}
          {state.allowedTransitions.some(schedulable) ? (
            <EmbargoFields value={embargo} onChange={setEmbargo} />
          ) : null}
          {modified ? (
            <Typography variant="pi" textColor="warning700" tag="p" role="status">
              {formatMessage({
                id: getTrad('panel.unsaved'),
                defaultMessage: 'Save your changes first: the workflow moves the saved version.',
              })}
            </Typography>
          ) : null}
          {state.allowedTransitions.map((t) => (
            <Button
              key={t.id}
              fullWidth
              variant={t.requireComment ? 'secondary' : 'default'}
              loading={moving}
              disabled={moving || modified || Boolean(t.blockedBy?.length)}
              onClick={() => run(t)}
              data-transition={t.id}
            >
              {formatMessage({ id: getTrad(`transition.${t.id}`), defaultMessage: t.name })}
            </Button>
          ))}
          {state.allowedTransitions
            .filter((t) => t.blockedBy?.length)
            .map((t) => (
              <Box key={t.id} data-testid={`ew-blocked-${t.id}`}>
                <Typography variant="pi" textColor="danger600">
                  {formatMessage({
                    id: getTrad('panel.blockedBy'),
                    defaultMessage: 'Not possible yet:',
                  })}
                </Typography>
                <ul>
                  {t.blockedBy!.map((reason) => (
                    <li key={reason}>
                      <Typography variant="pi" textColor="neutral700">
                        {reason}
                      </Typography>
                    </li>
                  ))}
                </ul>
              </Box>
            ))}
        </Flex>
      ) : (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: getTrad('panel.noMoves'),
            defaultMessage: 'You have no move to make in this stage.',
          })}
        </Typography>
      )}

      {refusal ? <Refusal error={refusal} /> : null}

      <ChecklistSection uid={uid} documentId={documentId} locale={locale} />

      <History history={state.history} workflow={workflow} />
      <ThreadSection uid={uid} documentId={documentId} locale={locale} workflow={workflow} />
    </Flex>
  );
};

export const WorkflowPanel: PanelComponent = ({
  model,
  documentId,
  document,
  collectionType,
}: PanelComponentProps) => {
  const { formatMessage } = useIntl();
  const { data: workflow } = useGetWorkflowQuery();
  const locale = useEditViewLocale(document as { locale?: string } | undefined);
  const id = documentId ?? (document?.documentId as string | undefined);
  if (!workflow?.contentTypes.includes(model) || !id || id === 'create') return null;
  return {
    title: formatMessage({ id: getTrad('panel.title'), defaultMessage: 'Editorial workflow' }),
    // Keyed by document and locale: another one starts from a clean slate (comment, refusal).
    content: (
      <PluginErrorBoundary
        where="side panel"
        key={`${model}|${id}|${locale ?? ''}|${collectionType}`}
      >
        <PanelContent uid={model} documentId={id} locale={locale} />
      </PluginErrorBoundary>
    ),
  };
};
// @ts-expect-error – core labels its panels with a type; so do we.
WorkflowPanel.type = 'editorial-workflow';
