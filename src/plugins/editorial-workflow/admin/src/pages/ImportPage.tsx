import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  LinkButton,
  Loader,
  Radio,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type {
  ImportFormat,
  ImportMatch,
  ImportProposal,
  ImportRequest,
  ImportResult,
} from '../../../shared/contracts';
import { IMPORT_FORMATS } from '../../../shared/contracts';
import { asApiError, type ApiError } from '../api';
import {
  ARTICLE_UID,
  useCreateImportMutation,
  useGetLocalesQuery,
  useGetReferencesQuery,
  usePreviewImportMutation,
  type Reference,
} from '../api-import';
import { PluginErrorBoundary } from '../components/ErrorBoundary';
import {
  ACCEPTED_FILES,
  formatOfFile,
  initialForm,
  missingNames,
  toReview,
  type QuoteForm,
  type ReviewForm,
} from '../utils/import-review';
import { getTrad } from '../utils/translations';

type T = (key: string, defaultMessage: string, values?: Record<string, React.ReactNode>) => string;

const editUrl = (documentId: string, locale: string) =>
  `/content-manager/collection-types/${ARTICLE_UID}/${documentId}${locale ? `?plugins[i18n][locale]=${locale}` : ''}`;

const ErrorBox = ({ error, t }: { error: ApiError; t: T }) => (
  <Box role="alert" background="danger100" padding={4} hasRadius data-testid="ew-import-error">
    <Typography textColor="danger700">
      {t('error', 'Not imported: {message}', {
        message: error.message ?? error.name ?? 'unknown error',
      })}
    </Typography>
  </Box>
);

const MatchBadge = ({ match, t }: { match: ImportMatch | null; t: T }) =>
  match ? (
    <Badge backgroundColor="success100" textColor="success700">
      {t('matched', 'matched: {name}', { name: match.name })}
    </Badge>
  ) : (
    <Badge backgroundColor="secondary100" textColor="secondary700">
      {t('new', 'new')}
    </Badge>
  );

const Section = ({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: React.ReactNode;
}) => (
  <Box
    background="neutral0"
    padding={5}
    hasRadius
    shadow="tableShadow"
    data-testid={testId}
    tag="section"
    aria-label={title}
  >
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);

// ---------------------------------------------------------------------------------------------
// Step 1: the copy.

/** A file's text, as UTF-8 (FileReader: older engines, and jsdom, have no Blob.text()). */
const readText = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });

interface CopyInput {
  content: string;
  format: ImportFormat;
  locale: string;
  filename?: string;
}

