import * as React from 'react';
import { Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { WorkflowInfo } from '../../../shared/contracts';
import type { Note } from '../../../shared/notes';
import { asApiError } from '../api';
import {
  useGetMentionableQuery,
  useGetNotesQuery,
  usePostNoteMutation,
  useSetNoteResolvedMutation,
} from '../notes-api';
import { getTrad } from '../utils/translations';
import { formatDateTime } from '../utils/time';
import { transitionName } from '../utils/names';

interface Props {
  uid: string;
  documentId: string;
  locale?: string;
  /** The workflow definition, to name the move a note came from. */
  workflow?: WorkflowInfo;
}

/** The `@word` being typed at the end of the text, if any: what the picker searches for. */
export const mentionQuery = (text: string): string | null => {
  const match = /(?:^|\s)@([\p{L}\p{N}._-]*)$/u.exec(text);
  return match ? match[1] : null;
};

/** The body split into plain text and the `@Name`s of picked users, to highlight them. */
const highlight = (body: string, names: string[]) => {
  const sorted = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (!sorted.length) return [body];
  const escaped = sorted.map((n) => `@${n}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return body.split(new RegExp(`(${escaped.join('|')})`, 'g'));
};

const NoteItem = ({
  note,
  names,
  workflow,
  onToggle,
  busy,
}: {
  note: Note;
  names: string[];
  workflow?: WorkflowInfo;
  onToggle: (note: Note) => void;
  busy: boolean;
}) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const resolved = Boolean(note.resolvedAt);
  return (
    <Box
      tag="li"
      data-testid="ew-note"
      data-note-id={note.id}
      padding={2}
      background={resolved ? 'neutral100' : undefined}
      hasRadius
    >
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography variant="pi" textColor="neutral600">
          <strong>{note.author?.name ?? '—'}</strong> · {formatDateTime(intl, note.createdAt)}
          {note.transition
            ? ` · ${formatMessage(
                { id: getTrad('thread.fromMove'), defaultMessage: 'from the move “{move}”' },
                { move: transitionName(intl, workflow, note.transition) }
              )}`
            : null}
        </Typography>
        {resolved ? (
          <Typography variant="pi" textColor="neutral500">
            {formatMessage(
              { id: getTrad('thread.resolvedBy'), defaultMessage: 'Resolved by {name}' },
              { name: note.resolvedBy?.name ?? '—' }
            )}
          </Typography>
        ) : (
          <Typography variant="omega" tag="p" style={{ whiteSpace: 'pre-wrap' }}>
            {highlight(note.body, names).map((part, i) =>
              part.startsWith('@') && names.includes(part.slice(1)) ? (
                <Typography key={i} fontWeight="bold" textColor="primary600" data-mention="">
                  {part}
                </Typography>
              ) : (
                <React.Fragment key={i}>{part}</React.Fragment>
              )
            )}
          </Typography>
        )}
        <Box>
          <Button
            variant="tertiary"
            size="S"
            disabled={busy}
            data-testid={resolved ? 'ew-note-reopen' : 'ew-note-resolve'}
            onClick={() => onToggle(note)}
          >
            {resolved
              ? formatMessage({ id: getTrad('thread.reopen'), defaultMessage: 'Reopen' })
              : formatMessage({ id: getTrad('thread.resolve'), defaultMessage: 'Resolve' })}
          </Button>
        </Box>
      </Flex>
    </Box>
  );
};

/** A story's discussion thread: notes oldest first, a textarea with an @-mention picker, Post. */
export const ThreadSection = ({ uid, documentId, locale, workflow }: Props) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const target = { uid, documentId, locale };
  const { data: notes = [], isLoading } = useGetNotesQuery(target);
  const [postNote, { isLoading: posting }] = usePostNoteMutation();
  const [setResolved, { isLoading: toggling }] = useSetNoteResolvedMutation();
  const [body, setBody] = React.useState('');
  const [picked, setPicked] = React.useState<{ id: number; name: string }[]>([]);
  const [known, setKnown] = React.useState<Record<number, string>>({});
  const [error, setError] = React.useState<string | null>(null);
  const query = mentionQuery(body);
  const { data: options = [] } = useGetMentionableQuery(
    { ...target, q: query ?? '' },
    { skip: query === null || query.length === 0 }
  );

  const pick = (user: { id: number; name: string }) => {
    setBody((text) => text.replace(/@([\p{L}\p{N}._-]*)$/u, `@${user.name} `));
    setPicked((list) => (list.some((u) => u.id === user.id) ? list : [...list, user]));
    setKnown((k) => ({ ...k, [user.id]: user.name }));
  };

  const post = async () => {
    setError(null);
    // Only the picked users whose `@Name` is still in the text are mentioned.
    const mentions = picked.filter((u) => body.includes(`@${u.name}`)).map((u) => u.id);
    const res = await postNote({ ...target, body, mentions });
    if ('error' in res) {
      const err = asApiError(res.error);
      setError(err?.message ?? 'Error');
      return;
    }
    setBody('');
    setPicked([]);
  };

  const toggle = async (note: Note) => {
    const res = await setResolved({ ...target, id: note.id, resolved: !note.resolvedAt });
    if ('error' in res)
      toggleNotification({
        type: 'danger',
        message: asApiError(res.error)?.message ?? 'Error',
      });
  };

  const names = Object.values(known);
  const bodyId = React.useId();
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="ew-thread">
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {formatMessage({ id: getTrad('thread.title'), defaultMessage: 'Discussion' })}
      </Typography>
      {isLoading ? null : notes.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: getTrad('thread.empty'), defaultMessage: 'No notes yet.' })}
        </Typography>
      ) : (
        <Flex tag="ol" direction="column" alignItems="stretch" gap={1}>
          {notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              names={[...names, ...(note.mentioned ?? []).map((u) => u.name)]}
              workflow={workflow}
              onToggle={toggle}
              busy={toggling}
            />
          ))}
        </Flex>
      )}
      <Field.Root id={bodyId} name="editorial-workflow-note" error={error ?? undefined}>
        <Field.Label>
          {formatMessage({ id: getTrad('thread.note.label'), defaultMessage: 'Note' })}
        </Field.Label>
        <Textarea
          data-testid="ew-note-body"
          value={body}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setBody(e.target.value)}
        />
        <Field.Error />
      </Field.Root>
      {query && options.length > 0 ? (
        <Flex
          tag="ul"
          direction="column"
          alignItems="stretch"
          role="listbox"
          aria-label={formatMessage({
            id: getTrad('thread.mention.label'),
            defaultMessage: 'Mention someone',
          })}
        >
          {options.map((user) => (
            <li key={user.id}>
              <Button
                variant="ghost"
                size="S"
                role="option"
                data-testid="ew-mention-option"
                onClick={() => pick(user)}
              >
                {user.name}
              </Button>
            </li>
          ))}
        </Flex>
      ) : null}
      <Box>
        <Button
          data-testid="ew-note-post"
          disabled={posting || body.trim().length === 0}
          loading={posting}
          onClick={post}
        >
          {formatMessage({ id: getTrad('thread.post'), defaultMessage: 'Post' })}
        </Button>
      </Box>
    </Flex>
  );
};
