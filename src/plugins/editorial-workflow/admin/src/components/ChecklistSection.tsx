import * as React from 'react';
import { Badge, Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ChecklistItem } from '../../../shared/checklist';
import { VERDICTS, VERDICTS_NEEDING_NOTE } from '../../../shared/checklist';
import { asApiError } from '../api';
import { useGetChecklistQuery, useSetVerdictMutation } from '../api-checklist';
import { getTrad } from '../utils/translations';
import { formatDateTime } from '../utils/time';

interface Target {
  uid: string;
  documentId: string;
  locale?: string;
}

const BADGE: Record<string, { background: string; text: string }> = {
  verified: { background: 'success100', text: 'success700' },
  disputed: { background: 'danger100', text: 'danger700' },
  misattributed: { background: 'danger100', text: 'danger700' },
  unverifiable: { background: 'warning100', text: 'warning700' },
  unverified: { background: 'neutral150', text: 'neutral700' },
};

const useVerdictName = () => {
  const { formatMessage } = useIntl();
  return (value: string) =>
    formatMessage({ id: getTrad(`checklist.verdict.${value}`), defaultMessage: value });
};

/** One quote: what it says and where from, its verdict, and the fact-checker's buttons. */
const QuoteRow = ({
  item,
  story,
  canVerify,
}: {
  item: ChecklistItem;
  story: Target;
  /** The server's word on whether this user's verdict would be saved; without it, no buttons. */
  canVerify: boolean;
}) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const verdictName = useVerdictName();
  const { toggleNotification } = useNotification();
  const [setVerdict, { isLoading }] = useSetVerdictMutation();
  const [choice, setChoice] = React.useState<string | null>(null);
  const [note, setNote] = React.useState('');
  const [noteError, setNoteError] = React.useState<string | null>(null);
  const badge = BADGE[item.verification] ?? BADGE.unverified;

  const choose = (value: string) => {
    setChoice(value);
    setNote(item.verificationNote ?? '');
    setNoteError(null);
  };
  const save = async () => {
    if (!choice) return;
    const trimmed = note.trim();
    if (VERDICTS_NEEDING_NOTE.includes(choice) && !trimmed) {
      setNoteError(
        formatMessage({
          id: getTrad('checklist.note.needed'),
          defaultMessage: 'Say why: this verdict needs a note.',
        })
      );
      return;
    }
    const result = await setVerdict({
      story,
      uid: item.uid,
      documentId: item.documentId,
      locale: item.locale,
      verification: choice,
      verificationNote: trimmed || null,
    });
    if ('error' in result && result.error) {
      toggleNotification({
        type: 'danger',
        message:
          asApiError(result.error)?.message ??
          formatMessage({
            id: getTrad('checklist.save.failed'),
            defaultMessage: 'The verdict could not be saved.',
          }),
      });
      return;
    }
    // The Content Manager drops fields a role may not write and still answers 200: say so.
    const saved = 'data' in result ? result.data : null;
    if (saved && saved.verification !== choice) {
      toggleNotification({
        type: 'warning',
        message: formatMessage({
          id: getTrad('checklist.save.ignored'),
          defaultMessage:
            'The verdict was not saved: your role may not set verdicts (Verify quotes permission).',
        }),
      });
      return;
    }
    setChoice(null);
  };

  return (
    <Box
      padding={3}
      hasRadius
      borderColor="neutral200"
      borderStyle="solid"
      borderWidth="1px"
      data-testid={`ew-quote-${item.documentId}`}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="omega" fontWeight="semiBold">
          {item.text ?? '—'}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            {
              id: getTrad('checklist.quote.who'),
              defaultMessage: '{speaker} · {source} · {date}',
            },
            {
              speaker:
                item.speaker ??
                formatMessage({
                  id: getTrad('checklist.quote.noSpeaker'),
                  defaultMessage: 'no speaker',
                }),
              source: item.source
                ? formatMessage(
                    {
                      id: getTrad('checklist.quote.source'),
                      defaultMessage: '{name} (grade {grade})',
                    },
                    { name: item.source.name, grade: item.source.reliability ?? '?' }
                  )
                : formatMessage({
                    id: getTrad('checklist.quote.noSource'),
                    defaultMessage: 'no source',
                  }),
              date:
                item.saidAt ??
                formatMessage({ id: getTrad('checklist.quote.noDate'), defaultMessage: 'no date' }),
            }
          )}
        </Typography>
        {item.url ? (
          <Typography variant="pi" tag="a" href={item.url} target="_blank" rel="noreferrer">
            {item.url}
          </Typography>
        ) : null}
        <Flex gap={2} wrap="wrap">
          <Badge
            backgroundColor={badge.background}
            textColor={badge.text}
            data-testid="ew-quote-status"
          >
            {verdictName(item.verification)}
          </Badge>
          {item.verifiedBy && item.verification !== 'unverified' ? (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(
                { id: getTrad('checklist.quote.verifiedBy'), defaultMessage: '{name}, {date}' },
                {
                  name: item.verifiedBy,
                  date: item.verifiedAt ? formatDateTime(intl, item.verifiedAt) : '',
                }
              )}
            </Typography>
          ) : null}
        </Flex>
        {item.verificationNote ? (
          <Typography variant="pi" textColor="neutral700">
            {item.verificationNote}
          </Typography>
        ) : null}
        {canVerify ? (
          <Flex gap={1} wrap="wrap">
            {VERDICTS.filter((v) => v !== item.verification).map((value) => (
              <Button
                key={value}
                size="S"
                variant={choice === value ? 'default' : 'tertiary'}
                onClick={() => choose(value)}
                data-testid={`ew-verdict-${value}`}
              >
                {verdictName(value)}
              </Button>
            ))}
          </Flex>
        ) : null}
        {canVerify && choice ? (
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Field.Root
              error={noteError ?? undefined}
              required={VERDICTS_NEEDING_NOTE.includes(choice)}
            >
              <Field.Label>
                {formatMessage({ id: getTrad('checklist.note.label'), defaultMessage: 'Note' })}
              </Field.Label>
              <Textarea
                value={note}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)}
                data-testid="ew-verdict-note"
              />
              <Field.Error />
            </Field.Root>
            <Flex gap={2}>
              <Button size="S" loading={isLoading} onClick={save} data-testid="ew-verdict-save">
                {formatMessage(
                  { id: getTrad('checklist.save'), defaultMessage: 'Mark {verdict}' },
                  { verdict: verdictName(choice) }
                )}
              </Button>
              <Button size="S" variant="tertiary" onClick={() => setChoice(null)}>
                {formatMessage({ id: getTrad('checklist.cancel'), defaultMessage: 'Cancel' })}
              </Button>
            </Flex>
          </Flex>
        ) : null}
      </Flex>
    </Box>
  );
};