const CopyStep = ({
  t,
  input,
  setInput,
  onPreview,
  busy,
}: {
  t: T;
  input: CopyInput;
  setInput: (next: CopyInput) => void;
  onPreview: () => void;
  busy: boolean;
}) => {
  const { data: locales } = useGetLocalesQuery();
  const [dragging, setDragging] = React.useState(false);
  React.useEffect(() => {
    if (!input.locale && locales?.length)
      setInput({ ...input, locale: (locales.find((l) => l.isDefault) ?? locales[0]).code });
  }, [locales, input, setInput]);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setInput({
      ...input,
      content: await readText(file),
      format: formatOfFile(file.name),
      filename: file.name,
    });
  };

  return (
    <Section title={t('copy.title', 'Wire copy')} testId="ew-import-copy">
      <Field.Root
        name="content"
        hint={t('copy.hint', 'Paste agency copy: plain text, HTML, ninjs (JSON) or NITF (XML).')}
      >
        <Field.Label>{t('copy.label', 'Wire copy')}</Field.Label>
        <Textarea
          value={input.content}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
            setInput({ ...input, content: e.target.value, filename: undefined })
          }
          data-testid="ew-import-content"
        />
        <Field.Hint />
      </Field.Root>
      <Box
        padding={4}
        hasRadius
        borderStyle="dashed"
        borderWidth="1px"
        borderColor={dragging ? 'primary600' : 'neutral300'}
        background={dragging ? 'primary100' : 'neutral100'}
        data-testid="ew-import-drop"
        onDragOver={(e: React.DragEvent) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e: React.DragEvent) => {
          e.preventDefault();
          setDragging(false);
          void readFile(e.dataTransfer.files[0]);
        }}
      >
        <Flex direction="column" gap={2} alignItems="flex-start">
          <Typography tag="label" htmlFor="ew-import-file">
            {t('file.label', 'Or drop a .txt, .html, .json or .xml file here, or choose one')}
          </Typography>
          <input
            id="ew-import-file"
            type="file"
            accept={ACCEPTED_FILES}
            data-testid="ew-import-file"
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
          {input.filename ? (
            <Typography variant="pi" textColor="neutral600" data-testid="ew-import-filename">
              {t('file.read', 'Read from {name}', { name: input.filename })}
            </Typography>
          ) : null}
        </Flex>
      </Box>
      <Flex gap={4} alignItems="flex-end" wrap="wrap">
        <Box minWidth="200px">
          <SingleSelect
            aria-label={t('locale', 'Locale')}
            placeholder={t('locale', 'Locale')}
            value={input.locale}
            onChange={(value) => setInput({ ...input, locale: String(value) })}
            data-testid="ew-import-locale"
          >
            {(locales ?? []).map((l) => (
              <SingleSelectOption key={l.code} value={l.code}>
                {l.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Box>
        <Box minWidth="200px">
          <SingleSelect
            aria-label={t('format', 'Format')}
            value={input.format}
            onChange={(value) => setInput({ ...input, format: String(value) as ImportFormat })}
            data-testid="ew-import-format"
          >
            {IMPORT_FORMATS.map((f) => (
              <SingleSelectOption key={f} value={f}>
                {t(`format.${f}`, f)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Box>
        <Button
          onClick={onPreview}
          loading={busy}
          disabled={!input.content.trim() || !input.locale}
          data-testid="ew-import-preview"
        >
          {t('preview', 'Review')}
        </Button>
      </Flex>
    </Section>
  );
};

// ---------------------------------------------------------------------------------------------
// Step 2: the review.

/** A quote's speaker or source: none, one of the copy's, an existing one, or a new one (`children`: its fields). */
const RefPicker = ({
  testId,
  heading,
  label,
  none,
  fresh,
  value,
  onChange,
  disabled,
  status,
  proposed,
  existing,
  t,
  children,
}: {
  testId: string;
  heading: string;
  label: string;
  none: string;
  fresh: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  status: React.ReactNode;
  proposed: { key: string; name: string }[];
  existing: Reference[];
  t: T;
  children: React.ReactNode;
}) => (
  <Flex direction="column" alignItems="stretch" gap={1} minWidth="260px">
    <Flex gap={2}>
      <Typography variant="sigma">{heading}</Typography>
      <span data-testid={testId}>{status}</span>
    </Flex>
    <SingleSelect
      aria-label={label}
      value={value}
      onChange={(next) => onChange(String(next))}
      disabled={disabled}
    >
      <SingleSelectOption value="none">{none}</SingleSelectOption>
      {proposed.map((p) => (
        <SingleSelectOption key={p.key} value={`key:${p.key}`}>
          {t('quote.proposed', '{name} (from the copy)', { name: p.name })}
        </SingleSelectOption>
      ))}
      {existing.map((e) => (
        <SingleSelectOption key={e.documentId} value={`existing:${e.documentId}`}>
          {t('quote.existing', '{name} (existing)', { name: e.name })}
        </SingleSelectOption>
      ))}
      <SingleSelectOption value="new">{fresh}</SingleSelectOption>
    </SingleSelect>
    {value === 'new' && !disabled ? <Flex gap={2}>{children}</Flex> : null}
  </Flex>
);

const QuoteCard = ({
  t,
  proposal,
  index,
  form,
  set,
  people,
  sources,
}: {
  t: T;
  proposal: ImportProposal;
  index: number;
  form: QuoteForm;
  set: (next: QuoteForm) => void;
  people: Reference[];
  sources: Reference[];
}) => {
  const quote = proposal.quotes[index];
  const n = index + 1;
  const proposedPerson = (key: string) => proposal.people.find((p) => p.key === key);
  const proposedSource = (key: string) => proposal.sources.find((s) => s.key === key);
  const status = (
    choice: string,
    match: (key: string) => { match: ImportMatch | null } | undefined
  ) =>
    choice === 'none' ? (
      <Badge>{t('none', 'none')}</Badge>
    ) : choice.startsWith('key:') ? (
      <MatchBadge match={match(choice.slice(4))?.match ?? null} t={t} />
    ) : choice === 'new' ? (
      <MatchBadge match={null} t={t} />
    ) : (
      <Badge backgroundColor="success100" textColor="success700">
        {t('existing', 'existing')}
      </Badge>
    );
  return (
    <Box
      padding={4}
      hasRadius
      borderColor="neutral200"
      borderStyle="solid"
      borderWidth="1px"
      role="group"
      aria-label={t('quote.label', 'Quote {n}', { n })}
      data-testid={`ew-import-quote-${index}`}
      background={form.drop ? 'neutral100' : 'neutral0'}
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography fontWeight="semiBold" textDecoration={form.drop ? 'line-through' : undefined}>
          {quote.text}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {t('quote.context', 'Context: {context}', { context: quote.context })}
        </Typography>
        <Flex gap={4} wrap="wrap" alignItems="flex-start">
          <RefPicker
            testId={`ew-import-quote-${index}-speaker-status`}
            heading={t('quote.speaker', 'Speaker')}
            label={t('quote.speaker.of', 'Speaker of quote {n}', { n })}
            none={t('quote.noSpeaker', 'No speaker')}
            fresh={t('quote.newPerson', 'A new person…')}
            value={form.speaker}
            onChange={(speaker) => set({ ...form, speaker })}
            disabled={form.drop}
            status={status(form.speaker, proposedPerson)}
            proposed={proposal.people}
            existing={people}
            t={t}
          >
            <Field.Root required>
              <Field.Label>{t('quote.newName', 'Name of quote {n}’s speaker', { n })}</Field.Label>
              <TextInput
                value={form.speakerName}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  set({ ...form, speakerName: e.target.value })
                }
              />
            </Field.Root>
            <Field.Root>
              <Field.Label>{t('quote.newRole', 'Role of quote {n}’s speaker', { n })}</Field.Label>
              <TextInput
                value={form.speakerRole}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  set({ ...form, speakerRole: e.target.value })
                }
              />
            </Field.Root>
          </RefPicker>
          <RefPicker
            testId={`ew-import-quote-${index}-source-status`}
            heading={t('quote.source', 'Source')}
            label={t('quote.source.of', 'Source of quote {n}', { n })}
            none={t('quote.noSource', 'No source')}
            fresh={t('quote.newSource', 'A new source…')}
            value={form.source}
            onChange={(source) => set({ ...form, source })}
            disabled={form.drop}
            status={status(form.source, proposedSource)}
            proposed={proposal.sources}
            existing={sources}
            t={t}
          >
            <Field.Root required>
              <Field.Label>
                {t('quote.newSourceName', 'Name of quote {n}’s source', { n })}
              </Field.Label>
              <TextInput
                value={form.sourceName}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                  set({ ...form, sourceName: e.target.value })
                }
              />
            </Field.Root>
          </RefPicker>
        </Flex>
        <Checkbox
          checked={form.drop}
          onCheckedChange={(checked) => set({ ...form, drop: checked === true })}
        >
          {t('quote.drop', 'Drop quote {n}', { n })}
        </Checkbox>
      </Flex>
    </Box>
  );
};

/** A proposed person or source: as proposed, merged into an existing one, or left out. */
const ProposalRow = ({
  t,
  testId,
  name,
  detail,
  match,
  choice,
  setChoice,
  existing,
}: {
  t: T;
  testId: string;
  name: string;
  detail?: string;
  match: ImportMatch | null;
  choice: string;
  setChoice: (choice: string) => void;
  existing: Reference[];
}) => (
  <Flex gap={4} alignItems="center" wrap="wrap" data-testid={testId}>
    <Box minWidth="220px">
      <Typography fontWeight="semiBold">{name}</Typography>
      {detail ? (
        <Typography variant="pi" textColor="neutral600">
          {' '}
          {detail}
        </Typography>
      ) : null}
    </Box>
    <MatchBadge match={match} t={t} />
    <Box minWidth="300px">
      <SingleSelect
        aria-label={t('proposal.choice', 'What becomes of {name}', { name })}
        value={choice}
        onChange={(value) => setChoice(String(value))}
      >
        <SingleSelectOption value="proposal">
          {match
            ? t('proposal.link', 'Link to {name}', { name: match.name })
            : t('proposal.create', 'Create {name}', { name })}
        </SingleSelectOption>
        {existing
          .filter((e) => e.documentId !== match?.documentId)
          .map((e) => (
            <SingleSelectOption key={e.documentId} value={`existing:${e.documentId}`}>
              {t('proposal.merge', 'Merge into {name}', { name: e.name })}
            </SingleSelectOption>
          ))}
        <SingleSelectOption value="skip">{t('proposal.skip', 'Leave out')}</SingleSelectOption>
      </SingleSelect>
    </Box>
  </Flex>
);

const ReviewStep = ({
  t,
  proposal,
  form,
  setForm,
  allowDuplicate,
  setAllowDuplicate,
  onBack,
  onCreate,
  busy,
}: {
  t: T;
  proposal: ImportProposal;
  form: ReviewForm;
  setForm: (next: ReviewForm) => void;
  allowDuplicate: boolean;
  setAllowDuplicate: (allow: boolean) => void;
  onBack: () => void;
  onCreate: () => void;
  busy: boolean;
}) => {
  const { data: people = [] } = useGetReferencesQuery('api::person.person');
  const { data: sources = [] } = useGetReferencesQuery('api::source.source');
  const missing = missingNames(form);
  const duplicate = proposal.duplicates.length > 0;
  return (
    <Flex direction="column" alignItems="stretch" gap={5} data-testid="ew-import-review">
      {duplicate ? (
        <Box
          role="alert"
          background="warning100"
          padding={4}
          hasRadius
          data-testid="ew-import-duplicates"
        >
          <Flex direction="column" alignItems="flex-start" gap={2}>
            <Typography textColor="warning700" fontWeight="semiBold">
              {t('duplicates', 'This copy was imported before:')}
            </Typography>
            {proposal.duplicates.map((d) => (
              <LinkButton
                key={`${d.documentId}-${d.locale}`}
                tag={NavLink}
                to={editUrl(d.documentId, d.locale)}
                variant="tertiary"
                size="S"
              >
                {t('duplicates.story', '«{title}» ({locale})', {
                  title: d.title,
                  locale: d.locale,
                })}
              </LinkButton>
            ))}
            <Checkbox
              checked={allowDuplicate}
              onCheckedChange={(checked) => setAllowDuplicate(checked === true)}
            >
              {t('duplicates.allow', 'Import it again anyway')}
            </Checkbox>
          </Flex>
        </Box>
      ) : null}

      <Section title={t('story', 'Story')} testId="ew-import-story">
        <Field.Root name="title" required>
          <Field.Label>{t('story.title', 'Title')}</Field.Label>
          <TextInput
            value={form.title}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
              setForm({ ...form, title: e.target.value })
            }
          />
        </Field.Root>
        <Field.Root name="standfirst">
          <Field.Label>{t('story.standfirst', 'Standfirst')}</Field.Label>
          <Textarea
            value={form.standfirst}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
              setForm({ ...form, standfirst: e.target.value })
            }
          />
        </Field.Root>
        <Field.Root
          name="body"
          hint={t('story.body.hint', 'Paragraphs are separated by an empty line.')}
        >
          <Field.Label>{t('story.body', 'Body')}</Field.Label>
          <Textarea
            value={form.body}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
              setForm({ ...form, body: e.target.value })
            }
          />
          <Field.Hint />
        </Field.Root>
        {proposal.secondStory ? (
          <Box data-testid="ew-import-second">
            <Typography tag="p" fontWeight="semiBold">
              {t('second', 'A second story’s headline is in the copy: «{title}»', {
                title: proposal.secondStory.title,
              })}
            </Typography>
            <Radio.Group
              aria-label={t('second.label', 'Second story')}
              value={form.secondStory}
              onValueChange={(value: string) =>
                setForm({ ...form, secondStory: value === 'split' ? 'split' : 'drop' })
              }
            >
              <Radio.Item value="split">
                {t('second.split', 'Make it a separate draft story, with its paragraphs')}
              </Radio.Item>
              <Radio.Item value="drop">
                {t('second.drop', 'Drop its headline (its paragraphs stay in this story)')}
              </Radio.Item>
            </Radio.Group>
          </Box>
        ) : null}
      </Section>

      <Section
        title={t('quotes', 'Quotes ({count})', { count: proposal.quotes.length })}
        testId="ew-import-quotes"
      >
        {proposal.quotes.length === 0 ? (
          <Typography>{t('quotes.none', 'No quotes were found in this copy.')}</Typography>
        ) : (
          proposal.quotes.map((q, index) => (
            <QuoteCard
              key={q.index}
              t={t}
              proposal={proposal}
              index={index}
              form={form.quotes[index]}
              set={(next) =>
                setForm({ ...form, quotes: form.quotes.map((f, i) => (i === index ? next : f)) })
              }
              people={people}
              sources={sources}
            />
          ))
        )}
      </Section>

      <Section title={t('people', 'People')} testId="ew-import-people">
        {proposal.people.length === 0 ? (
          <Typography>{t('people.none', 'Nobody is named.')}</Typography>
        ) : (
          proposal.people.map((p) => (
            <ProposalRow
              key={p.key}
              t={t}
              testId={`ew-import-person-${p.key}`}
              name={p.name}
              detail={p.role}
              match={p.match}
              choice={form.people[p.key]}
              setChoice={(choice) =>
                setForm({ ...form, people: { ...form.people, [p.key]: choice } })
              }
              existing={people}
            />
          ))
        )}
      </Section>

      <Section title={t('sources', 'Sources')} testId="ew-import-sources">
        {proposal.sources.length === 0 ? (
          <Typography>{t('sources.none', 'No source is named.')}</Typography>
        ) : (
          proposal.sources.map((s) => (
            <ProposalRow
              key={s.key}
              t={t}
              testId={`ew-import-source-${s.key}`}
              name={s.name}
              detail={t(`sourceType.${s.type}`, s.type)}
              match={s.match}
              choice={form.sources[s.key]}
              setChoice={(choice) =>
                setForm({ ...form, sources: { ...form.sources, [s.key]: choice } })
              }
              existing={sources}
            />
          ))
        )}
      </Section>

      <Section
        title={t('flagged', 'In quotation marks, but nobody’s quote')}
        testId="ew-import-flagged"
      >
        {proposal.flagged.length === 0 ? (
          <Typography>{t('flagged.none', 'Nothing.')}</Typography>
        ) : (
          <ul>
            {proposal.flagged.map((f, i) => (
              <li key={i}>
                <Typography>
                  {t('flagged.item', '{text}: {reason}', {
                    text: f.text,
                    reason: t(`flagged.${f.reason}`, f.reason),
                  })}
                </Typography>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t('removed', 'Removed while cleaning')} testId="ew-import-removed">
        {proposal.removed.length === 0 ? (
          <Typography>{t('removed.none', 'Nothing.')}</Typography>
        ) : (
          <ul>
            {proposal.removed.map((r, i) => (
              <li key={i}>
                <Typography>
                  {t('removed.item', '{text} ({reason})', {
                    text: r.text,
                    reason: t(`removed.${r.reason}`, r.reason),
                  })}
                </Typography>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {missing.length > 0 ? (
        <Typography textColor="danger600" data-testid="ew-import-missing">
          {t('missing', 'Give a name to each new speaker or source first (quote {n}).', {
            n: missing[0].index + 1,
          })}
        </Typography>
      ) : null}
      <Flex gap={2}>
        <Button variant="tertiary" onClick={onBack} data-testid="ew-import-back">
          {t('back', 'Back')}
        </Button>
        <Button
          onClick={onCreate}
          loading={busy}
          disabled={missing.length > 0 || !form.title.trim() || (duplicate && !allowDuplicate)}
          data-testid="ew-import-create"
        >
          {t('create', 'Create draft')}
        </Button>
      </Flex>
    </Flex>
  );
};

// ---------------------------------------------------------------------------------------------
// Step 3: what was created.

const DoneStep = ({ t, result, onAgain }: { t: T; result: ImportResult; onAgain: () => void }) => (
  <Section title={t('done', 'Draft created')} testId="ew-import-done">
    <Typography>
      {t(
        'done.summary',
        '{stories, plural, one {# draft story} other {# draft stories}} in stage draft, with their quotes unverified; {people, plural, =0 {no new person} one {# new person} other {# new people}}, {sources, plural, =0 {no new source} one {# new source} other {# new sources}}.',
        {
          stories: result.stories.length,
          people: result.people.length,
          sources: result.sources.length,
        }
      )}
    </Typography>
    {result.stories.map((s) => (
      <Flex key={s.documentId} gap={2}>
        <LinkButton
          tag={NavLink}
          to={editUrl(s.documentId, s.locale)}
          data-testid={`ew-import-open-${s.documentId}`}
        >
          {t('done.open', 'Open «{title}» in the Content Manager', { title: s.title })}
        </LinkButton>
        <Typography variant="pi" textColor="neutral600">
          {t('done.quotes', '{count, plural, =0 {no quotes} one {# quote} other {# quotes}}', {
            count: s.quotes.length,
          })}
        </Typography>
      </Flex>
    ))}
    <Box>
      <Button variant="secondary" onClick={onAgain} data-testid="ew-import-again">
        {t('again', 'Import more copy')}
      </Button>
    </Box>
  </Section>
);

// ---------------------------------------------------------------------------------------------

const ImportPageContent = () => {
  const { formatMessage } = useIntl();
  const t: T = (key, defaultMessage, values) =>
    formatMessage({ id: getTrad(`import.${key}`), defaultMessage }, values) as string;
  const [input, setInput] = React.useState<CopyInput>({ content: '', format: 'auto', locale: '' });
  const [proposal, setProposal] = React.useState<ImportProposal | null>(null);
  const [form, setForm] = React.useState<ReviewForm | null>(null);
  const [allowDuplicate, setAllowDuplicate] = React.useState(false);
  const [result, setResult] = React.useState<ImportResult | null>(null);
  const [error, setError] = React.useState<ApiError | null>(null);
  const [preview, previewState] = usePreviewImportMutation();
  const [create, createState] = useCreateImportMutation();

  const request = (): ImportRequest => ({
    content: input.content,
    format: input.format,
    locale: input.locale,
    ...(input.filename ? { filename: input.filename } : {}),
  });

  const onPreview = async () => {
    setError(null);
    const res = await preview({ uid: ARTICLE_UID, request: request() });
    if ('error' in res) return setError(asApiError(res.error));
    setProposal(res.data);
    setForm(initialForm(res.data));
    setAllowDuplicate(false);
  };
  const onCreate = async () => {
    if (!proposal || !form) return;
    setError(null);
    const review = toReview(proposal, form);
    const res = await create({
      uid: ARTICLE_UID,
      request: {
        ...request(),
        ...(Object.keys(review).length > 0 ? { review } : {}),
        ...(allowDuplicate ? { allowDuplicate: true } : {}),
      },
    });
    if ('error' in res) return setError(asApiError(res.error));
    setResult(res.data);
  };
  const restart = () => {
    setProposal(null);
    setForm(null);
    setResult(null);
    setError(null);
    setInput({ content: '', format: 'auto', locale: input.locale });
  };

  const title = t('title', 'Import wire copy');
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t(
          'subtitle',
          'Agency copy in, a draft story out: its quotes unverified, with their speakers and sources, for a fact-checker to check.'
        )}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={5} data-testid="ew-import">
          {error ? <ErrorBox error={error} t={t} /> : null}
          {result ? (
            <DoneStep t={t} result={result} onAgain={restart} />
          ) : proposal && form ? (
            <ReviewStep
              t={t}
              proposal={proposal}
              form={form}
              setForm={setForm}
              allowDuplicate={allowDuplicate}
              setAllowDuplicate={setAllowDuplicate}
              onBack={() => {
                setProposal(null);
                setForm(null);
                setError(null);
              }}
              onCreate={onCreate}
              busy={createState.isLoading}
            />
          ) : (
            <CopyStep
              t={t}
              input={input}
              setInput={setInput}
              onPreview={onPreview}
              busy={previewState.isLoading}
            />
          )}
          {previewState.isLoading ? (
            <Loader small>{t('loading', 'Reading the copy')}</Loader>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export const ImportPage = () => (
  <PluginErrorBoundary where="wire import">
    <ImportPageContent />
  </PluginErrorBoundary>
);

export default ImportPage;