/** The story's quotes in this locale, their verdicts, and warnings about their sources. */
export const ChecklistSection = ({ uid, documentId, locale }: Target) => {
  const { formatMessage } = useIntl();
  const story = { uid, documentId, locale };
  const { data, error } = useGetChecklistQuery(story);
  if (error) {
    return (
      <Typography variant="pi" textColor="danger600">
        {formatMessage(
          {
            id: getTrad('checklist.error'),
            defaultMessage: 'The quote checklist could not be loaded: {message}',
          },
          { message: asApiError(error)?.message ?? '' }
        )}
      </Typography>
    );
  }
  if (!data || data.items.length === 0) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="ew-checklist">
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {formatMessage({ id: getTrad('checklist.title'), defaultMessage: 'Quotes to check' })}
      </Typography>
      <Typography variant="omega" data-testid="ew-checklist-progress">
        {formatMessage(
          { id: getTrad('checklist.progress'), defaultMessage: '{done} of {total} verified' },
          data.progress
        )}
      </Typography>
      {data.warnings.length > 0 ? (
        <Box
          padding={3}
          hasRadius
          background="warning100"
          borderColor="warning200"
          borderStyle="solid"
          borderWidth="1px"
          data-testid="ew-source-warnings"
        >
          <Typography variant="pi" fontWeight="bold" textColor="warning700">
            {data.blocking
              ? formatMessage({
                  id: getTrad('checklist.warnings.blocking'),
                  defaultMessage: 'Source warnings (they stop approval)',
                })
              : formatMessage({
                  id: getTrad('checklist.warnings.title'),
                  defaultMessage: 'Source warnings',
                })}
          </Typography>
          <ul>
            {data.warnings.map((w, i) => (
              <li key={`${w.code}-${w.documentId ?? ''}-${i}`}>
                <Typography variant="pi" textColor="warning700">
                  {w.message}
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      ) : null}
      {data.canVerify ? null : (
        <Typography variant="pi" textColor="neutral600" data-testid="ew-verdicts-locked">
          {formatMessage({
            id: getTrad('checklist.verdicts.locked'),
            defaultMessage:
              'Verdicts are given by those who hold the Verify quotes permission (fact-checkers and editors).',
          })}
        </Typography>
      )}
      {data.items.map((item) => (
        <QuoteRow key={item.documentId} item={item} story={story} canVerify={data.canVerify} />
      ))}
    </Flex>
  );
};
